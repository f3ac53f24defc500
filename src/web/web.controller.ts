import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { negotiate, WebAssets } from './web-assets.js';

/** The page runs on its own modules and stylesheet only: no inline script or style anywhere. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

/**
 * URLs are not fingerprinted (no bundler), so every response must be revalidated; the ETag makes
 * that a bodiless 304. A long max-age would mix old and new modules after a deploy.
 */
const CACHE_CONTROL = 'no-cache';

/** The chat page: `index.html` at `/`, the rest of `dist/web` under `/assets/`. */
@ApiExcludeController()
@Controller()
export class WebController {
  constructor(private readonly assets: WebAssets) {}

  @Get()
  async page(@Headers() headers: Record<string, string | undefined>, @Res() res: Response): Promise<void> {
    if (!(await this.assets.built())) {
      res
        .status(503)
        .set({ 'Cache-Control': 'no-store', 'Retry-After': '10' })
        .type('text/plain')
        .send('The chat page is not built yet: run npm run build.\n');
      return;
    }
    await this.send('index.html', headers, res);
  }

  /** Browsers ask for it on every page of the origin (the development consent page too): no 404 in their consoles. */
  @Get('favicon.ico')
  async favicon(@Headers() headers: Record<string, string | undefined>, @Res() res: Response): Promise<void> {
    await this.send('icon.svg', headers, res);
  }

  @Get('assets/*path')
  async asset(
    @Param('path') path: string | string[],
    @Headers() headers: Record<string, string | undefined>,
    @Res() res: Response,
  ): Promise<void> {
    // Express 5 hands a named wildcard over as its segments.
    const file = Array.isArray(path) ? path.join('/') : path;
    // The page itself lives only at `/`, where it carries its CSP.
    await this.send(file.endsWith('.html') ? '' : file, headers, res);
  }

  private async send(path: string, headers: Record<string, string | undefined>, res: Response): Promise<void> {
    const asset = path ? await this.assets.get(path) : null;
    if (!asset) {
      res.status(404).json({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: 'No such file.' });
      return;
    }
    res.set({
      'Content-Security-Policy': PAGE_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'Cache-Control': CACHE_CONTROL,
      Vary: 'Accept-Encoding',
      ETag: asset.etag,
    });
    if (matches(headers['if-none-match'], asset.etag)) {
      res.status(304).end();
      return;
    }
    const { encoding, body } = negotiate(asset, headers['accept-encoding']);
    if (encoding !== 'identity') res.set('Content-Encoding', encoding);
    res.status(200).type(asset.type).send(body);
  }
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string): string => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}
