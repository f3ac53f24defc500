import { Controller, Get, Headers, Param, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { toErrorBody } from '../common/domain-exception.filter.js';
import { SseWriter } from '../common/sse-writer.js';
import { IdentityGuard } from '../identity/identity.guard.js';
import { Owner } from '../identity/owner.decorator.js';
import { ConversationService } from './conversation.service.js';
import type { SessionOwner } from './state.js';

/** Idle streams get a comment line this often so proxies and browsers keep them open. */
export const HEARTBEAT_MS = 15_000;

/** The session's event stream: replay after `Last-Event-ID`, then live pushes (OAuth completion, expiry, turns). */
@ApiTags('events')
@Controller('v1/sessions/:id/events')
@UseGuards(IdentityGuard)
export class EventsController {
  constructor(private readonly conversations: ConversationService) {}

  @Get()
  @ApiOperation({ summary: "The session's durable events after Last-Event-ID, then live" })
  @ApiProduces('text/event-stream')
  follow(
    @Owner() owner: SessionOwner,
    @Param('id') sessionId: string,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Query('lastEventId') lastEventIdQuery: string | undefined,
    @Res() res: Response,
  ): void {
    const afterSeq = parseSeq(lastEventId ?? lastEventIdQuery);
    const writer = new SseWriter(res);
    let opened = false;
    const open = (): void => {
      if (opened) return;
      opened = true;
      writer.open(200, HEARTBEAT_MS);
      writer.write(': connected\n\n');
    };
    const subscription = this.conversations.followEvents(owner, sessionId, afterSeq).subscribe({
      next: (event) => {
        open();
        writer.send(event, true);
      },
      error: (error: unknown) => {
        if (opened) return writer.end();
        const body = toErrorBody(error);
        res.status(body.statusCode).json(body);
      },
    });
    // The ownership check happens in the replay; open once it passed or right away when there is nothing to replay.
    this.conversations
      .findOwned(owner, sessionId)
      .then(() => open())
      .catch(() => undefined);
    res.on('close', () => {
      subscription.unsubscribe();
      writer.end();
    });
  }
}

function parseSeq(value: string | undefined): number {
  const seq = Number(value);
  return Number.isSafeInteger(seq) && seq > 0 ? seq : 0;
}
