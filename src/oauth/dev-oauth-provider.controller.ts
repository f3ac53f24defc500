import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config.js';
import { findIntegration } from './integration-catalog.js';
import { devPageCsp, renderConsentPage, renderErrorPage } from './dev-consent-page.js';
import { DEV_OAUTH_BASE_PATH, DevOauthServer } from './dev-oauth-server.js';

/**
 * The development authorization server's HTTP face (`/dev/oauth/*`): consent page, decision,
 * token endpoint. Wire it only outside production (see `DevOauthModule`); it also answers 404 by
 * itself in production, should it be wired there by mistake.
 */
@Controller(DEV_OAUTH_BASE_PATH.slice(1))
export class DevOauthProviderController {
  constructor(
    private readonly server: DevOauthServer,
    private readonly config: AppConfig,
  ) {}

  @Get('authorize')
  authorize(@Query() query: Record<string, unknown>, @Res() res: Response): void {
    if (this.refuseInProduction(res)) return;
    const checked = this.server.validateAuthorizationRequest(query);
    if (!checked.ok) return this.sendPage(res, 400, renderErrorPage(checked.message));
    if (query['response_type'] !== 'code') return this.sendPage(res, 400, renderErrorPage('response_type must be code.'));
    const integration = checked.request.integration ? findIntegration(checked.request.integration) : undefined;
    this.sendPage(res, 200, renderConsentPage(checked.request, integration?.name ?? 'your account'));
  }

  @Post('decision')
  decide(@Body() body: Record<string, unknown> | undefined, @Res() res: Response): void {
    if (this.refuseInProduction(res)) return;
    const checked = this.server.validateAuthorizationRequest(body ?? {});
    if (!checked.ok) return this.sendPage(res, 400, renderErrorPage(checked.message));
    const decision = body?.['decision'];
    if (decision !== 'allow' && decision !== 'deny') return this.sendPage(res, 400, renderErrorPage('Choose Allow or Deny.'));

    const { request } = checked;
    const target = new URL(request.redirectUri);
    if (decision === 'allow') target.searchParams.set('code', this.server.issueCode(request));
    else target.searchParams.set('error', 'access_denied');
    target.searchParams.set('state', request.state);
    target.searchParams.set('iss', this.server.issuer);
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, target.href);
  }

  @Post('token')
  token(@Req() req: Request, @Body() body: Record<string, unknown> | undefined, @Res() res: Response): void {
    if (this.refuseInProduction(res)) return;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
    if (!req.is('application/x-www-form-urlencoded')) {
      res
        .status(400)
        .json({ error: 'invalid_request', error_description: 'The body must be application/x-www-form-urlencoded.' });
      return;
    }
    const answer = this.server.exchange(body ?? {});
    res.status(answer.status).json(answer.body);
  }

  private sendPage(res: Response, status: number, html: string): void {
    res.status(status);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', devPageCsp(this.config.oauthRedirectUrl));
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.send(html);
  }

  private refuseInProduction(res: Response): boolean {
    if (!this.config.isProduction) return false;
    res.status(404).json({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found' });
    return true;
  }
}
