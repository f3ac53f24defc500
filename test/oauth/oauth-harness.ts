import { expect } from '@jest/globals';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { AppLogger } from '../../src/logging/app-logger.js';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/bootstrap.js';
import { FakeClock } from '../../src/common/clock.js';
import { AppConfig } from '../../src/config/app-config.js';
import type { ChatResponse } from '../../src/conversation/chat-response.js';
import type { SessionView } from '../../src/conversation/dto/session-view.js';
import { SessionStore } from '../../src/conversation/store/session-store.js';
import { CredentialStore } from '../../src/oauth/credential-store.js';
import type { OidcTestServer } from '../support/oidc-server.js';
import { parseSse } from '../support/sse.js';

/** A description the rule-based interpreter reads as Gmail + Slack, a daily schedule and a channel. */
export const GMAIL_TO_SLACK =
  'I want an agent that summarizes my unread Gmail emails every morning at 8am and posts the summary to the #team-updates Slack channel';
/** … as Gmail only. */
export const GMAIL_ONLY = 'Summarize my unread Gmail every morning at 8am and email the summary to me';
/** … as Gmail + Google Drive: two integrations of one provider. */
export const GMAIL_TO_DRIVE = 'Every morning at 8am save my unread Gmail attachments to Google Drive';

/** Everything the app logged (pino JSON lines) and everything written to stdout/stderr meanwhile. */
export class LogCapture {
  raw = '';
  private restore: (() => void) | null = null;

  write(chunk: string): void {
    this.raw += chunk;
  }

  /** Also records what anything writes to the process's stdout and stderr, until `stop`. */
  start(): this {
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    const tee =
      (original: typeof out) =>
      (chunk: unknown, ...rest: unknown[]): boolean => {
        this.raw += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
        return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
      };
    process.stdout.write = tee(out) as typeof process.stdout.write;
    process.stderr.write = tee(err) as typeof process.stderr.write;
    this.restore = () => {
      process.stdout.write = out;
      process.stderr.write = err;
    };
    return this;
  }

  stop(): void {
    this.restore?.();
    this.restore = null;
  }
}

export interface OauthApp {
  baseUrl: string;
  redirectUri: string;
  app: NestExpressApplication;
  clock: FakeClock;
  store: SessionStore;
  credentials: CredentialStore;
  close(): Promise<void>;
}

/** A free loopback port, so the redirect URI can be registered with the provider before the app starts. */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The whole service on `port` with a fake clock and its logs (debug level) captured in `logs`. The
 * env names the OAuth clients; rate limits are lifted (one loopback IP does everything here).
 */
export async function startOauthApp(port: number, env: Record<string, string>, logs: LogCapture): Promise<OauthApp> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const clock = new FakeClock(Date.now());
  const config = new AppConfig({
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    LOG_LEVEL: 'debug',
    SESSION_SWEEP_INTERVAL_MS: '3600000',
    RATE_LIMIT_TURNS_PER_MINUTE: '100000',
    RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: '100000',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, { clock, logDestination: logs })] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, bufferLogs: true, forceCloseConnections: true });
  app.useLogger(app.get(AppLogger));
  configureApp(app);
  await app.listen(port, '127.0.0.1');
  return {
    baseUrl,
    redirectUri: `${baseUrl}/v1/oauth/callback`,
    app,
    clock,
    store: app.get<SessionStore>(SessionStore),
    credentials: app.get<CredentialStore>(CredentialStore),
    close: () => app.close(),
  };
}

/** `OAUTH_<ID>_*` for a client registered at an oidc-provider instance. */
export function providerEnv(
  id: string,
  server: Pick<OidcTestServer, 'authorizeUrl' | 'tokenUrl' | 'issuer'>,
  client: { clientId: string; clientSecret: string; clientAuth: 'client_secret_basic' | 'client_secret_post' },
  overrides: { tokenUrl?: string } = {},
): Record<string, string> {
  const name = (field: string) => `OAUTH_${id.toUpperCase()}_${field}`;
  return {
    [name('CLIENT_ID')]: client.clientId,
    [name('CLIENT_SECRET')]: client.clientSecret,
    [name('CLIENT_AUTH')]: client.clientAuth,
    [name('AUTHORIZE_URL')]: server.authorizeUrl,
    [name('TOKEN_URL')]: overrides.tokenUrl ?? server.tokenUrl,
    [name('ISSUER')]: server.issuer,
    [name('SCOPES')]: 'openid',
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * The browser and the chat client in one: every answer it receives (status line aside: bodies and
 * headers) is kept, to check that no secret ever reached a client.
 */
export class Witness {
  readonly seen: string[] = [];

  async fetch(url: string, init: RequestInit = {}): Promise<Answer> {
    const response = await fetch(url, { redirect: 'manual', ...init });
    const text = await response.text();
    this.seen.push(text, JSON.stringify([...response.headers]));
    return { status: response.status, headers: response.headers, text };
  }

  /** The concatenation of everything seen. */
  get all(): string {
    return this.seen.join('\n');
  }
}

/** A user of the chat API (dev identity headers), recording what it receives in the witness. */
export class ChatUser {
  sessionId = '';

  constructor(
    private readonly witness: Witness,
    private readonly baseUrl: string,
    readonly userId: string,
    readonly tenantId = 'acme',
  ) {}

  get headers(): Record<string, string> {
    return { 'x-user-id': this.userId, 'x-tenant-id': this.tenantId };
  }

  async start(): Promise<string> {
    const answer = await this.witness.fetch(`${this.baseUrl}/v1/sessions`, { method: 'POST', headers: this.headers });
    expect(answer.status).toBe(201);
    this.sessionId = (JSON.parse(answer.text) as SessionView).sessionId;
    return this.sessionId;
  }

  /** One turn over SSE: its ChatResponses, in order. */
  async send(input: string | { action: string }): Promise<ChatResponse[]> {
    const body = typeof input === 'string' ? { message: input } : { action: { type: input.action } };
    const answer = await this.witness.fetch(`${this.baseUrl}/v1/sessions/${this.sessionId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...this.headers },
      body: JSON.stringify(body),
    });
    expect(answer.status).toBe(200);
    const events = parseSse(answer.text).map((event) => event.data);
    expect(events.filter((event) => event.type === 'error')).toEqual([]);
    return events;
  }

  async view(): Promise<SessionView> {
    const answer = await this.witness.fetch(`${this.baseUrl}/v1/sessions/${this.sessionId}`, { headers: this.headers });
    expect(answer.status).toBe(200);
    return JSON.parse(answer.text) as SessionView;
  }

  /**
   * The session's durable events after `afterSeq`, read through `/events` as a client following the
   * session would (the replay, up to the last event the store holds; then the stream is closed).
   */
  async events(store: SessionStore, afterSeq = 0): Promise<ChatResponse[]> {
    const lastEventSeq = (await store.get(this.sessionId))?.lastEventSeq ?? 0;
    const abort = new AbortController();
    const response = await fetch(`${this.baseUrl}/v1/sessions/${this.sessionId}/events`, {
      headers: { ...this.headers, 'last-event-id': String(afterSeq) },
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while ((parseSse(text).at(-1)?.data.seq ?? afterSeq) < lastEventSeq) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    abort.abort();
    this.witness.seen.push(text);
    return parseSse(text).map((event) => event.data);
  }
}

/** The first response of a type, failing with the types seen. */
export function pick(events: readonly ChatResponse[], type: ChatResponse['type']): ChatResponse {
  const found = events.find((event) => event.type === type);
  if (!found) throw new Error(`No "${type}" event; got ${events.map((event) => event.type).join(', ')}`);
  return found;
}

export function all(events: readonly ChatResponse[], type: ChatResponse['type']): ChatResponse[] {
  return events.filter((event) => event.type === type);
}

export function phaseChanges(events: readonly ChatResponse[]): string[] {
  return all(events, 'phase').map((event) => `${String(event.data?.['from'])}→${String(event.data?.['to'])}`);
}

export const stateOf = (url: string): string => new URL(url).searchParams.get('state') ?? '';

/** What a loopback token endpoint received (the verifier kept to check it against the challenge). */
export interface TokenRequestReceived {
  code: string | null;
  codeVerifier: string | null;
  redirectUri: string | null;
  grantType: string | null;
  authorization: string | undefined;
  answered: number | 'hung';
}

/**
 * A token endpoint on loopback whose answer is chosen per test: tokens (sentinel values, which must
 * never appear outside the credential store), 400 `invalid_grant`, 500, or no answer at all.
 */
export class LoopbackTokenEndpoint {
  mode: 'ok' | '400' | '500' | 'hang' = 'ok';
  readonly received: TokenRequestReceived[] = [];
  readonly issued: string[] = [];
  private server: Server | null = null;

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/token`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => void this.answer(request, response));
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parts: Buffer[] = [];
    for await (const part of request) parts.push(part as Buffer);
    const form = new URLSearchParams(Buffer.concat(parts).toString('utf8'));
    const received: TokenRequestReceived = {
      code: form.get('code'),
      codeVerifier: form.get('code_verifier'),
      redirectUri: form.get('redirect_uri'),
      grantType: form.get('grant_type'),
      authorization: request.headers.authorization,
      answered: 'hung',
    };
    this.received.push(received);
    const json = (status: number, body: unknown) => {
      received.answered = status;
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    switch (this.mode) {
      case 'hang':
        return;
      case '400':
        return json(400, { error: 'invalid_grant', error_description: 'code expired' });
      case '500':
        return json(500, { error: 'server_error' });
      case 'ok': {
        const n = this.issued.length / 2 + 1;
        const tokens = { access: `SENTINEL-ACCESS-TOKEN-${n}-f81d4fae`, refresh: `SENTINEL-REFRESH-TOKEN-${n}-7dec11d0` };
        this.issued.push(tokens.access, tokens.refresh);
        return json(200, { access_token: tokens.access, refresh_token: tokens.refresh, token_type: 'Bearer', expires_in: 3600, scope: 'openid' });
      }
    }
  }
}

/**
 * Asserts that none of `secrets` appears in anything a client received, any log line, or any
 * session record or event log of `sessionIds`.
 */
export async function expectNoLeak(
  secrets: readonly string[],
  where: { witness: Witness; logs: LogCapture; store: SessionStore; sessionIds: readonly string[] },
): Promise<void> {
  const records: string[] = [];
  for (const sessionId of where.sessionIds) {
    records.push(JSON.stringify(await where.store.get(sessionId)), JSON.stringify(await where.store.readEvents(sessionId, 0, 10_000)));
  }
  const places = { responses: where.witness.all, logs: where.logs.raw, sessions: records.join('\n') };
  for (const secret of secrets) {
    expect(secret.length).toBeGreaterThan(8);
    for (const [place, text] of Object.entries(places)) {
      expect({ place, leaked: text.includes(secret) }).toEqual({ place, leaked: false });
    }
  }
}
