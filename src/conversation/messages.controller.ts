import { Body, Controller, Headers, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { sendError } from '../common/domain-exception.filter.js';
import { SseWriter } from '../common/sse-writer.js';
import { GracefulShutdown } from '../http/graceful-shutdown.js';
import { IdentityGuard } from '../identity/identity.guard.js';
import { Owner } from '../identity/owner.decorator.js';
import type { ChatResponse } from './chat-response.js';
import { ConversationService } from './conversation.service.js';
import { ApiTurnRefusals } from './dto/turn-api-responses.js';
import { toTurnInput, TurnRequest } from './dto/turn-request.dto.js';
import { HEARTBEAT_MS } from './events.controller.js';
import type { SessionOwner } from './state.js';
import { parseIdempotencyKey } from './turn/idempotent-turns.js';

/**
 * One turn per POST. The frames are written here rather than through `@Sse`, which costs half the
 * throughput (STACK.md); the service's `Observable<ChatResponse>` stays the contract.
 *
 * Validates the body and the `Idempotency-Key`, refuses on a draining replica (503 `SHUTTING_DOWN`),
 * calls `processMessage` (which owns idempotent replays and the turn limit) and writes its frames.
 */
@ApiTags('messages')
@Controller('v1/sessions/:id/messages')
@UseGuards(IdentityGuard)
export class MessagesController {
  constructor(
    private readonly conversations: ConversationService,
    private readonly shutdown: GracefulShutdown,
  ) {}

  @Post()
  @ApiOperation({ summary: 'One turn: a stream of ChatResponse events (or JSON with Accept: application/json)' })
  @ApiProduces('text/event-stream', 'application/json')
  @ApiResponse({ status: 200, description: 'text/event-stream of ChatResponse, or { responses } with Accept: application/json' })
  @ApiTurnRefusals('16 KB')
  turn(
    @Owner() owner: SessionOwner,
    @Param('id') sessionId: string,
    @Body() body: TurnRequest,
    @Headers('accept') accept: string | undefined,
    @Headers('idempotency-key') idempotencyHeader: string | undefined,
    @Res() res: Response,
  ): void {
    const input = toTurnInput(body);
    const idempotencyKey = parseIdempotencyKey(idempotencyHeader);
    if (this.shutdown.isDraining) {
      sendError(res, GracefulShutdown.refusal());
      return;
    }
    const client = new AbortController();
    // Cut at the end of the shutdown grace like a client gone away: nothing commits, the lease is released (issue 14).
    const endTurn = this.shutdown.turnStarted(() => client.abort());
    // Every response closes; only one closed before it finished means the client went away. (abort()
    // builds a DOMException with a stack trace: about 2 % of the server's time when it ran on every turn.)
    res.on('close', () => {
      if (!res.writableFinished) client.abort();
    });
    const wantsJson = !!accept && accept.includes('application/json') && !accept.includes('text/event-stream');
    const responses: ChatResponse[] = [];
    const writer = new SseWriter(res);
    let opened = false;

    this.conversations.processMessage(owner, sessionId, input, { idempotencyKey, signal: client.signal, multitask: body.multitask }).subscribe({
      next: (event) => {
        if (wantsJson) {
          // A JSON answer carries whole messages; `delta`s are only pieces of them for a live stream.
          if (event.type !== 'delta') responses.push(event);
          return;
        }
        if (!opened) {
          writer.open(200, HEARTBEAT_MS);
          opened = true;
        }
        writer.send(event);
      },
      error: (error: unknown) => {
        endTurn();
        if (opened) writer.end();
        else sendError(res, error);
      },
      complete: () => {
        endTurn();
        if (wantsJson) return void res.status(200).json({ responses });
        if (!opened) writer.open();
        writer.end();
      },
    });
  }
}
