import { ConversationPhase } from '../../conversation/state.js';
import { capitalize, oneOf } from './text.js';

const FILLERS = String.raw`(?:(?:hi|hey|hello|ok(?:ay)?|so|please|um|hmm|well|basically)[,!.]?\s+)*`;
const MAKE = String.raw`(?:build|create|make|set up|setup|get|give|have|design)`;
const AGENT = oneOf([
  'agent', 'bot', 'automation', 'workflow', 'assistant', 'zap', 'flow', 'integration', 'tool', 'something', 'script',
  'routine', 'job',
]);
const ASK_FOR_AGENT = new RegExp(
  `^${FILLERS}` +
    oneOf([
      String.raw`(?:i|we)(?:'d| would)? (?:want|need|like|wanna)(?: to ${MAKE})?`,
      String.raw`(?:can|could|would|will) (?:you|u) (?:please |pls )?${MAKE}(?: me| us)?`,
      String.raw`(?:please )?${MAKE}(?: me| us)?`,
      String.raw`i'?m looking for|looking for|help me ${MAKE}`,
    ]) +
    String.raw`\s+(?:an?|the|some|one|my)?\s*(?:(?:new|simple|little|small|quick|ai)\s+)*${AGENT}\b\s*(?:that|which|to|who|for|[,:-])?\s*`,
);
const WANT_TO = new RegExp(
  `^${FILLERS}` +
    String.raw`(?:(?:(?:i|we)(?:'d| would)? (?:want|need|like) (?:you |it )?to|(?:can|could|would|will) you (?:please )?|please )\s*)?` +
    String.raw`(?!${MAKE}\b)`,
);
// Verbs that are rarely nouns, so they mark a task anywhere in a message; "email", "file" or
// "report" only count as the first word ("every email from my boss" is no task).
const VERBS = [
  'summari[sz]e', 'send', 'post', 'forward', 'notify', 'alert', 'remind', 'create', 'add', 'save', 'copy', 'back ?up',
  'sync', 'track', 'monitor', 'collect', 'share', 'upload', 'archive', 'reply', 'respond', 'draft', 'compile',
  'generate', 'fetch', 'pull', 'export', 'translate', 'categori[sz]e', 'triage', 'tell', 'let me know', 'give me',
  'escalate', 'organi[sz]e', 'delete', 'dm', 'ping',
];
const ACTION = new RegExp(String.raw`\b${oneOf(VERBS)}\b`);
const FIRST_WORD_ACTION = new RegExp(
  `^${oneOf([
    ...VERBS, 'email', 'e-mail', 'message', 'check', 'watch', 'log', 'label', 'tag', 'list', 'keep', 'open', 'file',
    'assign', 'welcome', 'greet', 'sort', 'read', 'digest', 'remove', 'clean up', 'cancel', 'unsubscribe', 'report',
    'import',
  ])}\\b`,
);
const SCHEDULED_START = /^(?:every|each|when|whenever|daily|hourly|weekly|monthly|on|at|once|if|as soon as|for every|for each)\b/;
const EARLY_PHASES: ReadonlySet<ConversationPhase> = new Set([
  ConversationPhase.IDLE,
  ConversationPhase.DISCOVERY,
  ConversationPhase.COMPLETE,
]);
const TRAILING = /[\s.!?]+$/;

/** Whether `norm` reads as a command the agent should carry out ("Summarize my emails…"). */
function readsAsTask(norm: string): boolean {
  const rest = norm.replace(WANT_TO, '');
  return FIRST_WORD_ACTION.test(rest) || (SCHEDULED_START.test(rest) && ACTION.test(rest));
}

/**
 * What the agent does, as a sentence cut from `raw` with the request wrapper removed
 * ("I want an agent that summarizes…" gives "Summarizes…"). Outside the opening phases only an
 * explicit request for an agent counts, so "only emails from my manager" is no new goal.
 */
export function extractGoal(norm: string, raw: string, phase: ConversationPhase, hasGoal: boolean): string | null {
  let start: number | null = null;
  const asked = ASK_FOR_AGENT.exec(norm);
  if (asked) start = asked[0].length;
  else if (EARLY_PHASES.has(phase) && !hasGoal && readsAsTask(norm)) start = WANT_TO.exec(norm)?.[0].length ?? 0;
  if (start === null) return null;
  const goal = raw.slice(start).replace(TRAILING, '').trim();
  return goal.split(/\s+/).length >= 2 ? capitalize(goal) : null;
}
