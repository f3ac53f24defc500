import { DomainError } from '../../common/errors.js';
import { CommitOutcomeUnknownError, StoreUnavailableError, VersionConflictError } from '../store/session-store.js';

/** Maps store failures to the API's codes. */
export function storeError(error: unknown): unknown {
  if (error instanceof VersionConflictError) {
    return new DomainError('VERSION_CONFLICT', 'The session changed while this turn ran; nothing was changed. Try again.');
  }
  if (error instanceof CommitOutcomeUnknownError) {
    return new DomainError(
      'STORE_UNAVAILABLE',
      'Sessions are unavailable right now and this turn may or may not have been saved. Send it again with the same Idempotency-Key.',
    );
  }
  if (error instanceof StoreUnavailableError) {
    // Every store refusal or outage is worth retrying in a moment: the answer says when (Retry-After).
    return new DomainError('STORE_UNAVAILABLE', 'Sessions are unavailable right now; nothing was changed. Try again shortly.', {
      retryAfterSeconds: 1,
    });
  }
  return error;
}
