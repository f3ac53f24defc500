import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ConversationClient } from '../support/conversation-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { documentedErrorCodes, errorShapeProblem, leakIn } from './support/api-errors.js';
import { requestArbitrary, type FuzzTargets } from './support/fuzz-arbitraries.js';
import { eachWithConcurrency, HttpClient, type RawRequest, type RawResponse } from './support/http-client.js';
import { pollutionSince, snapshotPrototypes } from './support/prototypes.js';
import { resolveWebRoot } from '../../src/web/web-root.js';

/**
 * Generated requests (bodies, headers, paths, query strings, methods) against the whole app on a
 * loopback socket: no 5xx, every error answer in the API's shape, nothing leaked, no prototype
 * polluted. `FUZZ_REQUESTS` scales the count (default 10 000); `FUZZ_SEED` replays a run.
 */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);
const CONCURRENCY = 16;

/** Routes whose errors are not the JSON API by contract: HTML pages and the RFC 6749 token endpoint. */
const NON_API_ROUTES = [/^\/v1\/oauth\/callback(?:\/|$)/, /^\/dev\/oauth\//];

const pathnameOf = (path: string): string => path.split('?')[0]!;

describe('fuzzing the HTTP surface', () => {
  let app: TestApp;
  let http: HttpClient;
  let targets: FuzzTargets;
  let prototypesBefore: ReturnType<typeof snapshotPrototypes>;
  const codes = documentedErrorCodes();
  const webBuilt = existsSync(`${resolveWebRoot()}/index.html`);

  beforeAll(async () => {
    prototypesBefore = snapshotPrototypes();
    app = await startTestApp({
      RATE_LIMIT_TURNS_PER_MINUTE: '1000000000',
      RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: '1000000000',
      SESSIONS_PER_USER: '1000000',
    });
    http = new HttpClient(app.baseUrl, { streamMs: 30 });
    const owner = { userId: 'fuzz-user', tenantId: 'fuzz-tenant' };
    const client = new ConversationClient(app.baseUrl, { 'x-user-id': owner.userId, 'x-tenant-id': owner.tenantId });
    const sessionIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      await client.start();
      if (i % 2 === 0) await client.send('I want an agent that summarizes my unread Gmail every morning and posts it to #team on Slack');
      sessionIds.push(client.sessionId);
    }
    targets = { sessionIds, owner };
  });
  afterAll(async () => {
    http?.close();
    await app?.close();
  });

  /** Why an answer breaks the contract, or null. */
  function problemWith(request: RawRequest, response: RawResponse): string | null {
    const path = pathnameOf(request.path);
    const { status, contentType, text } = response;
    // The chat page answers 503 until `npm run build` made it (a clean clone in CI has no build); `//` and
    // other runs of slashes reach the same route.
    const unbuiltPage = !webBuilt && /^\/+$/.test(path) && status === 503 && contentType.startsWith('text/plain');
    if (status >= 500 && !unbuiltPage) {
      const known = status === 503 && /"code":"(SHUTTING_DOWN|STORE_UNAVAILABLE)"/.test(text);
      return known ? `unexpected ${status} ${text}` : `server error ${status}: ${text.slice(0, 300)}`;
    }
    const leak = leakIn(text);
    if (leak) return leak;
    if (status < 400 || request.method === 'HEAD' || unbuiltPage) return null;
    // Node's HTTP parser refuses what is not HTTP (a bad method token) with a bare 400 before the app sees it.
    if (status === 400 && text === '' && contentType === '') return null;
    if (NON_API_ROUTES.some((route) => route.test(path))) {
      if (contentType.startsWith('text/html')) return null;
      if (path === '/dev/oauth/token' && /^\{"error":"\w+","error_description":"[^"]*"\}$/.test(text)) return null;
    }
    return errorShapeProblem(status, contentType, text, codes);
  }

  it(`answers ${REQUESTS} generated requests without a 5xx, in the API's error shape, unpolluted`, async () => {
    const requests = fc.sample(requestArbitrary(targets), { numRuns: REQUESTS, seed: SEED });
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    await eachWithConcurrency(requests, CONCURRENCY, async (request, index) => {
      let response: RawResponse;
      try {
        response = await http.send(request);
      } catch (error) {
        failures.push(`#${index} ${request.method} ${request.path.slice(0, 120)}: ${(error as Error).message}`);
        return;
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const problem = problemWith(request, response);
      if (problem) {
        const body = typeof request.body === 'string' ? request.body.slice(0, 120) : request.body ? `<${request.body.length} bytes>` : '';
        failures.push(
          `#${index} ${request.method} ${request.path.slice(0, 120)} ${JSON.stringify(request.headers).slice(0, 200)} ${JSON.stringify(body)} → ${response.status}: ${problem}`,
        );
      }
    });
    const summary = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    if (process.env.FUZZ_VERBOSE) console.log(`fuzz (seed ${SEED}): ${summary}`);
    expect({ seed: SEED, summary, failures: failures.slice(0, 15), failed: failures.length }).toEqual({
      seed: SEED,
      summary,
      failures: [],
      failed: 0,
    });
    // The generator reached the handlers, not just the 404 page.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(REQUESTS / 50);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(REQUESTS / 50);
    expect(pollutionSince(prototypesBefore)).toEqual([]);
  }, 300_000);

  it("answers an unsupported charset or content encoding in the API's shape", async () => {
    const variants: Record<string, string>[] = [
      { 'content-type': 'application/json; charset=latin1' },
      { 'content-type': 'application/json', 'content-encoding': 'x-unknown' },
    ];
    for (const headers of variants) {
      const response = await http.send({
        method: 'POST',
        path: '/v1/sessions',
        headers: { ...headers, 'x-user-id': 'charset' },
        body: '{}',
      });
      expect(errorShapeProblem(response.status, response.contentType, response.text, codes)).toBeNull();
    }
  });

  it('still serves a normal conversation afterwards', async () => {
    const health = await http.send({ method: 'GET', path: '/health' });
    expect(health.status).toBe(200);
    const client = new ConversationClient(app.baseUrl, { 'x-user-id': 'after-fuzz', 'x-tenant-id': 'fuzz-tenant' });
    await client.start();
    const turn = await client.send('I want an agent that summarizes my unread Gmail every morning and posts it to #team on Slack');
    expect(turn.status).toBe(200);
    expect(turn.responses.at(-1)).toMatchObject({ type: 'done', phase: 'OAUTH_FLOW' });
    expect(pollutionSince(prototypesBefore)).toEqual([]);
  });
});
