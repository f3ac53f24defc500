import { Module } from '@nestjs/common';
import { WebAssets } from './web-assets.js';
import { resolveWebRoot } from './web-root.js';
import { WebController } from './web.controller.js';

/** Serves the built chat page (`dist/web`); answers 503 at `/` until `npm run build` has run. */
@Module({
  controllers: [WebController],
  providers: [{ provide: WebAssets, useFactory: () => new WebAssets(resolveWebRoot()) }],
})
export class WebModule {}
