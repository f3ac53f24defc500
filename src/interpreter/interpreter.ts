import type { ConversationPhase, TranscriptEntry } from '../conversation/state.js';
import type { RequirementEdit } from '../conversation/requirements/edits.js';
import type { Requirements, RequirementsPatch } from '../conversation/requirements/requirements.js';

/** What the user meant by one message. The machine, not the interpreter, decides what happens next. */
export const INTENTS = [
  /** States facts about the agent ("summarize my Gmail every morning"). */
  'provide_information',
  /** Agrees to what was proposed ("yes, build it", "looks good, turn it on"). */
  'confirm',
  /** Wants the previous step ("go back"). */
  'go_back',
  /** Corrects something already said ("actually make it 9am", "instead of Slack use Teams"). */
  'change',
  /** Wants to start over, dropping the requirements. */
  'restart',
  /** Wants to abandon the session. */
  'cancel',
  /** Asks something ("what can you connect to?"). */
  'question',
  /** Skips the current optional step (e.g. connecting an account). */
  'skip',
  /** Asks to rebuild the draft agent. */
  'regenerate',
  /** Wants the last turn's edits reverted ("undo that", "put it back"). */
  'undo',
  /**
   * Takes back what they just said ("never mind", "nvm", "forget that"): the edits of the turn right before,
   * if it made any, else nothing. Never ends the session (that is `cancel`).
   */
  'dismiss',
  /** Asks what was changed ("what did I change?"). */
  'review_changes',
  /** Nothing usable was recognised. */
  'unclear',
] as const;
export type Intent = (typeof INTENTS)[number];

export interface Interpretation {
  intent: Intent;
  /**
   * Requirement fields the message states, in shorthand: turned into edits against the current
   * document by `editsFromPatch` (fields replaced, integrations and filters added).
   */
  patch: RequirementsPatch;
  /**
   * Edit operations the shorthand cannot say (remove a destination or filter, add a second destination,
   * clear a field, switch a trigger), applied after the patch's. Left out when there are none.
   */
  edits?: RequirementEdit[];
  /** Tools the message names that the catalog does not have (display names), for the reply to name back. */
  unsupported?: string[];
  /** An assistant reply written by the interpreter (LLM); rule-based interpretation leaves it out. */
  reply?: string;
}

export interface InterpretRequest {
  /** The user's text, already trimmed and length-checked. */
  text: string;
  phase: ConversationPhase;
  requirements: Requirements;
  /** Recent conversation lines, oldest first. */
  transcript: readonly TranscriptEntry[];
}

/** Tokens a model call consumed, as the endpoint reported them. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface InterpretOptions {
  /** Fires when the client disconnects or the turn is stopped; implementations abort their work. */
  signal?: AbortSignal;
  /** Receives pieces of the assistant's reply as they are generated (live `delta` events). */
  onDelta?: (text: string) => void;
  /**
   * Receives the turn's token usage (the sum over its model calls) once, when the interpretation ends;
   * not called when no model was called (the rule-based interpreter, an open circuit).
   */
  onUsage?: (usage: TokenUsage) => void;
}

/** Turns a user's text into intent + structured requirement fields. */
export interface Interpreter {
  interpret(request: InterpretRequest, options?: InterpretOptions): Promise<Interpretation>;
}
export const Interpreter = Symbol('Interpreter');
