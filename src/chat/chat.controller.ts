import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { sendError, toErrorBody } from '../common/domain-exception.filter.js';
import { SseWriter } from '../common/sse-writer.js';
import { ConversationService } from '../conversation/conversation.service.js';
import { ApiTurnRefusals } from '../conversation/dto/turn-api-responses.js';
import { HEARTBEAT_MS } from '../conversation/events.controller.js';
import type { SessionOwner } from '../conversation/state.js';
import { GracefulShutdown } from '../http/graceful-shutdown.js';
import { parseIdempotencyKey } from '../conversation/turn/idempotent-turns.js';
import { IdentityGuard } from '../identity/identity.guard.js';
import { Owner } from '../identity/owner.decorator.js';
import { ChatRequest, toChatTurnInput } from './chat-request.dto.js';
import { type ChatStream, ChatStreams } from './chat-streams.js';
import { chunkFrame, DONE_FRAME, UI_MESSAGE_STREAM_HEADER, UiMessageStreamAdapter } from './ui-message-chunks.js';

/**
 * The Vercel AI SDK's chat endpoints, at the URLs `new DefaultChatTransport({ api: '/v1/chat' })` uses:
 * `POST /v1/chat` runs one turn and answers its UI message stream; `GET /v1/chat/:id/stream` joins the
 * turn still running (204 when none). A thin adapter over `ConversationService.processMessage`, with the
 * SSE route's identity, draining, idempotency and turn rate limit.
 *
 * Unlike the SSE route, a client that goes away does not stop the turn: it runs to its end so that the
 * client can resume it. Stopping is `POST /v1/sessions/:id/stop` (the chat's `stop()` only hangs up).
 */
@ApiTags('chat (AI SDK)')
@Controller('v1/chat')
@UseGuards(IdentityGuard)
export class ChatController {
  constructor(
    private readonly conversations: ConversationService,
    private readonly shutdown: GracefulShutdown,
    private readonly streams: ChatStreams,
  ) {}

  @Post()
  @ApiOperation({ summary: 'One turn as an AI SDK UI message stream (x-vercel-ai-ui-message-stream: v1)' })
  @ApiBody({ type: ChatRequest })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'UI message stream: start, text and data-* parts, finish, then [DONE]' })
  @ApiTurnRefusals('512 KB')
  send(
    @Owner() owner: SessionOwner,
    @Body() body: ChatRequest,
    @Headers('idempotency-key') idempotencyHeader: string | undefined,
    @Res() res: Response,
  ): void {
    const sessionId = body.id;
    const input = toChatTurnInput(body);
    const idempotencyKey = parseIdempotencyKey(idempotencyHeader);
    if (this.shutdown.isDraining) return sendError(res, GracefulShutdown.refusal());
    // Not the client's hang-up, only a shutdown past its grace stops this turn (it gives its lease back).
    const cut = new AbortController();
    const endTurn = this.shutdown.turnStarted(() => cut.abort());

    const adapter = new UiMessageStreamAdapter();
    let stream: ChatStream | undefined;
    // No client signal: the turn's subscription is not the response's, a client that hangs up leaves it running.
    this.conversations.processMessage(owner, sessionId, input, { idempotencyKey, signal: cut.signal, multitask: body.multitask }).subscribe({
      next: (event) => {
        if (!stream) {
          stream = this.streams.open(sessionId, owner);
          stream.push(chunkFrame(adapter.start(randomUUID(), sessionId)));
          if (!res.destroyed) this.follow(stream, res);
        }
        for (const chunk of adapter.toChunks(event)) stream.push(chunkFrame(chunk));
      },
      error: (error: unknown) => {
        endTurn();
        if (!stream) return sendError(res, error);
        stream.push(chunkFrame({ type: 'error', errorText: toErrorBody(error).message }));
        stream.push(DONE_FRAME);
        this.streams.close(stream);
      },
      complete: () => {
        endTurn();
        if (!stream) return sendError(res, new Error('The turn ended without events.'));
        stream.push(DONE_FRAME);
        this.streams.close(stream);
      },
    });
  }

  @Get(':id/stream')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume: the running turn’s UI message stream from its start, then live; 204 when no turn runs here' })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 200, description: 'UI message stream (replayed from the turn’s start)' })
  @ApiResponse({ status: 204, description: 'No turn of this session is running on this replica' })
  @ApiResponse({ status: 404, description: 'SESSION_NOT_FOUND (missing or foreign)' })
  @ApiResponse({ status: 410, description: 'SESSION_EXPIRED' })
  async resume(@Owner() owner: SessionOwner, @Param('id') sessionId: string, @Res() res: Response): Promise<void> {
    // Ownership first: a foreign session answers 404 like a missing one, running turn or not.
    await this.conversations.getSession(owner, sessionId);
    const stream = this.streams.find(sessionId, owner);
    if (!stream) return void res.status(204).end();
    this.follow(stream, res);
  }

  /** Sends the stream (from its start) to this response until either ends. */
  private follow(stream: ChatStream, res: Response): void {
    const writer = new SseWriter(res);
    res.setHeader(...UI_MESSAGE_STREAM_HEADER);
    writer.open(200, HEARTBEAT_MS);
    const unfollow = stream.follow(
      (frame) => writer.write(frame),
      () => writer.end(),
    );
    res.on('close', unfollow);
  }
}
