import { Inject, Injectable } from '@nestjs/common';
import { ConversationPhase } from '../state.js';
import { confirmAll, missingFields } from '../requirements/requirements-document.js';
import { questionFor } from '../requirements/next-question.js';
import { OauthConnector } from './oauth-connector.js';
import type { PhaseHandler } from './phase-handler.js';
import { syncConnections } from './connections.js';
import { askForNextOrConfirm, serviceAnswer } from './replies.js';
import { applyTurnEdits, changedWords, changesReport, emitRequirements, hasEdits, takeBack, unsupportedLead } from './requirement-edits.js';
import type { EditRecord } from '../requirements/edit-history.js';
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
    if (turn.intent === 'undo' || turn.intent === 'dismiss') {
      const taken = takeBack(turn);
      if (taken.undone) return this.reverted(turn, taken.undone);
      askForNextOrConfirm(turn, taken.say);
      return;
    }
    if (turn.intent === 'review_changes') {
      askForNextOrConfirm(turn, changesReport(turn));
      return;
    }
    const saysSomething = hasEdits(turn.interpretation);
    if (turn.intent === 'confirm' && !saysSomething) {
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
    if (saysSomething) {
      const result = applyTurnEdits(turn);
      if (!result) {
        askForNextOrConfirm(turn, "That's how it is already.");
        return;
      }
      if (await syncConnections(turn, this.oauth)) {
        turn.say('That needs another connection first.');
        turn.goTo(ConversationPhase.OAUTH_FLOW, 'new_integration');
        return;
      }
      emitRequirements(turn, result);
      askForNextOrConfirm(turn, `${unsupportedLead(turn)}Got it.`, result.applied.length ? changedWords(result) : []);
      return;
    }
    const preface = unsupportedLead(turn).trim() ||
      (turn.intent === 'question' ? (serviceAnswer(turn) ?? '') : turn.intent === 'skip' ? 'There is nothing to skip here.' : "Sorry, I didn't get that.");
    askForNextOrConfirm(turn, preface);
  }

  /** Edits taken back ("undo that", "never mind"), the checklist following. */
  private async reverted(turn: Turn, undone: EditRecord): Promise<void> {
    if (await syncConnections(turn, this.oauth)) {
      turn.say(`Undone: ${undone.said.join('; ')}. That needs a connection again.`);
      turn.goTo(ConversationPhase.OAUTH_FLOW, 'new_integration');
      return;
    }
    emitRequirements(turn, undone);
    askForNextOrConfirm(turn, `Undone: ${undone.said.join('; ')}.`);
  }
}
