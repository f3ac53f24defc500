import { Inject, Injectable } from '@nestjs/common';
import { ConversationPhase } from '../state.js';
import { confirmAll, mergeRequirements, missingFields, patchIsEmpty } from '../requirements/requirements-document.js';
import { questionFor } from '../requirements/next-question.js';
import { OauthConnector } from './oauth-connector.js';
import type { PhaseHandler } from './phase-handler.js';
import { syncConnections } from './connections.js';
import { askForNextOrConfirm, capabilities, emitRequirements } from './replies.js';
import type { Turn } from './turn.js';

/** Fills in the requirements field by field and asks for confirmation before anything is built. */
@Injectable()
export class RequirementsHandler implements PhaseHandler {
  readonly phase = ConversationPhase.REQUIREMENTS;

  constructor(@Inject(OauthConnector) private readonly oauth: OauthConnector) {}

  async enter(turn: Turn): Promise<void> {
    if (await syncConnections(turn, this.oauth)) {
      turn.goTo(ConversationPhase.OAUTH_FLOW, 'new_integration');
      return;
    }
    emitRequirements(turn);
    askForNextOrConfirm(turn);
  }

  async handle(turn: Turn): Promise<void> {
    const patch = turn.interpretation?.patch ?? {};
    if (turn.intent === 'confirm' && patchIsEmpty(patch)) {
      const [missing] = missingFields(turn.state.context.requirements);
      if (missing) {
        const question = questionFor(missing, turn.state.context.requirements);
        turn.say(`Before I can build it: ${question.text}`, question.actions);
        return;
      }
      turn.updateContext({ requirements: confirmAll(turn.state.context.requirements) });
      emitRequirements(turn);
      turn.goTo(ConversationPhase.GENERATION, 'requirements_confirmed');
      return;
    }
    if (!patchIsEmpty(patch)) {
      turn.updateContext({ requirements: mergeRequirements(turn.state.context.requirements, patch) });
      if (await syncConnections(turn, this.oauth)) {
        turn.say('That needs another connection first.');
        turn.goTo(ConversationPhase.OAUTH_FLOW, 'new_integration');
        return;
      }
      emitRequirements(turn);
      askForNextOrConfirm(turn, 'Got it.');
      return;
    }
    const preface =
      turn.intent === 'question' ? capabilities() : turn.intent === 'skip' ? 'There is nothing to skip here.' : "Sorry, I didn't get that.";
    askForNextOrConfirm(turn, preface);
  }
}
