import { INTEGRATION_CATALOG } from '../../oauth/integration-catalog.js';
import type { ChatAction } from '../chat-response.js';
import { summarize, missingFields } from '../requirements/requirements-document.js';
import { questionFor } from '../requirements/next-question.js';
import { UNDO } from './requirement-edits.js';
import type { Turn } from './turn.js';

export const CONFIRM: ChatAction = { type: 'confirm', label: 'Yes, build it' };
export const BACK: ChatAction = { type: 'back', label: 'Go back' };
export const RESTART: ChatAction = { type: 'restart', label: 'Start over' };
export const SKIP: ChatAction = { type: 'skip', label: 'Skip for now' };
export const RETRY: ChatAction = { type: 'retry', label: 'Try again' };

/** A question about the service itself ("what can you connect to?") rather than about this agent. */
const ABOUT_THE_SERVICE = /\b(?:you|connect\w*|integrat\w*|apps?|tools?|services?|support\w*|work with|available)\b/i;

/**
 * The answer to a question asked past the first step: what the service can do when the question is
 * about the service, else null (the step's own summary answers a question about the agent).
 */
export function serviceAnswer(turn: Turn): string | null {
  return ABOUT_THE_SERVICE.test(turn.input?.text ?? '') ? capabilities() : null;
}

/** What the service can connect to, for questions like "what can you do?". */
export function capabilities(): string {
  const names = INTEGRATION_CATALOG.map((integration) => integration.name).join(', ');
  return `I build agents that run on a schedule or when something happens, and work with ${names}.`;
}

/**
 * Asks for the most important missing field, or shows the summary (with what this turn `changed`)
 * and asks for confirmation. After a change an Undo button is offered.
 */
export function askForNextOrConfirm(turn: Turn, preface?: string, changed: readonly string[] = []): void {
  const { requirements } = turn.state.context;
  const [missing] = missingFields(requirements);
  const lead = preface ? `${preface} ` : '';
  const undo = changed.length > 0 ? [UNDO] : [];
  if (missing) {
    const question = questionFor(missing, requirements);
    turn.say(`${lead}${question.text}`, [...question.actions, ...undo]);
    return;
  }
  const summary = summarize(requirements, { now: turn.settings.now });
  const changes = changed.length > 0 ? `\nChanged: ${changed.join('; ')}.` : '';
  turn.say(`${lead}Here is the agent I'll build:\n${summary}${changes}\nShall I build it?`, [
    CONFIRM,
    { type: 'reply', label: 'Change the schedule', value: 'change the schedule' },
    ...undo,
    BACK,
  ]);
}
