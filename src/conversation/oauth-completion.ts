import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors.js';
import type { CallbackReceipt } from '../oauth/callback-receipts.js';
import { ConversationSettings } from './conversation.settings.js';
import { requestsOf } from './phases/connections.js';
import { OauthConnector } from './phases/oauth-connector.js';
import { type ConnectionOutcome, OauthFlowHandler } from './phases/oauth-flow.handler.js';
import { displayName } from './requirements/requirements-document.js';
import { ConversationPhase, type ConversationState } from './state.js';
import { thaw } from './store/frozen.js';
import { type CommittedState, type OauthStateRecord, SessionStore } from './store/session-store.js';
import type { Turn } from './phases/turn.js';
import { type NewTurn, TurnRunner } from './turn/turn-runner.js';

/** The provider's redirect, as the callback received it. */
export interface OauthCallback {
  state: string;
  code?: string;
  error?: string;
  iss?: string;
}

export interface OauthCallbackResult {
  sessionId: string;
  integration: string;
  outcome: ConnectionOutcome;
}

/**
 * Details of an `OAUTH_STATE_INVALID` refusal for the callback page: a title, and the session to link
 * back to when the callback belongs to a live conversation. Nothing in them is secret.
 */
export interface CallbackRefusalDetails {
  title: string;
  sessionId?: string;
}

const refuse = (message: string, details: CallbackRefusalDetails = { title: 'Connection not completed' }): DomainError =>
  new DomainError('OAUTH_STATE_INVALID', message, { ...details });

/** How long the callback waits for a running turn before it resumes the conversation in the background. */
const RESUME_WAIT_MS = 5_000;

/**
 * Completes a connection from the OAuth callback. Takes the single-use state (atomically, across
 * replicas), checks that the conversation still waits for it BEFORE anything is exchanged or stored,
 * exchanges the code, then resumes the conversation under the session's lease in a background turn
 * whose events go to the session's event log. A duplicate of a callback (double click, prefetch,
 * another replica) exchanges nothing and resumes nothing: it is told what became of the first.
 */
@Injectable()
export class OauthCompletion {
  private readonly logger = new Logger(OauthCompletion.name);

  constructor(
    @Inject(OauthConnector) private readonly oauth: OauthConnector,
    @Inject(SessionStore) private readonly store: SessionStore,
    @Inject(Clock) private readonly clock: Clock,
    private readonly oauthFlow: OauthFlowHandler,
    private readonly runner: TurnRunner,
    private readonly settings: ConversationSettings,
  ) {}

  async complete(callback: OauthCallback): Promise<OauthCallbackResult> {
    // Checked before the state is taken: a malformed redirect must not spend the user's link.
    if (!callback.code && !callback.error) throw refuse('The provider sent neither a code nor an error.');
    const claim = await this.oauth.claimCallback(callback.state);
    switch (claim.kind) {
      case 'unknown':
        throw refuse('This sign-in link is invalid, expired or was already used. Nothing was changed.');
      case 'used':
        throw duplicate(claim.receipt);
      case 'expired':
        throw refuse(
          `The sign-in link for ${displayName(claim.record.integration)} expired before it was used. Nothing was connected: go back to the conversation and try again.`,
          { title: 'Sign-in link expired', sessionId: claim.record.sessionId },
        );
      case 'claimed':
        break;
    }
    const record = claim.record;
    const session = await this.store.get(record.sessionId);
    const refusal = this.refusal(session, record);
    if (refusal) {
      await this.oauth.settleCallback(record, 'refused');
      throw refusal;
    }

    const outcome = await this.outcomeOf(record, callback);
    await this.oauth.settleCallback(record, outcome);
    await this.resume(record, outcome);
    return { sessionId: record.sessionId, integration: record.integration, outcome };
  }

  /** Why the session cannot take this callback (ended, expired, foreign, moved on), or null when it can. */
  private refusal(session: CommittedState | null, record: OauthStateRecord): DomainError | null {
    const owned = session !== null && session.userId === record.userId && session.tenantId === record.tenantId;
    if (!session || !owned) return refuse('The conversation this sign-in belongs to has ended. Nothing was connected.');
    const link = { title: 'Connection not completed', sessionId: session.sessionId };
    const idleUntil = session.lastActivityAt + this.settings.idleTimeoutMs;
    if (session.status !== 'active' || idleUntil <= this.clock.now()) {
      return refuse('The conversation this sign-in belongs to has expired. Nothing was connected.', link);
    }
    if (!this.isWaitingFor(session, record)) {
      return refuse('This sign-in link is no longer in use: the conversation has moved on. Nothing was connected.', link);
    }
    return null;
  }

  /** Whether the session is in OAUTH_FLOW with this request open for an integration still pending. */
  private isWaitingFor(session: CommittedState, record: OauthStateRecord): boolean {
    if (session.phase !== ConversationPhase.OAUTH_FLOW) return false;
    const pending = new Set(session.context.integrations.filter((c) => c.status === 'pending').map((c) => c.id));
    return requestsOf(thaw<ConversationState>(session)).some((request) => request.state === record.state && pending.has(request.integration));
  }

  private async outcomeOf(record: OauthStateRecord, callback: OauthCallback): Promise<ConnectionOutcome> {
    if (!this.oauth.issuerMatches(record, callback.iss)) {
      // RFC 9207: a response from another authorization server (mix-up) is not trusted, error or not.
      this.logger.warn(`Callback for ${record.provider} carried another issuer; nothing exchanged`);
      return 'failed';
    }
    if (callback.error) return callback.error === 'access_denied' ? 'denied' : 'failed';
    const exchange = await this.oauth.exchangeCode(record, callback.code!, callback.iss);
    if (exchange.status === 'failed') this.logger.warn(`Token exchange failed for ${record.provider}: ${exchange.reason}`);
    return exchange.status;
  }

  /**
   * Resumes the conversation under its lease. A turn running right now delays it up to a few seconds;
   * past that the callback answers and the resume waits in the background (the next turn also picks up
   * a connection made meanwhile).
   */
  private async resume(record: OauthStateRecord, outcome: ConnectionOutcome): Promise<void> {
    const job = (waitMs: number) => ({
      sessionId: record.sessionId,
      waitMs,
      play: (original: CommittedState | null, newTurn: NewTurn) => this.applyOutcome(original, record, outcome, newTurn),
    });
    try {
      await this.runner.run(job(RESUME_WAIT_MS));
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'TURN_IN_PROGRESS')) throw error;
      this.logger.warn(`Session ${record.sessionId} is busy; resuming after its turn`);
      this.runner.run(job(this.settings.leaseMs)).catch((late: unknown) => {
        this.logger.warn(`Could not resume session ${record.sessionId} after OAuth: ${(late as Error).message}`);
      });
    }
  }

  /** The background turn that reports the outcome, or null when the conversation no longer waits for it. */
  private async applyOutcome(
    original: CommittedState | null,
    record: OauthStateRecord,
    outcome: ConnectionOutcome,
    newTurn: NewTurn,
  ): Promise<Turn | null> {
    // Re-checked under the lease: a turn may have moved the conversation on meanwhile.
    if (!original || original.status !== 'active' || original.phase !== ConversationPhase.OAUTH_FLOW) return null;
    const turn = newTurn(original);
    return (await this.oauthFlow.onConnectionResult(turn, record.state, outcome)) ? turn : null;
  }
}

/** The harmless answer to a duplicate callback: what the first one did, and the way back. */
function duplicate(receipt: CallbackReceipt): DomainError {
  const name = displayName(receipt.integration);
  const back = { sessionId: receipt.sessionId };
  switch (receipt.status) {
    case 'connected':
      return refuse(`${name} is connected. You can close this window and go back to the conversation.`, {
        title: 'Already connected',
        ...back,
      });
    case 'exchanging':
      return refuse(`${name} is being connected. You can close this window and go back to the conversation.`, {
        title: 'Already connecting',
        ...back,
      });
    case 'refused':
      return refuse('This sign-in link was already used. Nothing was changed.');
    default:
      return refuse(`This sign-in link was already used, and ${name} was not connected. Go back to the conversation to try again.`, {
        title: 'Connection not completed',
        ...back,
      });
  }
}
