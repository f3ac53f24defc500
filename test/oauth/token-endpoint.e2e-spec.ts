import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { codeChallengeS256 } from '../../src/oauth/pkce.js';
import { type OidcTestServer, startOidcServer } from '../support/oidc-server.js';
import {
  ChatUser,
  all,
  expectNoLeak,
  freeLoopbackPort,
  GMAIL_ONLY,
  GMAIL_TO_DRIVE,
  LogCapture,
  LoopbackTokenEndpoint,
  type OauthApp,
  pick,
  providerEnv,
  startOauthApp,
  Witness,
} from './oauth-harness.js';

const GOOGLE = { clientId: 'agent-builder-google', clientSecret: `google-client-secret-${randomBytes(8).toString('hex')}`, clientAuth: 'client_secret_basic' } as const;
const TOKEN_TIMEOUT_MS = 600;

/**
 * The token endpoint misbehaving: the authorization is real (oidc-provider issues the code and `iss`),
 * the token endpoint is a loopback server that answers 400, 500, nothing at all, or sentinel tokens.
 * The sentinel values must reach the credential store and nothing else.
 */
describe('OAuth code exchange against a failing token endpoint', () => {
  const logs = new LogCapture();
  const witness = new Witness();
  const sessions: string[] = [];
  const endpoint = new LoopbackTokenEndpoint();
  let google: OidcTestServer;
  let service: OauthApp;

  beforeAll(async () => {
    logs.start();
    await endpoint.start();
    const port = await freeLoopbackPort();
    google = await startOidcServer({ ...GOOGLE, redirectUri: `http://127.0.0.1:${port}/v1/oauth/callback`, tokenEndpointAuthMethod: GOOGLE.clientAuth });
    service = await startOauthApp(
      port,
      { OAUTH_TOKEN_TIMEOUT_MS: String(TOKEN_TIMEOUT_MS), ...providerEnv('google', google, GOOGLE, { tokenUrl: endpoint.url }) },
      logs,
    );
  });

  afterAll(async () => {
    try {
      expect(endpoint.issued.length).toBeGreaterThanOrEqual(2);
      const verifiers = endpoint.received.map((request) => request.codeVerifier!);
      await expectNoLeak([...endpoint.issued, ...verifiers, GOOGLE.clientSecret], { witness, logs, store: service.store, sessionIds: sessions });
    } finally {
      logs.stop();
      await service?.close();
      await google?.close();
      await endpoint.stop();
    }
  });

  /** A user in OAUTH_FLOW for Gmail, the provider's redirect back to us in hand. */
  async function authorizedGmail(userId: string, description = GMAIL_ONLY) {
    const chat = new ChatUser(witness, service.baseUrl, userId);
    sessions.push(await chat.start());
    const first = await chat.send(description);
    const step = pick(first, 'oauth_required');
    const redirect = await google.authorize(step.oauthUrl!, userId);
    return { chat, step, redirect, firstSeq: first.at(-1)!.seq, received: endpoint.received.length };
  }

  it.each([
    ['400', 'answers 400 invalid_grant'],
    ['500', 'answers 500'],
    ['hang', 'never answers'],
  ] as const)('fails the connection when the token endpoint %s (%s), keeping OAUTH_FLOW with retry and skip', async (mode, _what) => {
    endpoint.mode = mode;
    const { chat, step, redirect, firstSeq, received } = await authorizedGmail(`user-${mode}`);
    const startedAt = Date.now();
    const answer = await witness.fetch(String(redirect));
    expect(Date.now() - startedAt).toBeLessThan(TOKEN_TIMEOUT_MS + 3_000);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toContain('connected=gmail%3Afailed');

    // What the token endpoint saw: the code, the verifier behind the challenge, the exact redirect URI, Basic auth.
    const requests = endpoint.received.slice(received);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      grantType: 'authorization_code',
      code: redirect.searchParams.get('code'),
      redirectUri: service.redirectUri,
      authorization: expect.stringMatching(/^Basic /),
      answered: mode === 'hang' ? 'hung' : Number(mode),
    });
    expect(codeChallengeS256(requests[0]!.codeVerifier!)).toBe(new URL(step.oauthUrl!).searchParams.get('code_challenge'));

    const view = await chat.view();
    expect(view.phase).toBe('OAUTH_FLOW');
    expect(view.context.integrations).toEqual([{ id: 'gmail', provider: 'google', status: 'failed' }]);
    const pushed = await chat.events(service.store, firstSeq);
    expect(pick(pushed, 'oauth_result').data).toEqual({ integration: 'gmail', provider: 'google', status: 'failed' });
    expect(all(pushed, 'message').at(-1)?.actions.map((action) => action.type)).toEqual(['retry', 'skip']);
    expect(await service.credentials.has({ tenantId: 'acme', userId: `user-${mode}`, provider: 'google' })).toBe(false);

    // Retry opens a fresh request that goes through once the endpoint behaves.
    endpoint.mode = 'ok';
    const retried = await chat.send({ action: 'retry' });
    const fresh = pick(retried, 'oauth_required');
    expect(fresh.oauthUrl).not.toBe(step.oauthUrl);
    expect((await witness.fetch(String(await google.authorize(fresh.oauthUrl!, `user-${mode}`)))).status).toBe(303);
    expect((await chat.view()).phase).toBe('REQUIREMENTS');
  });

  it('stores the tokens for the user (and only there) when the endpoint answers, one request per code', async () => {
    endpoint.mode = 'ok';
    const { chat, redirect, received } = await authorizedGmail('olivia');
    const answers = await Promise.all([witness.fetch(String(redirect)), witness.fetch(String(redirect))]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 400]);
    expect(endpoint.received.slice(received)).toEqual([expect.objectContaining({ code: redirect.searchParams.get('code'), answered: 200 })]);
    const stored = await service.credentials.get({ tenantId: 'acme', userId: 'olivia', provider: 'google' });
    expect(stored).toMatchObject({ accessToken: expect.stringMatching(/^SENTINEL-ACCESS-TOKEN-/), refreshToken: expect.stringMatching(/^SENTINEL-REFRESH-/) });
    expect(endpoint.issued).toContain(stored!.accessToken);
    expect((await chat.view()).phase).toBe('REQUIREMENTS');
  });

  it('covers two integrations of one provider with one sign-in and connects both', async () => {
    endpoint.mode = 'ok';
    const chat = new ChatUser(witness, service.baseUrl, 'peggy');
    sessions.push(await chat.start());
    const first = await chat.send(GMAIL_TO_DRIVE);
    const steps = all(first, 'oauth_required');
    expect(steps).toHaveLength(1);
    expect(steps[0]!.content).toContain('Gmail and Google Drive');
    expect((await chat.view()).context.integrations.map((connection) => connection.status)).toEqual(['pending', 'pending']);
    expect((await witness.fetch(String(await google.authorize(steps[0]!.oauthUrl!, 'peggy')))).status).toBe(303);
    const view = await chat.view();
    expect(view.phase).toBe('REQUIREMENTS');
    expect(view.context.integrations.map((connection) => connection.status)).toEqual(['connected', 'connected']);
    const pushed = await chat.events(service.store, first.at(-1)!.seq);
    expect(all(pushed, 'oauth_result').map((event) => event.data?.['integration'])).toEqual(['gmail', 'google_drive']);
  });
});
