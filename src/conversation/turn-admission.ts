import { Injectable } from '@nestjs/common';
import { defer, type Observable, switchMap } from 'rxjs';
import { IdempotentTurns, type StartTurn } from '../http/idempotency/idempotent-turns.js';
import { RateLimits } from '../http/rate-limits.js';
import type { ChatResponse } from './chat-response.js';
import { ConversationService } from './conversation.service.js';
import type { TurnInput } from './phases/turn.js';
import type { SessionOwner } from './state.js';

/**
 * How every turn route starts a turn: under its `Idempotency-Key` when there is one (a retry replays the
 * first attempt's events), and counted against the user's turn rate limit only when it really runs.
 */
@Injectable()
export class TurnAdmission {
  constructor(
    private readonly conversations: ConversationService,
    private readonly limits: RateLimits,
    private readonly idempotent: IdempotentTurns,
  ) {}

  /** `signal`: the client went away and the turn should stop (the SSE route); none keeps it running. */
  run(owner: SessionOwner, sessionId: string, input: TurnInput, idempotencyKey: string | undefined, signal?: AbortSignal): Observable<ChatResponse> {
    const start: StartTurn = ({ beforeCommit }) =>
      defer(() => this.limits.consumeTurn(owner)).pipe(
        switchMap(() => this.conversations.processMessage(owner, sessionId, input, { signal, beforeCommit })),
      );
    return idempotencyKey ? this.idempotent.run(owner, sessionId, idempotencyKey, input, start) : start({ beforeCommit: async () => undefined });
  }
}
