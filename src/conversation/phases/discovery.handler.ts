import { Inject, Injectable } from '@nestjs/common';
import { ConversationPhase } from '../state.js';
import { displayName } from '../requirements/edit-words.js';
import { listWords } from '../requirements/schedule-words.js';
import { summarize } from '../requirements/requirements-document.js';
import { applyTurnEdits, hasEdits, undoTurnEdits, unsupportedLead } from './requirement-edits.js';
import { OauthConnector } from './oauth-connector.js';
import type { PhaseHandler } from './phase-handler.js';
import { capabilities } from './replies.js';
import { syncConnections } from './connections.js';
import type { Turn } from './turn.js';

const EXAMPLES = [
  { type: 'reply' as const, label: 'Summarize my unread Gmail every morning and post it to Slack' },
  { type: 'reply' as const, label: 'When a new GitHub issue is opened, create a Jira ticket' },
  { type: 'reply' as const, label: 'Every Friday, email me a summary of new Stripe payments' },
].map((action) => ({ ...action, value: action.label }));

/** Finds out what the agent should do and which integrations it needs. */
@Injectable()
export class DiscoveryHandler implements PhaseHandler {
  readonly phase = ConversationPhase.DISCOVERY;

  constructor(@Inject(OauthConnector) private readonly oauth: OauthConnector) {}

  async enter(turn: Turn): Promise<void> {
    // Back from a later step: what is known so far, as the confirmation summary shows it.
    const known = summarize(turn.state.context.requirements);
    turn.say(known ? `Let's look at it again. So far:\n${known}\nWhat would you like to change?` : 'What would you like to automate?', known ? [] : EXAMPLES);
  }

  async handle(turn: Turn): Promise<void> {
    if (turn.intent === 'undo') {
      const undone = undoTurnEdits(turn);
      turn.say(undone ? `Undone: ${undone.said.join('; ')}. What would you like to automate?` : 'There is nothing to undo yet. What would you like to automate?');
      return;
    }
    if (turn.intent === 'dismiss') {
      turn.say('OK. What would you like to automate?', EXAMPLES);
      return;
    }
    if (turn.intent === 'question') {
      turn.say(`${capabilities()} What would you like to automate?`, EXAMPLES);
      return;
    }
    const lead = unsupportedLead(turn);
    if (!hasEdits(turn.interpretation)) {
      turn.say(
        lead ? `${lead}What else should the agent work with?` : "I didn't catch what the agent should do. Could you describe it, like \"summarize my unread Gmail every morning and post it to Slack\"?",
        EXAMPLES,
      );
      return;
    }
    applyTurnEdits(turn);
    const { requirements } = turn.state.context;
    const integrations = requirements.integrations.value ?? [];
    if (integrations.length === 0) {
      turn.say(`${lead}Which apps should the agent work with (for example Gmail, Slack, Notion or GitHub)?`);
      return;
    }
    const needsConnecting = await syncConnections(turn, this.oauth);
    const apps = listWords(integrations.map(displayName));
    if (needsConnecting) {
      turn.say(`${lead}Got it. This agent works with ${apps}; let's connect ${integrations.length > 1 ? 'them' : 'it'} first.`);
      turn.goTo(ConversationPhase.OAUTH_FLOW, 'integrations_need_connecting');
    } else {
      turn.say(`${lead}Got it. This agent works with ${apps}, which you have already connected.`);
      turn.goTo(ConversationPhase.REQUIREMENTS, 'integrations_ready');
    }
  }
}
