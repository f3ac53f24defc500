import { Inject, Injectable } from '@nestjs/common';
import { ConversationPhase, type IntegrationStatus } from '../state.js';
import { displayName, mergeRequirements, patchIsEmpty } from '../requirements/requirements-document.js';
import { OauthConnector } from './oauth-connector.js';
import type { PhaseHandler } from './phase-handler.js';
import { nextUnresolved, setConnectionStatus } from './connections.js';
import { RETRY, SKIP } from './replies.js';
import type { Turn } from './turn.js';

/** The outcome of one connection attempt, as `oauth_result` reports it. */
export type ConnectionOutcome = Extract<IntegrationStatus, 'connected' | 'denied' | 'failed' | 'expired'>;

/** Connects the agent's integrations one after another; the conversation resumes by itself after the last. */
@Injectable()
export class OauthFlowHandler implements PhaseHandler {
  readonly phase = ConversationPhase.OAUTH_FLOW;

  constructor(@Inject(OauthConnector) private readonly oauth: OauthConnector) {}

  async enter(turn: Turn): Promise<void> {
    const next = nextUnresolved(turn);
    if (!next) {
      turn.goTo(ConversationPhase.REQUIREMENTS, 'oauth_complete');
      return;
    }
    await this.offer(turn, next.id);
  }

  async handle(turn: Turn): Promise<void> {
    const pending = turn.state.pendingOauth;
    switch (turn.intent) {
      case 'skip':
        if (pending) setConnectionStatus(turn, pending.integration, 'skipped');
        turn.say(pending ? `Skipped ${displayName(pending.integration)}; you can connect it later.` : 'Skipped.');
        this.advance(turn, 'oauth_skipped');
        return;
      case 'retry':
        if (pending) {
          setConnectionStatus(turn, pending.integration, 'pending');
          await this.offer(turn, pending.integration);
        } else {
          await this.enter(turn);
        }
        return;
      default: {
        const patch = turn.interpretation?.patch ?? {};
        if (!patchIsEmpty(patch)) {
          turn.updateContext({ requirements: mergeRequirements(turn.state.context.requirements, patch) });
          turn.say('Noted, I added that to the requirements.');
        }
        this.remind(turn);
      }
    }
  }

  /** Applies the end of a connection attempt (callback, denial, expiry) and moves on when it succeeded. */
  async onConnectionResult(turn: Turn, integration: string, outcome: ConnectionOutcome): Promise<void> {
    const provider = this.oauth.providerOf(integration);
    setConnectionStatus(turn, integration, outcome);
    turn.emit({ type: 'oauth_result', data: { integration, provider, status: outcome } });
    const name = displayName(integration);
    if (outcome === 'connected') {
      turn.say(`${name} is connected.`);
      this.advance(turn, 'oauth_complete');
      return;
    }
    const why = { denied: 'access was denied', failed: 'the connection failed', expired: 'the link expired' }[outcome];
    turn.say(`${name} wasn't connected: ${why}. Try again, or skip it for now?`, [RETRY, SKIP]);
  }

  private advance(turn: Turn, reason: 'oauth_complete' | 'oauth_skipped'): void {
    if (nextUnresolved(turn)) turn.goTo(ConversationPhase.OAUTH_FLOW, 'next_integration');
    else turn.goTo(ConversationPhase.REQUIREMENTS, reason);
  }

  private async offer(turn: Turn, integration: string): Promise<void> {
    const start = await this.oauth.startAuthorization({ sessionId: turn.state.sessionId, owner: turn.owner, integration });
    turn.state = {
      ...turn.state,
      pendingOauth: {
        integration,
        provider: start.provider,
        authorizationUrl: start.authorizationUrl,
        expiresAt: start.expiresAt,
        state: start.state,
      },
    };
    const name = displayName(integration);
    turn.emit({
      type: 'oauth_required',
      content: `Please connect ${name} so the agent can use it.`,
      oauthUrl: start.authorizationUrl,
      data: { integration, provider: start.provider },
      actions: [{ type: 'oauth', label: `Connect ${name}`, value: start.authorizationUrl }, SKIP],
    });
  }

  private remind(turn: Turn): void {
    const pending = turn.state.pendingOauth;
    if (!pending) return;
    const name = displayName(pending.integration);
    turn.say(`We're waiting for ${name} to be connected. Use the Connect button, or skip it for now.`, [
      { type: 'oauth', label: `Connect ${name}`, value: pending.authorizationUrl },
      SKIP,
    ]);
  }
}
