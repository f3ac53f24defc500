import { Inject, Injectable } from '@nestjs/common';
import { AgentGenerator } from '../../agent-generator/agent-generator.js';
import { ConversationPhase } from '../state.js';
import { StoreUnavailableError } from '../store/session-store.js';
import type { PhaseHandler } from './phase-handler.js';
import type { Turn } from './turn.js';

/** Generates a draft agent from the confirmed requirements; failure goes back to the requirements. */
@Injectable()
export class GenerationHandler implements PhaseHandler {
  readonly phase = ConversationPhase.GENERATION;

  constructor(@Inject(AgentGenerator) private readonly generator: AgentGenerator) {}

  async enter(turn: Turn): Promise<void> {
    const { requirements } = turn.state.context;
    const analysis = await this.generator.analyse(requirements);
    if (!analysis.buildable) {
      turn.say(`I can't build this yet: ${analysis.problems.join('; ')}.`);
      turn.goTo(ConversationPhase.REQUIREMENTS, 'generation_failed');
      return;
    }
    let agent;
    try {
      agent = await this.generator.generate(turn.owner, requirements, turn.settings.signal);
    } catch (error) {
      // A stopped turn or an unreachable store fails the whole turn (nothing saved); only the generator's own failure is a step back.
      if (turn.settings.signal?.aborted || error instanceof StoreUnavailableError) throw error;
      turn.say('Building the agent failed on our side. Your requirements are kept; confirm again to retry.');
      turn.goTo(ConversationPhase.REQUIREMENTS, 'generation_failed');
      return;
    }
    turn.state = { ...turn.state, draftAgentId: agent.id };
    turn.emit({ type: 'draft', data: { draftAgentId: agent.id, agent } });
    turn.say(`I built a draft of "${agent.name}" with ${agent.steps.length} steps. Let's test it.`);
    turn.goTo(ConversationPhase.TESTING, 'draft_generated');
  }

  /** A session only rests here if a turn was interrupted; any input builds again or goes back. */
  async handle(turn: Turn): Promise<void> {
    if (turn.intent === 'go_back') {
      turn.goTo(ConversationPhase.REQUIREMENTS, 'back');
      return;
    }
    await this.enter(turn);
  }
}
