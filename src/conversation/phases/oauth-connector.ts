import type { CallbackClaim } from '../../oauth/oauth.service.js';
import type { CallbackReceipt } from '../../oauth/callback-receipts.js';
import type { OauthStateRecord } from '../store/session-store.js';
import type { SessionOwner } from '../state.js';

/** An authorization request the user is sent to. */
export interface AuthorizationStart {
  state: string;
  authorizationUrl: string;
  expiresAt: number;
  provider: string;
}

export type ExchangeOutcome = { status: 'connected' } | { status: 'failed'; reason: string };

/** What the conversation needs from OAuth (implemented by `OauthService`). */
export interface OauthConnector {
  /** The OAuth provider id that connects a catalog integration. */
  providerOf(integration: string): string;
  /** Whether the owner already holds credentials for the provider. */
  isConnected(owner: SessionOwner, provider: string): Promise<boolean>;
  /**
   * Creates a single-use state + PKCE pair for the session and the authorization URL to send the user to;
   * `integrations` (same provider, default just `integration`) are covered by the one grant. Nothing is
   * stored until `register()`: a turn registers it after its commit (`turn.afterCommit`).
   */
  prepareAuthorization(input: {
    sessionId: string;
    owner: SessionOwner;
    integration: string;
    integrations?: readonly string[];
  }): Promise<{ start: AuthorizationStart; register(): Promise<void> }>;
  /** Consumes a state (single use); null when unknown, used or expired. */
  takeState(state: string): Promise<OauthStateRecord | null>;
  /** Consumes a callback's state once across replicas; duplicates learn what became of the first. */
  claimCallback(state: string): Promise<CallbackClaim>;
  /** Records the end of a claimed callback for its duplicates. */
  settleCallback(record: OauthStateRecord, status: CallbackReceipt['status']): Promise<void>;
  /** Whether a callback's `iss` is acceptable for the record's provider (RFC 9207). */
  issuerMatches(record: OauthStateRecord, iss: string | undefined): boolean;
  /** Exchanges the code at the provider's token endpoint and stores the credentials. */
  exchangeCode(record: OauthStateRecord, code: string, iss?: string): Promise<ExchangeOutcome>;
}
export const OauthConnector = Symbol('OauthConnector');
