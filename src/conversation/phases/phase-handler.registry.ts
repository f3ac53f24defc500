import { Inject, Injectable } from '@nestjs/common';
import { type ConversationPhase, PHASES } from '../state.js';
import { PHASE_HANDLERS, type PhaseHandler } from './phase-handler.js';

/** Handlers by phase, built at boot; a missing or doubled phase stops the start. */
@Injectable()
export class PhaseHandlerRegistry {
  private readonly byPhase: ReadonlyMap<ConversationPhase, PhaseHandler>;

  constructor(@Inject(PHASE_HANDLERS) handlers: PhaseHandler[]) {
    const byPhase = new Map<ConversationPhase, PhaseHandler>();
    for (const handler of handlers) {
      if (byPhase.has(handler.phase)) throw new Error(`Two handlers for phase ${handler.phase}`);
      byPhase.set(handler.phase, handler);
    }
    const missing = PHASES.filter((phase) => !byPhase.has(phase));
    if (missing.length) throw new Error(`No handler for phase ${missing.join(', ')}`);
    this.byPhase = byPhase;
  }

  get(phase: ConversationPhase): PhaseHandler {
    return this.byPhase.get(phase)!;
  }
}
