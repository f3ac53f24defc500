/**
 * The turn mix of the HTTP benchmarks: the example conversation of the README after its OAuth steps,
 * made into a loop that returns to where it started, so every session can run it again and again and
 * every turn does the same work each time. A session enters the loop in REQUIREMENTS with Gmail and
 * Slack connected and every requirement known (the README's first message plus both consents).
 */
export interface MixStep {
  /** The turn request body. */
  body: { message: string } | { action: { type: string } };
  /** The phase the turn's `done` event must carry. */
  donePhase: string;
  /** What the turn does, for the docs. */
  note: string;
}

export const TURN_MIX: readonly MixStep[] = [
  { body: { message: 'only emails from my manager' }, donePhase: 'REQUIREMENTS', note: 'a filter: requirements and summary, phase kept' },
  { body: { message: 'yes, build it' }, donePhase: 'TESTING', note: 'REQUIREMENTS → GENERATION → TESTING: draft and test run' },
  { body: { message: 'change the time to 7:30' }, donePhase: 'REQUIREMENTS', note: 'a correction: TESTING → REQUIREMENTS' },
  { body: { action: { type: 'confirm' } }, donePhase: 'TESTING', note: 'confirm button: GENERATION → TESTING again' },
  { body: { message: 'looks good, turn it on' }, donePhase: 'ACTIVATION', note: 'TESTING → ACTIVATION' },
  { body: { action: { type: 'back' } }, donePhase: 'TESTING', note: 'back button: ACTIVATION → TESTING' },
  { body: { message: 'change the time to 8am' }, donePhase: 'REQUIREMENTS', note: 'a correction back to 8am: TESTING → REQUIREMENTS' },
];

/** The README's first message: IDLE → DISCOVERY → OAUTH_FLOW (Gmail, then Slack). */
export const FIRST_MESSAGE =
  'I want an agent that summarizes my unread Gmail emails every morning at 8am and posts the summary to the #team-updates Slack channel';

/** Serialised request bodies, one per step. */
export const MIX_BODIES: readonly string[] = TURN_MIX.map((step) => JSON.stringify(step.body));
