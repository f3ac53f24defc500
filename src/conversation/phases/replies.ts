import { INTEGRATION_CATALOG } from '../../oauth/integration-catalog.js';
import type { ChatAction } from '../chat-response.js';
import { summarize, missingFields } from '../requirements/requirements-document.js';
import { questionFor } from '../requirements/next-question.js';
import type { Turn } from './turn.js';

export const CONFIRM: ChatAction = { type: 'confirm', label: 'Yes, build it' };
export const BACK: ChatAction = { type: 'back', label: 'Go back' };
export const RESTART: ChatAction = { type: 'restart', label: 'Start over' };
export const SKIP: ChatAction = { type: 'skip', label: 'Skip for now' };
export const RETRY: ChatAction = { type: 'retry', label: 'Try again' };

/** What the service can connect to, for questions like "what can you do?". */
export function capabilities(): string {
  const names = INTEGRATION_CATALOG.map((integration) => integration.name).join(', ');
  return `I build agents that run on a schedule or when something happens, and work with ${names}.`;
}

/** Emits the current requirements and what is still missing. */
export function emitRequirements(turn: Turn): void {
  const { requirements } = turn.state.context;
  turn.emit({ type: 'requirements', data: { requirements, missing: missingFields(requirements) } });
}

/** Asks for the most important missing field, or shows the summary and asks for confirmation. */
export function askForNextOrConfirm(turn: Turn, preface?: string): void {
  const { requirements } = turn.state.context;
  const [missing] = missingFields(requirements);
  const lead = preface ? `${preface} ` : '';
  if (missing) {
    const question = questionFor(missing, requirements);
    turn.say(`${lead}${question.text}`, question.actions);
    return;
  }
  turn.say(`${lead}Here is the agent I'll build:\n${summarize(requirements)}\nShall I build it?`, [
    CONFIRM,
    { type: 'reply', label: 'Change the schedule', value: 'change the schedule' },
    BACK,
  ]);
}
