import type { Trigger } from '../../conversation/requirements/requirements.js';
import { includesAny } from './text.js';

/** "Whenever I ask", "on demand", "I'll run it myself": the agent runs when the person starts it. */
const ON_DEMAND = new RegExp(
  [
    String.raw`\b(?:when(?:ever)?|only when|as and when|any ?time|each time|every time|if) (?:i|we) (?:ask|say so|say|need(?: it)?|want(?: it)?|click|press|tell (?:it|you)|trigger it|run it|request it|hit|ping it|poke it|kick it off)\b`,
    String.raw`\bon (?:my |our )?(?:demand|request|command)\b|\bon-demand\b|\bmanual(?:ly)?\b|\bby hand\b|\bad[- ]hoc\b`,
    String.raw`\b(?:i'?ll|i will|we'?ll|let me|i want to|i'd like to|i can) (?:run|start|trigger|kick off|launch) (?:it|this|that)(?: (?:myself|manually|by hand|when i (?:want|need)))?\b`,
    // "I'll kick it off myself", "fire it off".
    String.raw`\b(?:kick|fire|set) (?:it|this|that) off (?:myself|ourselves|manually|by hand)\b`,
    String.raw`\bno schedule\b|\bnot on a schedule\b|\bjust when i\b|\bno need for a schedule\b|\bdon'?t need a schedule\b`,
    // A button to press: "a button i can press", "hit run and it posts…", "when i press the button".
    String.raw`\ba button (?:i|we) can (?:press|click|hit|push|tap)\b|\b(?:press|click|hit|push|tap) (?:a|the) button\b|^(?:just )?(?:hit|press|click) run\b`,
    // "I want a button that posts …": a button that does the work is pressed when wanted.
    String.raw`\b(?:a|one|an? (?:big|little|simple)) button (?:that|which)\b|\ba button to (?:run|start|trigger|kick|fire|send|post|pull|make|create)\b`,
  ].join('|'),
);

/**
 * Guard: each of ON_DEMAND's forms holds one of these (" i "/" we " between "when…" and the verb, "demand",
 * "manual", "hoc", "run"/"start"/…, " off", "schedule", "button", …).
 */
const ON_DEMAND_WORDS = [
  ' i ', ' we ', 'demand', 'request', 'command', 'manual', 'by hand', 'hoc', 'run', 'start', 'trigger', 'kick', 'launch',
  ' off', 'schedule', 'just when i', 'button',
];

/** A manual trigger when the message says the agent runs on demand. */
export function findManualTrigger(text: string): Trigger | null {
  return includesAny(text, ON_DEMAND_WORDS) && ON_DEMAND.test(text) ? { type: 'manual', description: 'when you run it' } : null;
}
