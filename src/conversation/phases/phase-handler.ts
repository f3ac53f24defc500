import type { ConversationPhase } from '../state.js';
import type { Turn } from './turn.js';

/** The behaviour of one phase. One implementation per phase, found through the registry. */
export interface PhaseHandler {
  readonly phase: ConversationPhase;
  /** Runs when the conversation arrives in this phase (announce it, ask the first question, do the phase's work). */
  enter(turn: Turn): Promise<void>;
  /** Handles one user turn (text or action) while in this phase. Unexpected input gets a clarifying reply. */
  handle(turn: Turn): Promise<void>;
}

/** Multi-provider token under which every handler is registered. */
export const PHASE_HANDLERS = Symbol('PHASE_HANDLERS');
