import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoopbackHttpServer } from './loopback-http-server.js';

/**
 * An outside provider's token endpoint whose answers wait for the test: each request is held until
 * `open()` (then answered with a token), so a test can act while a callback's code exchange is in
 * flight. A plain node:http server on loopback.
 */
export class GatedTokenEndpoint extends LoopbackHttpServer {
  requests = 0;
  private held: ServerResponse[] = [];
  private waiters: (() => void)[] = [];
  private opened = false;

  get url(): string {
    return `${this.origin}/token`;
  }

  /** The environment that makes Google an outside provider using this endpoint. */
  googleEnv(): Record<string, string> {
    return {
      OAUTH_GOOGLE_CLIENT_ID: 'gated-client',
      OAUTH_GOOGLE_AUTHORIZE_URL: 'http://127.0.0.1:9/authorize',
      OAUTH_GOOGLE_TOKEN_URL: this.url,
    };
  }

  /** Resolves when the next request has arrived (at once when one is held). */
  nextRequest(): Promise<void> {
    if (this.held.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Answers the held requests, and every later one at once, until `shut()`. */
  open(): void {
    this.opened = true;
    this.held.splice(0).forEach((response) => this.answer(response));
  }

  /** Holds the requests that come from now on. */
  shut(): void {
    this.opened = false;
  }

  protected handle(request: IncomingMessage, response: ServerResponse): void {
    this.requests++;
    request.resume();
    if (this.opened) return this.answer(response);
    this.held.push(response);
    this.waiters.splice(0).forEach((wake) => wake());
  }

  private answer(response: ServerResponse): void {
    if (response.destroyed) return;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ access_token: `token-${this.requests}`, token_type: 'Bearer', expires_in: 3600 }));
  }
}
