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
import type { CommittedState, OauthStateRecord } from './store/session-store.js';
import { TurnRunner } from './turn/turn-runner.js';

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

/** How long the callback waits for a running turn of its session before it answers "busy" (the link stays usable). */
const LEASE_WAIT_MS = 5_000;

/**
 * Completes a connection from the OAuth callback. Claims the single-use state (atomically, across
 * replicas, without spending it yet), then, as a turn of the conversation (under its lease): checks that
 * the conversation still waits for it BEFORE anything is exchanged or stored, exchanges the code and
 * commits the outcome (its events go to the session's event log); only then is the state spent, with a
 * receipt of the outcome. A duplicate of a callback (double click, prefetch, another replica) exchanges
 * nothing: it is told what became of the first.
 *
 * The lease serialises the outcome with turns, so a `skip` racing a callback either wins (the callback is
 * then refused, nothing exchanged) or waits for it (409 `TURN_IN_PROGRESS`): the page, the session, the
 * stored credential and the `oauth_result` event agree. Whatever fails or is cut (`signal`: a shutdown's
 * grace is over) before the outcome is stored gives the claim back: the state is not spent and the link
 * works again.
 */
@Injectable()
export class OauthCompletion {
  private readonly logger = new Logger(OauthCompletion.name);

  constructor(
    @Inject(OauthConnector) private readonly oauth: OauthConnector,
    @Inject(Clock) private readonly clock: Clock,
    private readonly oauthFlow: OauthFlowHandler,
    private readonly runner: TurnRunner,
    private readonly settings: ConversationSettings,
  ) {}

  async complete(callback: OauthCallback, signal?: AbortSignal): Promise<OauthCallbackResult> {
    // Checked before the state is claimed: a malformed redirect must not spend the user's link.
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
    let settled = false;
    const settle = async (status: CallbackReceipt['status']): Promise<void> => {
      await this.oauth.settleCallback(record, status);
      settled = true;
    };
    let outcome: ConnectionOutcome | undefined;
    try {
      await this.runner.run({
        sessionId: record.sessionId,
        waitMs: LEASE_WAIT_MS,
        signal,
        play: async (original, newTurn) => {
          const refusal = this.refusal(original, record);
          if (refusal) {
            await settle('refused');
            throw refusal;
          }
          outcome = await this.outcomeOf(record, callback, signal);
          if (signal?.aborted) throw cut();
          const turn = newTurn(original!);
          return (await this.oauthFlow.onConnectionResult(turn, record.state, outcome)) ? turn : null;
        },
      });
      await settle(outcome!);
      return { sessionId: record.sessionId, integration: record.integration, outcome: outcome! };
    } catch (error) {
      if (!settled) await this.oauth.releaseCallback(record).catch(() => undefined);
      if (error instanceof DomainError && error.code === 'TURN_IN_PROGRESS') throw busy(record);
      if (signal?.aborted && !(error instanceof DomainError && error.code === 'OAUTH_STATE_INVALID')) throw cut();
      throw error;
    }
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

  private async outcomeOf(record: OauthStateRecord, callback: OauthCallback, signal: AbortSignal | undefined): Promise<ConnectionOutcome> {
    if (!this.oauth.issuerMatches(record, callback.iss)) {
      // RFC 9207: a response from another authorization server (mix-up) is not trusted, error or not.
      this.logger.warn(`Callback for ${record.provider} carried another issuer; nothing exchanged`);
      return 'failed';
    }
    if (callback.error) return callback.error === 'access_denied' ? 'denied' : 'failed';
    const exchange = await this.oauth.exchangeCode(record, callback.code!, callback.iss, signal);
    if (exchange.status === 'failed') this.logger.warn(`Token exchange failed for ${record.provider}: ${exchange.reason}`);
    return exchange.status;
  }

}

/** A turn of the session held its lease past the wait: nothing was exchanged, the link still works. */
function busy(record: OauthStateRecord): DomainError {
  return new DomainError(
    'TURN_IN_PROGRESS',
    `The conversation is busy with a turn. Nothing was changed: reload this page in a moment to connect ${displayName(record.integration)}.`,
    { title: 'Conversation busy', sessionId: record.sessionId, retryAfterSeconds: 1 },
  );
}

/** The callback was cut by a shutdown before its outcome was stored: nothing was spent. */
function cut(): DomainError {
  return new DomainError('SHUTTING_DOWN', 'This server is restarting; nothing was connected. Try again in a moment.', {
    retryAfterSeconds: 1,
  });
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
