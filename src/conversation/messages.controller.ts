import { Body, Controller, Headers, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { toErrorBody } from '../common/domain-exception.filter.js';
import { SseWriter } from '../common/sse-writer.js';
import { IdentityGuard } from '../identity/identity.guard.js';
import { Owner } from '../identity/owner.decorator.js';
import type { ChatResponse } from './chat-response.js';
import { ConversationService } from './conversation.service.js';
import { parseTurnRequest } from './dto/turn-request.dto.js';
import type { SessionOwner } from './state.js';

/**
 * One turn per POST. The frames are written here rather than through `@Sse`, which costs half the
 * throughput (STACK.md); the service's `Observable<ChatResponse>` stays the contract.
 */
@ApiTags('messages')
@Controller('v1/sessions/:id/messages')
@UseGuards(IdentityGuard)
export class MessagesController {
  constructor(private readonly conversations: ConversationService) {}

  @Post()
  @ApiOperation({ summary: 'One turn: a stream of ChatResponse events (or JSON with Accept: application/json)' })
  @ApiProduces('text/event-stream', 'application/json')
  @ApiBody({
    schema: {
      oneOf: [
        { type: 'object', required: ['message'], properties: { message: { type: 'string', minLength: 1, maxLength: 4000 } }, additionalProperties: false },
        {
          type: 'object',
          required: ['action'],
          properties: { action: { type: 'object', properties: { type: { enum: ['confirm', 'back', 'restart', 'cancel', 'skip', 'retry'] } } } },
          additionalProperties: false,
        },
      ],
    },
  })
  turn(
    @Owner() owner: SessionOwner,
    @Param('id') sessionId: string,
    @Body() body: unknown,
    @Headers('accept') accept: string | undefined,
    @Res() res: Response,
  ): void {
    const input = parseTurnRequest(body);
    const client = new AbortController();
    res.on('close', () => client.abort());
    const wantsJson = !!accept && accept.includes('application/json') && !accept.includes('text/event-stream');
    const responses: ChatResponse[] = [];
    const writer = new SseWriter(res);
    let opened = false;

    this.conversations.processMessage(owner, sessionId, input, { signal: client.signal }).subscribe({
      next: (event) => {
        if (wantsJson) {
          responses.push(event);
          return;
        }
        if (!opened) {
          writer.open();
          opened = true;
        }
        writer.send(event);
      },
      error: (error: unknown) => {
        const body = toErrorBody(error);
        if (opened) writer.end();
        else res.status(body.statusCode).json(body);
      },
      complete: () => {
        if (wantsJson) res.status(200).json({ responses });
        else writer.end();
      },
    });
  }
}
