import { Inject, Injectable } from '@nestjs/common';
import { AgentGenerator } from '../../agent-generator/agent-generator.js';
import { ConversationPhase } from '../state.js';
import { applyTurnEdits, hasEdits, takeBack } from './requirement-edits.js';
import type { PhaseHandler } from './phase-handler.js';
import { BACK, serviceAnswer } from './replies.js';
import type { Turn } from './turn.js';

const ACCEPT = { type: 'confirm' as const, label: 'Looks good, turn it on' };
const CHANGE = { type: 'reply' as const, label: 'Change something', value: 'I want to change something' };
const REGENERATE = { type: 'reply' as const, label: 'Regenerate', value: 'regenerate' };

/** Test-runs the draft and lets the user accept it, change the requirements or regenerate. */
@Injectable()
export class TestingHandler implements PhaseHandler {
  readonly phase = ConversationPhase.TESTING;

  constructor(@Inject(AgentGenerator) private readonly generator: AgentGenerator) {}

  async enter(turn: Turn): Promise<void> {
    const draftAgentId = turn.state.draftAgentId!;
    const run = await this.generator.testRun(turn.owner, draftAgentId, turn.settings.signal);
    turn.updateContext({ lastTestRun: run });
    turn.emit({ type: 'test_result', data: { ...run } });
    const passed = run.cases.filter((testCase) => testCase.passed).length;
    const verdict = run.passed ? 'all passed' : 'some failed';
    turn.say(`Test run: ${passed} of ${run.cases.length} cases passed (${verdict}). Turn the agent on?`, [ACCEPT, CHANGE, REGENERATE]);
  }

  async handle(turn: Turn): Promise<void> {
    if (hasEdits(turn.interpretation) || turn.intent === 'undo') {
      const taken = turn.intent === 'undo' ? takeBack(turn) : null;
      if (taken && !taken.undone && taken.keptDescription) {
        turn.say(`${taken.say} Shall I turn the agent on, or would you like to change something?`, [ACCEPT, CHANGE, REGENERATE, BACK]);
        return;
      }
      const changed = taken ? taken.undone !== null : applyTurnEdits(turn) !== null;
      turn.say(changed ? 'Changed. Back to the requirements to confirm the new version.' : 'That is how it is already. Back to the requirements.');
      turn.goTo(ConversationPhase.REQUIREMENTS, 'change_requested');
      return;
    }
    switch (turn.intent) {
      case 'confirm':
        turn.goTo(ConversationPhase.ACTIVATION, 'test_accepted');
        return;
      case 'regenerate':
      case 'retry':
        turn.goTo(ConversationPhase.GENERATION, 'regenerate');
        return;
      case 'dismiss':
        turn.say('OK, nothing changed. Shall I turn the agent on, or would you like to change something?', [ACCEPT, CHANGE, REGENERATE, BACK]);
        return;
      case 'change':
        turn.say('Sure, what would you like to change?');
        turn.goTo(ConversationPhase.REQUIREMENTS, 'change_requested');
        return;
      default: {
        const answer = turn.intent === 'question' ? (serviceAnswer(turn) ?? (await this.draftInWords(turn))) : "Sorry, I didn't get that.";
        turn.say(`${answer} Shall I turn the agent on, or would you like to change something?`, [ACCEPT, CHANGE, REGENERATE, BACK]);
      }
    }
  }

  /** The draft's steps, for a question about the agent ("what does it do exactly?"). */
  private async draftInWords(turn: Turn): Promise<string> {
    const draft = await this.generator.get(turn.owner, turn.state.draftAgentId!);
    if (!draft) return 'The draft is no longer there; Regenerate builds it again.';
    return `The draft runs ${draft.steps.length} steps: ${draft.steps.map((step, index) => `${index + 1}. ${step.description}`).join('; ')}.`;
  }
}
