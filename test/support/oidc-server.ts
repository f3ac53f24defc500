import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The little of oidc-provider's API the tests use (the package ships no types). */
interface OidcProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  on(event: 'grant.success', listener: (ctx: OidcContext) => void): void;
  on(event: 'grant.error', listener: (ctx: OidcContext, error: Error) => void): void;
}
interface OidcContext {
  req: IncomingMessage;
  oidc?: { params?: Record<string, unknown> };
}

/** One `POST /token` as the server saw it: the answer's status and what the request carried. */
export interface TokenRequestSeen {
  status: number;
  grantType?: string;
  code?: string;
  /** Whether a `code_verifier` was sent (never its value). */
  codeVerifier: boolean;
  redirectUri?: string;
}
type OidcProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;

export interface OidcServerOptions {
  clientId: string;
  clientSecret: string;
  /** The one redirect URI the client may use (oidc-provider compares it exactly). */
  redirectUri: string;
  tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
}

export interface OidcTestServer {
  issuer: string;
  authorizeUrl: string;
  tokenUrl: string;
  /** Token responses the server sent, by HTTP status (`POST /token` only). */
  tokenResponses(): number[];
  /** Every `POST /token` with what it carried, in the order answered. */
  tokenRequests(): TokenRequestSeen[];
  /** Every token value (access, refresh, id) the server handed out: none may leak anywhere. */
  issuedTokens(): string[];
  /**
   * Drives the development login and consent pages over HTTP like a browser (cookies, forms)
   * starting from an authorization URL; resolves with the callback URL the server redirects to.
   * `deny` presses the pages' Cancel link at the consent step (the server answers `access_denied`).
   */
  authorize(authorizationUrl: string, login?: string, decision?: 'allow' | 'deny'): Promise<URL>;
  close(): Promise<void>;
}

/**
 * A real, certified authorization server (oidc-provider 9) on 127.0.0.1 with one confidential
 * client, PKCE required, exact redirect URI matching, single-use codes and `iss` in the response.
 */
export async function startOidcServer(options: OidcServerOptions): Promise<OidcTestServer> {
  // A non-literal specifier: the package has no type declarations.
  const specifier: string = 'oidc-provider';
  const restoreConsole = silenceOidcProviderNotices();
  const { default: Provider } = (await import(specifier)) as { default: OidcProviderConstructor };

  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: options.tokenEndpointAuthMethod ?? 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    scopes: ['openid', 'offline_access', 'read', 'write'],
    cookies: { keys: ['oidc-test-cookie-key'] },
    findAccount: (_ctx: unknown, sub: string) => ({ accountId: sub, claims: () => ({ sub }) }),
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 3600,
      Interaction: 600,
      RefreshToken: 86400,
      Session: 600,
    },
    // Refresh tokens for confidential clients without the openid offline_access dance.
    issueRefreshToken: () => true,
    // Quiet: the default renders a page full of debugging output for errors.
    renderError: (ctx: { type: string; body: string }, out: { error: string }) => {
      ctx.type = 'text';
      ctx.body = out.error;
    },
  });

  const statuses: number[] = [];
  const requests: TokenRequestSeen[] = [];
  const tokens: string[] = [];
  const params = new WeakMap<IncomingMessage, Record<string, unknown>>();
  const remember = (ctx: OidcContext) => {
    if (ctx.oidc?.params) params.set(ctx.req, ctx.oidc.params);
  };
  provider.on('grant.success', remember);
  provider.on('grant.error', remember);

  const handler = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'POST' && req.url?.startsWith('/token')) {
      const body: Buffer[] = [];
      const write = res.write.bind(res) as (...args: unknown[]) => boolean;
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      const keep = (chunk: unknown) => {
        if (typeof chunk === 'string' || chunk instanceof Uint8Array) body.push(Buffer.from(chunk));
      };
      res.write = ((chunk: unknown, ...rest: unknown[]) => (keep(chunk), write(chunk, ...rest))) as typeof res.write;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => (keep(chunk), end(chunk, ...rest))) as typeof res.end;
      res.on('finish', () => {
        statuses.push(res.statusCode);
        const seen = params.get(req) ?? {};
        const text = (key: string) => (typeof seen[key] === 'string' ? seen[key] : undefined);
        requests.push({
          status: res.statusCode,
          grantType: text('grant_type'),
          code: text('code'),
          codeVerifier: typeof seen['code_verifier'] === 'string' && seen['code_verifier'].length > 0,
          redirectUri: text('redirect_uri'),
        });
        try {
          const answer = JSON.parse(Buffer.concat(body).toString('utf8')) as Record<string, unknown>;
          for (const key of ['access_token', 'refresh_token', 'id_token']) {
            if (typeof answer[key] === 'string') tokens.push(answer[key]);
          }
        } catch {
          // not JSON: nothing issued
        }
      });
    }
    handler(req, res);
  });

  return {
    issuer,
    authorizeUrl: `${issuer}/auth`,
    tokenUrl: `${issuer}/token`,
    tokenResponses: () => [...statuses],
    tokenRequests: () => requests.map((request) => ({ ...request })),
    issuedTokens: () => [...tokens],
    authorize: (authorizationUrl, login = 'alice', decision = 'allow') => driveInteractions(issuer, authorizationUrl, login, decision),
    close: () =>
      new Promise<void>((resolve, reject) => {
        restoreConsole();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Follows redirects within the issuer, posting the login then the consent form, until it leaves. */
async function driveInteractions(issuer: string, authorizationUrl: string, login: string, decision: 'allow' | 'deny'): Promise<URL> {
  const cookies = new Map<string, string>();
  let request: { url: string; form?: URLSearchParams } = { url: authorizationUrl };

  for (let hop = 0; hop < 20; hop += 1) {
    const response = await fetch(request.url, {
      method: request.form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(request.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: request.form?.toString(),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const separator = pair!.indexOf('=');
      cookies.set(pair!.slice(0, separator).trim(), pair!.slice(separator + 1).trim());
    }

    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, request.url);
      if (next.origin !== issuer) return next;
      request = { url: next.href };
      continue;
    }

    const html = await response.text();
    if (response.status !== 200) throw new Error(`Authorization server answered ${response.status}: ${html}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`No interaction form in the page: ${html.slice(0, 500)}`);
    if (decision === 'deny' && prompt !== 'login') {
      // The layout's "[ Cancel ]" link aborts the interaction: the client gets error=access_denied.
      const cancel = /<a href="([^"]+\/abort)"/.exec(html)?.[1];
      if (!cancel) throw new Error('No cancel link in the consent page');
      request = { url: new URL(cancel.replaceAll('&amp;', '&'), request.url).href };
      continue;
    }
    const form = new URLSearchParams({ prompt });
    if (prompt === 'login') {
      form.set('login', login);
      form.set('password', 'any');
    }
    request = { url: new URL(action.replaceAll('&amp;', '&'), request.url).href, form };
  }
  throw new Error('Too many hops while driving the authorization server');
}

/** oidc-provider prints quick-start warnings through the console (they are expected in a test). */
function silenceOidcProviderNotices(): () => void {
  const { info, warn } = console;
  const quiet =
    (print: (...args: unknown[]) => void) =>
    (...args: unknown[]): void => {
      if (typeof args[0] === 'string' && args[0].includes('oidc-provider')) return;
      print(...args);
    };
  console.info = quiet(info);
  console.warn = quiet(warn);
  return () => {
    console.info = info;
    console.warn = warn;
  };
}
