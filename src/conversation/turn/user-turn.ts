import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DomainError } from '../../common/errors.js';
import { Interpreter, type Interpretation, type TokenUsage } from '../../interpreter/interpreter.js';
import { LlmMetrics } from '../../interpreter/openai/llm-metrics.js';
import { backTarget } from '../machine/transitions.js';
import { PhaseHandlerRegistry } from '../phases/phase-handler.registry.js';
import type { Turn, TurnInput } from '../phases/turn.js';
import { hasEdits } from '../phases/requirement-edits.js';
import type { Requirements } from '../requirements/requirements.js';
import { ConversationPhase, type TranscriptEntry } from '../state.js';
import { thaw } from '../store/frozen.js';
import type { CommittedState } from '../store/session-store.js';
import { stopped, type NewTurn } from './turn-runner.js';

/** What a user turn needs besides its input: the abort signal and where streamed model text goes. */
export interface UserTurnContext {
  signal: AbortSignal;
  onDelta(text: string): void;
}

/**
 * The play of a user's turn, between the read and the hops: interpret the text, remember it, then the
 * common intents (cancel, restart, back mean the same in every phase) or the phase's handler.
 */
@Injectable()
export class UserTurn {
  private readonly logger = new Logger(UserTurn.name);

  constructor(
    @Inject(Interpreter) private readonly interpreter: Interpreter,
    private readonly registry: PhaseHandlerRegistry,
    /** Per-session token totals of the LLM interpreter (absent in specs that build this alone). */
    @Optional() private readonly llmMetrics?: LlmMetrics,
  ) {}

  async play(original: CommittedState, input: TurnInput, newTurn: NewTurn, context: UserTurnContext): Promise<Turn> {
    const interpretation = await this.interpret(original, input, context);
    const turn = newTurn(original, input, interpretation);
    if (input.text !== undefined) turn.remember('user', input.text);
    // A model's reply (LLM interpreter) is the message its streamed deltas add up to; then the phase's
    // handler says what the machine decided.
    if (interpretation?.reply) turn.say(interpretation.reply);
    turn.state = { ...turn.state, lastActivityAt: turn.settings.now, expiryWarnedAt: null };
    await this.dispatch(turn);
    return turn;
  }

  /** Restart, cancel and back mean the same in every phase; everything else is the phase handler's. */
  private async dispatch(turn: Turn): Promise<void> {
    switch (turn.intent) {
      case 'cancel':
        turn.ended = true;
        turn.say('Cancelled. This session is closed.');
        return;
      case 'restart':
        turn.resetAgent();
        // "Start over: summarize my Slack instead" restarts and handles the new description right away.
        turn.goTo(ConversationPhase.DISCOVERY, 'restart', { forward: hasEdits(turn.interpretation) });
        return;
      case 'go_back': {
        const target = backTarget(turn.phase);
        if (target) turn.goTo(target, 'back');
        else turn.say("There's no earlier step to go back to.");
        return;
      }
      default:
        await this.registry.get(turn.phase).handle(turn);
    }
  }

  private async interpret(state: CommittedState, input: TurnInput, context: UserTurnContext): Promise<Interpretation | null> {
    if (input.text === undefined) return null;
    try {
      return await this.interpreter.interpret(
        { text: input.text, phase: state.phase, requirements: thaw<Requirements>(state.context.requirements), transcript: thaw<TranscriptEntry[]>(state.context.transcript) },
        { signal: context.signal, onDelta: context.onDelta, onUsage: (usage) => this.recordUsage(state.sessionId, usage) },
      );
    } catch (error) {
      if (context.signal.aborted) throw stopped();
      this.logger.warn(`Interpreter failed in session ${state.sessionId}: ${(error as Error).message}`);
      throw new DomainError('INTERPRETER_FAILED', "I couldn't understand that right now; nothing was changed. Please try again.");
    }
  }

  /** Token usage per turn and per session: a log line, and the session's total in the LLM metrics. */
  private recordUsage(sessionId: string, usage: TokenUsage): void {
    const total = this.llmMetrics?.addSessionUsage(sessionId, usage);
    const session = total ? `; session ${total.promptTokens} + ${total.completionTokens} over ${total.turns} turn(s)` : '';
    this.logger.log(`LLM tokens in session ${sessionId}: turn ${usage.promptTokens} prompt + ${usage.completionTokens} completion${session}`);
  }
}
