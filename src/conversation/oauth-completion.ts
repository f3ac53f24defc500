import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../common/errors.js';
import { ConversationSettings } from './conversation.settings.js';
import { OauthConnector } from './phases/oauth-connector.js';
import { type ConnectionOutcome, OauthFlowHandler } from './phases/oauth-flow.handler.js';
import { SessionLease } from './session-lease.js';
import { ConversationPhase } from './state.js';
import { SessionStore } from './store/session-store.js';
import { TurnEngine } from './turn-engine.js';

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

const invalidState = (why: string): DomainError => new DomainError('OAUTH_STATE_INVALID', why);

/**
 * Completes a connection from the OAuth callback: consumes the single-use state, exchanges the code,
 * then resumes the conversation in a background turn whose events go to the session's event log.
 */
@Injectable()
export class OauthCompletion {
  private readonly logger = new Logger(OauthCompletion.name);

  constructor(
    @Inject(OauthConnector) private readonly oauth: OauthConnector,
    @Inject(SessionStore) private readonly store: SessionStore,
    private readonly oauthFlow: OauthFlowHandler,
    private readonly engine: TurnEngine,
    private readonly lease: SessionLease,
    private readonly settings: ConversationSettings,
  ) {}

  async complete(callback: OauthCallback): Promise<OauthCallbackResult> {
    const record = await this.oauth.takeState(callback.state);
    if (!record) throw invalidState('This sign-in link is invalid, expired or was already used.');
    const session = await this.store.get(record.sessionId);
    if (
      !session ||
      session.status !== 'active' ||
      session.userId !== record.userId ||
      session.tenantId !== record.tenantId ||
      session.pendingOauth?.state !== record.state
    ) {
      throw invalidState('The conversation this sign-in belongs to has ended or moved on.');
    }
    let outcome: ConnectionOutcome;
    if (callback.error) {
      outcome = callback.error === 'access_denied' ? 'denied' : 'failed';
    } else if (!callback.code) {
      throw invalidState('The provider sent neither a code nor an error.');
    } else {
      const exchange = await this.oauth.exchangeCode(record, callback.code, callback.iss);
      outcome = exchange.status;
      if (exchange.status === 'failed') this.logger.warn(`Token exchange failed for ${record.provider}: ${exchange.reason}`);
    }
    await this.lease.run(record.sessionId, () => this.resume(record.sessionId, record.state, record.integration, outcome), {
      waitMs: 5_000,
    });
    return { sessionId: record.sessionId, integration: record.integration, outcome };
  }

  private async resume(sessionId: string, state: string, integration: string, outcome: ConnectionOutcome): Promise<void> {
    const original = await this.store.get(sessionId);
    // Re-checked under the lease: a turn may have moved the conversation on meanwhile.
    if (!original || original.phase !== ConversationPhase.OAUTH_FLOW || original.pendingOauth?.state !== state) {
      throw invalidState('The conversation this sign-in belongs to has moved on.');
    }
    const turn = this.engine.newTurn(original, null, null);
    await this.oauthFlow.onConnectionResult(turn, integration, outcome);
    await this.engine.runHops(turn);
    await this.engine.commit(original, turn, { ttlMs: this.settings.activeTtlMs, done: false });
  }
}
