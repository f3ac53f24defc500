import { Inject, Injectable } from '@nestjs/common';
import { AgentGenerator } from '../../agent-generator/agent-generator.js';
import { DomainError } from '../../common/errors.js';
import { ConversationPhase } from '../state.js';
import { summarize } from '../requirements/requirements-document.js';
import type { PhaseHandler } from './phase-handler.js';
import { BACK } from './replies.js';
import type { Turn } from './turn.js';

const ACTIVATE = { type: 'confirm' as const, label: 'Activate' };

/** Asks for the final go-ahead and activates the draft. */
@Injectable()
export class ActivationHandler implements PhaseHandler {
  readonly phase = ConversationPhase.ACTIVATION;

  constructor(@Inject(AgentGenerator) private readonly generator: AgentGenerator) {}

  async enter(turn: Turn): Promise<void> {
    turn.say(`Ready to activate:\n${summarize(turn.state.context.requirements)}\nActivate it now?`, [ACTIVATE, BACK]);
  }

  async handle(turn: Turn): Promise<void> {
    if (turn.intent !== 'confirm') {
      turn.say('Shall I activate the agent? You can also go back to the test run.', [ACTIVATE, BACK]);
      return;
    }
    const draftAgentId = turn.state.draftAgentId!;
    const draft = await this.generator.get(turn.owner, draftAgentId);
    if (!draft) throw new DomainError('GENERATION_FAILED', 'The draft agent no longer exists; build it again.');
    // Activation is what the user cannot take back: it runs only once COMPLETE is saved.
    turn.afterCommit(() => this.generator.activate(turn.owner, draftAgentId));
    turn.goTo(ConversationPhase.COMPLETE, 'activated');
    turn.emit({ type: 'draft', data: { draftAgentId, agent: { ...draft, status: 'active' } } });
  }
}
