import { Controller, Get, Headers, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SseWriter } from '../common/sse-writer.js';
import { AppConfig } from '../config/app-config.js';
import { GracefulShutdown } from '../http/graceful-shutdown.js';
import { IdentityGuard } from '../identity/identity.guard.js';
import { Owner } from '../identity/owner.decorator.js';
import { ConversationMetrics } from '../metrics/conversation-metrics.js';
import { LIVE_ONLY } from './chat-response.js';
import { ConversationService } from './conversation.service.js';
import { EventsQuery } from './dto/events-query.dto.js';
import type { SessionOwner } from './state.js';

/** Idle streams get a comment line this often so proxies and browsers keep them open (`/events` takes `SSE_HEARTBEAT_MS`). */
export const HEARTBEAT_MS = 15_000;

/** The last frame of a stream closed by a shutdown: reconnect soon (to another replica), resuming from `Last-Event-ID`. */
export const SHUTDOWN_FRAME = 'retry: 1000\n: server shutting down, reconnect with Last-Event-ID\n\n';

/** The session's event stream: replay after `Last-Event-ID`, then live pushes (OAuth completion, expiry, turns). */
@ApiTags('events')
@Controller('v1/sessions/:id/events')
@UseGuards(IdentityGuard)
export class EventsController {
  constructor(
    private readonly conversations: ConversationService,
    private readonly shutdown: GracefulShutdown,
    private readonly metrics: ConversationMetrics,
    private readonly config: AppConfig,
  ) {}

  /**
   * Ownership is checked before anything is opened or subscribed: a missing or foreign session answers
   * 404 like any other route, and no stream starts. A draining replica still serves streams (a WHATWG
   * EventSource gives up for good on a non-200 answer) and ends them when its drain is over.
   */
  @Get()
  @ApiOperation({ summary: "The session's durable events after Last-Event-ID, then live" })
  @ApiProduces('text/event-stream')
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED (an unknown query parameter, or lastEventId not a seq)' })
  @ApiResponse({ status: 404, description: 'SESSION_NOT_FOUND (missing or foreign); no stream is opened' })
  @ApiResponse({ status: 503, description: 'STORE_UNAVAILABLE, with Retry-After (a draining replica still serves streams)' })
  async follow(
    @Owner() owner: SessionOwner,
    @Param('id') sessionId: string,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Query() query: EventsQuery,
    @Res() res: Response,
  ): Promise<void> {
    const afterSeq = lastEventId !== undefined ? parseSeq(lastEventId) : (query.lastEventId ?? 0);
    // Checked at the heartbeat's pace, a stream whose session is gone ends with `session_ended`.
    const heartbeatMs = this.config.env.SSE_HEARTBEAT_MS;
    const events = await this.conversations.followEvents(owner, sessionId, afterSeq, { checkEveryMs: heartbeatMs });
    if (res.destroyed) return;
    const writer = new SseWriter(res);
    // HEAD (Express routes it here) has no body to stream: the stream's headers, then the end, not a
    // response held open with nothing ever written (found by the fuzz test).
    if (res.req.method === 'HEAD') {
      writer.open(200);
      writer.end();
      return;
    }
    writer.open(200, heartbeatMs);
    writer.write(': connected\n\n');
    const closed = this.metrics.streamOpened();
    const subscription = events.subscribe({
      // Every event but the live-only `session_ended` is in the log and carries its `id:`.
      next: (event) => writer.send(event, event[LIVE_ONLY] !== true),
      // The store went away mid-stream (or the session did): end it; the client resumes with Last-Event-ID.
      error: () => writer.end(),
      complete: () => writer.end(),
    });
    const forget = this.shutdown.streamOpened(() => {
      subscription.unsubscribe();
      writer.write(SHUTDOWN_FRAME);
      writer.end();
    });
    res.on('close', () => {
      forget();
      closed();
      subscription.unsubscribe();
      writer.end();
    });
  }
}

/** The header as browsers resend it (the last `id:` they saw, always a seq); anything else replays all. */
function parseSeq(value: string): number {
  const seq = Number(value);
  return Number.isSafeInteger(seq) && seq > 0 ? seq : 0;
}
