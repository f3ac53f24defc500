import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import request from 'supertest';
import { WebAssets } from './web-assets.js';
import { resolveWebRoot } from './web-root.js';
import { PAGE_CSP, WebController } from './web.controller.js';
import { WebModule } from './web.module.js';

async function appServing(root: string): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [WebModule] })
    .overrideProvider(WebAssets)
    .useValue(new WebAssets(root))
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.init();
  return app;
}

describe(WebController.name, () => {
  let dir: string;
  let app: INestApplication;
  const script = `export const answer = 42;\n${'// padding so compression pays\n'.repeat(40)}`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'web-'));
    await mkdir(join(dir, 'web', 'js'), { recursive: true });
    await writeFile(join(dir, 'web', 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(join(dir, 'web', 'js', 'main.js'), script);
    await writeFile(join(dir, 'web', 'icon.svg'), '<svg/>');
    await writeFile(join(dir, 'secret.js'), 'no');
    app = await appServing(join(dir, 'web'));
  });

  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves the page at / with the strict CSP and revalidation caching', async () => {
    const res = await request(app.getHttpServer()).get('/').expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.text).toContain('<title>t</title>');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await request(app.getHttpServer()).get('/assets/js/main.js').expect(200);
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^W\/"/);
    await request(app.getHttpServer()).get('/assets/js/main.js').set('If-None-Match', etag).expect(304);
  });

  it('serves modules compressed when the client accepts it, tiny files as they are', async () => {
    const js = await request(app.getHttpServer()).get('/assets/js/main.js').set('Accept-Encoding', 'gzip, br').expect(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-encoding']).toBe('br');
    expect(js.headers['vary']).toBe('Accept-Encoding');
    expect(js.text).toBe(script);
    const gz = await request(app.getHttpServer()).get('/assets/js/main.js').set('Accept-Encoding', 'gzip, br;q=0').expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    const svg = await request(app.getHttpServer()).get('/assets/icon.svg').set('Accept-Encoding', 'gzip').expect(200);
    expect(svg.headers['content-encoding']).toBeUndefined();
  });

  it('answers /favicon.ico with the icon', async () => {
    const res = await request(app.getHttpServer()).get('/favicon.ico').expect(200);
    expect(res.headers['content-type']).toBe('image/svg+xml');
  });

  it.each(['/assets/%2e%2e/secret.js', '/assets/js/..%2f..%2fsecret.js', '/assets/index.html', '/assets/js/missing.js', '/assets/.env.js'])(
    'answers 404 for %s',
    async (path) => {
      await request(app.getHttpServer()).get(path).expect(404);
    },
  );

  it('answers 503 with a hint when the page was never built', async () => {
    const unbuilt = await appServing(join(dir, 'nothing-here'));
    try {
      const res = await request(unbuilt.getHttpServer()).get('/').expect(503);
      expect(res.text).toContain('npm run build');
    } finally {
      await unbuilt.close();
    }
  });
});

describe(resolveWebRoot.name, () => {
  const repo = join(import.meta.dirname, '..', '..');

  it('finds <repo>/dist/web from the TypeScript source and from the compiled module', () => {
    expect(resolveWebRoot()).toBe(join(repo, 'dist', 'web'));
    expect(resolveWebRoot(pathToFileURL(join(repo, 'dist', 'src', 'web', 'web-root.js')).href)).toBe(join(repo, 'dist', 'web'));
  });
});
