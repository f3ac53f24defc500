import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { AppConfig } from '../config/app-config.js';
import { toErrorBody } from '../common/domain-exception.filter.js';
import { DomainError } from '../common/errors.js';
import { GracefulShutdown } from '../http/graceful-shutdown.js';
import { ConversationService } from './conversation.service.js';
import { OauthCallbackQuery } from './dto/oauth-callback-query.dto.js';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/**
 * The providers' redirect. Answers 303 to the chat page of the session, or a page saying why not
 * (400 for a bad, expired, used or superseded state: nothing changed; a duplicate of a callback that
 * went through is told so). Every URL it sends the browser to is the configured return URL plus the
 * session id: no parameter of the request can steer it elsewhere (no open redirect). The answers are
 * never cached and leak no referrer (the URL carries the code and state).
 */
@ApiExcludeController()
@Controller('v1/oauth/callback')
export class OauthCallbackController {
  constructor(
    private readonly conversations: ConversationService,
    private readonly config: AppConfig,
    private readonly shutdown: GracefulShutdown,
  ) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  async callback(@Query() query: OauthCallbackQuery, @Res() res: Response): Promise<void> {
    const { state, code, iss } = query;
    // A draining replica takes no new callback (its state stays untouched); one running is waited for
    // within the grace, and cut after it (the claim is given back, the link works again).
    const cut = new AbortController();
    const done = this.shutdown.isDraining ? undefined : this.shutdown.workStarted('callback', () => cut.abort());
    try {
      if (!done) throw GracefulShutdown.refusal();
      if (!state) throw new DomainError('OAUTH_STATE_INVALID', 'The sign-in link is missing its state. Nothing was changed.');
      const result = await this.conversations.completeOauth({ state, code, error: query.error, iss }, cut.signal);
      res.redirect(303, this.chatUrl(result.sessionId, `${result.integration}:${result.outcome}`));
    } catch (error) {
      const body = toErrorBody(error);
      const details = error instanceof DomainError ? error.details : undefined;
      const title = typeof details?.['title'] === 'string' ? details['title'] : 'Connection not completed';
      const sessionId = typeof details?.['sessionId'] === 'string' ? details['sessionId'] : undefined;
      const retryAfter = details?.['retryAfterSeconds'];
      if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
      const message = body.code === 'INTERNAL_ERROR' ? 'Something went wrong on our side. Nothing was connected.' : body.message;
      const back = sessionId
        ? `<p><a href="${escapeHtml(this.chatUrl(sessionId))}">Back to the conversation</a></p>`
        : '<p>Go back to the conversation and try connecting again.</p>';
      res
        .status(body.statusCode >= 500 ? body.statusCode : 400)
        .type('html')
        .send(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex">` +
            `<title>${escapeHtml(title)}</title></head>` +
            `<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${back}</body></html>`,
        );
    } finally {
      done?.();
    }
  }

  /** The chat page of a session: the configured return URL (or the service's own page), never a request parameter. */
  private chatUrl(sessionId: string, connected?: string): string {
    const target = new URL(this.config.env.OAUTH_RETURN_URL ?? `${this.config.publicUrl}/`);
    target.searchParams.set('sessionId', sessionId);
    if (connected) target.searchParams.set('connected', connected);
    return target.toString();
  }
}
