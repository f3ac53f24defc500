/**
 * The held-in table of first messages: how people describe an agent in a chat box, with what the
 * requirements must say after it. Written without reading the interpreter; split by theme into parts.
 */
import { DESTINATION_MESSAGES } from './first-messages-destinations.js';
import { DOMAIN_MESSAGES } from './first-messages-domains.js';
import { FILTER_MESSAGES } from './first-messages-filters.js';
import { TIME_MESSAGES } from './first-messages-times.js';
import { RECURRENCE_MESSAGES } from './first-messages-recurrence.js';
import { TOOL_MESSAGES } from './first-messages-tools.js';
import { TRIGGER_MESSAGES } from './first-messages-triggers.js';
import { TYPO_MESSAGES } from './first-messages-typos.js';
import { UNSEEN_MESSAGES, UNSEEN_MESSAGES_FIVE, UNSEEN_MESSAGES_FOUR, UNSEEN_MESSAGES_THREE, UNSEEN_MESSAGES_TWO } from './first-messages-unseen.js';
import { VOICE_MESSAGES } from './first-messages-voices.js';
import type { PhrasingCase } from './phrasing-case.js';

export const FIRST_MESSAGES: PhrasingCase[] = [
  ...TYPO_MESSAGES,
  ...TIME_MESSAGES,
  ...RECURRENCE_MESSAGES,
  ...TOOL_MESSAGES,
  ...TRIGGER_MESSAGES,
  ...DESTINATION_MESSAGES,
  ...FILTER_MESSAGES,
  ...VOICE_MESSAGES,
  ...DOMAIN_MESSAGES,
  ...UNSEEN_MESSAGES,
  ...UNSEEN_MESSAGES_TWO,
  ...UNSEEN_MESSAGES_THREE,
  ...UNSEEN_MESSAGES_FOUR,
  ...UNSEEN_MESSAGES_FIVE,
];
