import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig } from '../config/app-config.js';
import { toErrorBody } from '../common/domain-exception.filter.js';
import { ConversationService } from './conversation.service.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const firstString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;

/**
 * The providers' redirect. Answers 303 to the chat page of the session (a fixed URL from config plus
 * the session id, so no parameter can redirect elsewhere), or a 400 page when the state is unusable.
 */
@ApiExcludeController()
@Controller('v1/oauth/callback')
export class OauthCallbackController {
  constructor(
    private readonly conversations: ConversationService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  async callback(@Query() query: Record<string, unknown>, @Res() res: Response): Promise<void> {
    const state = firstString(query['state']);
    try {
      if (!state) throw Object.assign(new Error('missing state'), { status: 400 });
      const result = await this.conversations.completeOauth({
        state,
        code: firstString(query['code']),
        error: firstString(query['error']),
        iss: firstString(query['iss']),
      });
      const target = new URL(this.config.env.OAUTH_RETURN_URL ?? `${this.config.publicUrl}/`);
      target.searchParams.set('sessionId', result.sessionId);
      target.searchParams.set('connected', `${result.integration}:${result.outcome}`);
      res.redirect(303, target.toString());
    } catch (error) {
      const body = toErrorBody(error);
      const message = body.code === 'INTERNAL_ERROR' ? 'Something went wrong on our side.' : body.message;
      res
        .status(body.statusCode === 500 ? 500 : body.statusCode >= 500 ? body.statusCode : 400)
        .type('html')
        .send(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Connection not completed</title></head>` +
            `<body><h1>Connection not completed</h1><p>${escapeHtml(message)}</p>` +
            `<p>Nothing was changed. Go back to the conversation and try connecting again.</p></body></html>`,
        );
    }
  }
}
