import { Injectable } from '@nestjs/common';
import { ConversationPhase } from '../state.js';
import { hasEdits } from './requirement-edits.js';
import type { PhaseHandler } from './phase-handler.js';
import type { Turn } from './turn.js';

const BUILD_ANOTHER = { type: 'reply' as const, label: 'Build another agent', value: 'build another agent' };

/** The agent is active; the user may start another one in the same session. */
@Injectable()
export class CompleteHandler implements PhaseHandler {
  readonly phase = ConversationPhase.COMPLETE;

  async enter(turn: Turn): Promise<void> {
    const name = turn.state.context.requirements.name.value ?? 'Your agent';
    turn.say(`${name} is active. Want to build another one?`, [BUILD_ANOTHER]);
  }

  async handle(turn: Turn): Promise<void> {
    const describesAgent = hasEdits(turn.interpretation);
    const wantsAnother = describesAgent || /\b(another|new agent|one more)\b/i.test(turn.input?.text ?? '');
    if (!wantsAnother) {
      turn.say('Your agent is active. Describe another task to build a new agent.', [BUILD_ANOTHER]);
      return;
    }
    turn.resetAgent();
    turn.goTo(ConversationPhase.DISCOVERY, 'build_another', { forward: describesAgent });
  }
}
