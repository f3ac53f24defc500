import type { ChatAction, ChatResponse, ResponseDraft } from '../chat-response.js';
import { transition, type TransitionReason } from '../machine/transitions.js';
import type { ConversationPhase, ConversationState } from '../state.js';
import type { Intent, Interpretation } from '../../interpreter/interpreter.js';
import { emptyRequirements } from '../requirements/requirements.js';

/** Buttons a client can press instead of typing (API.md, turn request). */
export const ACTION_TYPES = ['confirm', 'back', 'restart', 'cancel', 'skip', 'retry'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** What the user sent: text, or a button. */
export type TurnInput = { text: string; action?: undefined } | { action: ActionType; text?: undefined };

/** What the handlers act on: the interpreter's intent for text, or the action's meaning. */
export type TurnIntent = Intent | 'retry';

const ACTION_INTENT: Record<ActionType, TurnIntent> = {
  confirm: 'confirm',
  back: 'go_back',
  restart: 'restart',
  cancel: 'cancel',
  skip: 'skip',
  retry: 'retry',
};

/**
 * A response with the phase it was produced in, in the shape of the event it becomes: its seq is
 * stamped on at commit (in place: the turn owns it, and one shape for every event keeps V8's
 * serialisation on its fast path).
 */
export type PendingResponse = ChatResponse;

export interface TurnSettings {
  now: number;
  historyCap: number;
  transcriptCap: number;
  signal?: AbortSignal;
}

/** A refused transition inside a handler is a programming error: the table and the handler disagree. */
export class RefusedTransitionError extends Error {}

/**
 * The working state of one turn. Handlers read and change `state`, say things and ask for transitions;
 * nothing reaches the store or the client until the service commits the turn as a whole.
 */
export class Turn {
  readonly responses: PendingResponse[] = [];
  /** Set when the session should end with this turn (cancel). */
  ended = false;
  /** Irreversible work registered with `afterCommit`, in order. */
  readonly effects: (() => Promise<unknown>)[] = [];
  private hop: { forward: boolean } | null = null;

  constructor(
    public state: ConversationState,
    readonly input: TurnInput | null,
    readonly interpretation: Interpretation | null,
    readonly settings: TurnSettings,
  ) {}

  get intent(): TurnIntent | null {
    if (this.input?.action) return ACTION_INTENT[this.input.action];
    return this.interpretation?.intent ?? null;
  }

  get phase(): ConversationPhase {
    return this.state.phase;
  }

  get owner(): { userId: string; tenantId: string } {
    return { userId: this.state.userId, tenantId: this.state.tenantId };
  }

  emit(draft: ResponseDraft): void {
    this.responses.push({
      sessionId: this.state.sessionId,
      seq: 0,
      type: draft.type,
      phase: this.state.phase,
      content: draft.content ?? null,
      actions: draft.actions ?? [],
      oauthUrl: draft.oauthUrl ?? null,
      data: draft.data ?? null,
    });
  }

  say(content: string, actions: ChatAction[] = []): void {
    this.emit({ type: 'message', content, actions });
    this.remember('assistant', content);
  }

  remember(role: 'user' | 'assistant', text: string): void {
    const transcript = [...this.state.context.transcript, { role, text }];
    const cap = this.settings.transcriptCap;
    this.state = {
      ...this.state,
      context: { ...this.state.context, transcript: transcript.length > cap ? transcript.slice(-cap) : transcript },
    };
  }

  /** Replaces part of the context. */
  updateContext(patch: Partial<ConversationState['context']>): void {
    this.state = { ...this.state, context: { ...this.state.context, ...patch } };
  }

  /**
   * Moves to `to` through the transition table, emits a `phase` event, and asks the service to run the
   * new phase's `enter` (or, with `forward`, its `handle` on this same input).
   */
  goTo(to: ConversationPhase, reason: TransitionReason, options: { forward?: boolean } = {}): void {
    const result = transition(this.state, to, reason, this.settings.now, this.settings.historyCap);
    if (!result.ok) throw new RefusedTransitionError(result.refusal);
    const from = this.state.phase;
    this.state = result.state;
    // Invariant: a pending OAuth step exists only while in OAUTH_FLOW.
    if (to !== 'OAUTH_FLOW' && this.state.pendingOauth) this.state = { ...this.state, pendingOauth: null };
    this.emit({ type: 'phase', data: { from, to, reason } });
    this.hop = { forward: options.forward ?? false };
  }

  /**
   * Registers work the user cannot take back (activating an agent, making a sign-in link usable): it
   * runs only once the turn's commit succeeded, in registration order, and never for a failed turn.
   * Work whose result the turn needs stays in the handler, before the commit, and must be idempotent.
   */
  afterCommit(effect: () => Promise<unknown>): void {
    this.effects.push(effect);
  }

  /** Clears what the conversation gathered (restart, build another). */
  resetAgent(): void {
    this.state = {
      ...this.state,
      draftAgentId: null,
      pendingOauth: null,
      context: { ...this.state.context, requirements: emptyRequirements(), integrations: [], lastTestRun: null, editHistory: [] },
    };
  }

  /** The hop requested by the last `goTo`, consumed once. */
  takeHop(): { forward: boolean } | null {
    const hop = this.hop;
    this.hop = null;
    return hop;
  }
}

/** The responses of a committed turn, numbered from `firstSeq` (in place) and returned as its events. */
export function stamp(responses: PendingResponse[], firstSeq: number): ChatResponse[] {
  for (let index = 0; index < responses.length; index++) responses[index]!.seq = firstSeq + index;
  return responses;
}
