import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { ensureBuilt } from '../support/app-process.js';

const MAIN = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'dist/src/main.js');

/** Runs the built service with only `env` (and PATH); it must stop before listening. */
function start(env: Record<string, string>) {
  return spawnSync(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PORT: '0', HOST: '127.0.0.1', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('node dist/src/main.js in production', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it('refuses to start without auth config or CREDENTIALS_KEY, naming the variables', () => {
    const run = start({ NODE_ENV: 'production' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('AUTH_JWT_SECRET: AUTH_JWT_SECRET or AUTH_JWKS_URL is required in production');
    expect(run.stderr).toContain('CREDENTIALS_KEY: is required in production');
  });

  it('refuses a weak HS256 secret and an unusable CORS origin', () => {
    const run = start({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'short', CREDENTIALS_KEY: 'a'.repeat(64), CORS_ORIGINS: 'https://ok.example.com,not a url' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('AUTH_JWT_SECRET: must be at least 32 characters');
    expect(run.stderr).toContain('CORS_ORIGINS: "not a url" is not an origin');
    expect(run.stderr).not.toContain('CREDENTIALS_KEY');
  });
});
