import { DomainError } from '../../common/errors.js';
import type { SessionStore } from '../store/session-store.js';

/** Failures a turn meets when its session is deleted under it: its commit finds no record, or DELETE stopped it. */
const GONE_SYMPTOMS: ReadonlySet<string> = new Set(['VERSION_CONFLICT', 'TURN_STOPPED']);

/**
 * A turn's failure as the client should hear it (issue 14): a turn whose session was deleted while it
 * ran (DELETE on any replica, `FLUSHALL`, expiry) reported a retryable `VERSION_CONFLICT` (or
 * `TURN_STOPPED`) for a session that no longer exists; it answers `SESSION_NOT_FOUND` instead. Any other
 * failure, or a session still there (a real conflict), is returned as it was; so is the failure when
 * the store cannot tell.
 */
export async function explainWhenGone(store: SessionStore, sessionId: string, failure: DomainError): Promise<DomainError> {
  if (!GONE_SYMPTOMS.has(failure.code)) return failure;
  const session = await store.get(sessionId).catch(() => undefined);
  if (session !== null) return failure;
  return new DomainError('SESSION_NOT_FOUND', 'This session was deleted while the turn ran; nothing was changed.');
}
