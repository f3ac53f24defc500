import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { ChatResponse } from '../../src/conversation/chat-response.js';
import type { OauthStateRecord } from '../../src/conversation/store/session-store.js';
import { type OidcTestServer, startOidcServer } from '../support/oidc-server.js';
import {
  type Answer,
  ChatUser,
  all,
  expectNoLeak,
  freeLoopbackPort,
  GMAIL_ONLY,
  GMAIL_TO_SLACK,
  LogCapture,
  type OauthApp,
  phaseChanges,
  pick,
  providerEnv,
  startOauthApp,
  stateOf,
  Witness,
} from './oauth-harness.js';

const GOOGLE = { clientId: 'agent-builder-google', clientSecret: `google-client-secret-${randomBytes(8).toString('hex')}`, clientAuth: 'client_secret_basic' } as const;
const SLACK = { clientId: 'agent-builder-slack', clientSecret: `slack-client-secret-${randomBytes(8).toString('hex')}`, clientAuth: 'client_secret_post' } as const;
const STATE_TTL_MS = 600_000;

/**
 * Connecting Google and Slack mid-conversation against two real authorization servers (oidc-provider:
 * PKCE required, the service's exact redirect URI registered, single-use codes, `iss` sent), driven
 * over HTTP like a browser, with the service on a real socket. Nothing secret may reach a client, a
 * log line or a session: checked once every scenario has run.
 */
describe('OAuth against real authorization servers (Google and Slack played by oidc-provider)', () => {
  const logs = new LogCapture();
  const witness = new Witness();
  const sessions: string[] = [];
  let google: OidcTestServer;
  let slack: OidcTestServer;
  let service: OauthApp;

  beforeAll(async () => {
    logs.start();
    const port = await freeLoopbackPort();
    const redirectUri = `http://127.0.0.1:${port}/v1/oauth/callback`;
    google = await startOidcServer({ ...GOOGLE, redirectUri, tokenEndpointAuthMethod: GOOGLE.clientAuth });
    slack = await startOidcServer({ ...SLACK, redirectUri, tokenEndpointAuthMethod: SLACK.clientAuth });
    service = await startOauthApp(port, { OAUTH_STATE_TTL_MS: String(STATE_TTL_MS), ...providerEnv('google', google, GOOGLE), ...providerEnv('slack', slack, SLACK) }, logs);
  });

  afterAll(async () => {
    try {
      const issued = [...google.issuedTokens(), ...slack.issuedTokens()];
      expect(issued.length).toBeGreaterThanOrEqual(10);
      // The capture works: the app's own lines and its request lines are in it.
      expect(logs.raw).toContain('Connected: provider=google');
      expect(logs.raw).toContain('/v1/oauth/callback');
      await expectNoLeak([...issued, GOOGLE.clientSecret, SLACK.clientSecret], { witness, logs, store: service.store, sessionIds: sessions });
    } finally {
      logs.stop();
      await service?.close();
      await google?.close();
      await slack?.close();
    }
  });

  const user = async (userId: string): Promise<ChatUser> => {
    const chat = new ChatUser(witness, service.baseUrl, userId);
    sessions.push(await chat.start());
    return chat;
  };
  /** Follows a redirect to our callback as the browser does (no redirect followed further). */
  const callback = (url: URL | string): Promise<Answer> => witness.fetch(String(url));
  const oauthRequired = (events: ChatResponse[], integration: string): ChatResponse => {
    const found = all(events, 'oauth_required').find((event) => event.data?.['integration'] === integration);
    if (!found) throw new Error(`no oauth_required for ${integration}`);
    return found;
  };
  const chatPage = (chat: ChatUser) => `${service.baseUrl}/?sessionId=${chat.sessionId}`;
  const tokenCallsSince = (server: OidcTestServer, before: number) => server.tokenRequests().slice(before);

  it('connects both in any order (Slack first), each with its own single-use state, and resumes by itself after the last', async () => {
    const alice = await user('alice');
    const first = await alice.send(GMAIL_TO_SLACK);
    expect(phaseChanges(first)).toEqual(['IDLE→DISCOVERY', 'DISCOVERY→OAUTH_FLOW']);
    const gmail = oauthRequired(first, 'gmail');
    const slackStep = oauthRequired(first, 'slack');
    expect(gmail.data).toEqual({ integration: 'gmail', provider: 'google' });
    expect(slackStep.data).toEqual({ integration: 'slack', provider: 'slack' });
    expect(gmail.actions.map((action) => action.type)).toEqual(['oauth', 'skip']);
    expect(slackStep.actions.map((action) => action.type)).toEqual(['oauth']);
    expect(stateOf(gmail.oauthUrl!)).not.toBe(stateOf(slackStep.oauthUrl!));
    // The requests are the providers' own, with PKCE S256 and the exact redirect URI.
    for (const [step, server] of [[gmail, google], [slackStep, slack]] as const) {
      const url = new URL(step.oauthUrl!);
      expect(`${url.origin}${url.pathname}`).toBe(server.authorizeUrl);
      expect(url.searchParams.get('redirect_uri')).toBe(service.redirectUri);
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
      expect(url.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    }
    let view = await alice.view();
    expect(view.pendingOauth).toMatchObject({ integration: 'gmail', provider: 'google' });
    expect(view.context.integrations).toEqual([
      { id: 'gmail', provider: 'google', status: 'pending' },
      { id: 'slack', provider: 'slack', status: 'pending' },
    ]);

    // Slack first.
    const slackBefore = slack.tokenRequests().length;
    const slackRedirect = await slack.authorize(slackStep.oauthUrl!, 'alice');
    expect(`${slackRedirect.origin}${slackRedirect.pathname}`).toBe(service.redirectUri);
    expect(slackRedirect.searchParams.get('iss')).toBe(slack.issuer);
    const slackDone = await callback(slackRedirect);
    expect(slackDone.status).toBe(303);
    expect(slackDone.headers.get('location')).toBe(`${chatPage(alice)}&connected=slack%3Aconnected`);
    expect(tokenCallsSince(slack, slackBefore)).toEqual([
      { status: 200, grantType: 'authorization_code', code: slackRedirect.searchParams.get('code'), codeVerifier: true, redirectUri: service.redirectUri },
    ]);
    view = await alice.view();
    expect(view.phase).toBe('OAUTH_FLOW');
    expect(view.pendingOauth).toMatchObject({ integration: 'gmail', authorizationUrl: gmail.oauthUrl });
    expect(view.context.integrations.map((connection) => connection.status)).toEqual(['pending', 'connected']);

    // Then Gmail, through the link offered in the very first turn: still valid.
    const googleBefore = google.tokenRequests().length;
    const gmailDone = await callback(await google.authorize(gmail.oauthUrl!, 'alice'));
    expect(gmailDone.status).toBe(303);
    expect(tokenCallsSince(google, googleBefore)).toEqual([expect.objectContaining({ status: 200, codeVerifier: true, redirectUri: service.redirectUri })]);
    view = await alice.view();
    expect(view.phase).toBe('REQUIREMENTS');
    expect(view.pendingOauth).toBeNull();
    expect(view.context.integrations.map((connection) => connection.status)).toEqual(['connected', 'connected']);
    expect(view.history.map((entry) => `${entry.from}→${entry.to}:${entry.reason}`)).toEqual([
      'IDLE→DISCOVERY:first_message',
      'DISCOVERY→OAUTH_FLOW:integrations_need_connecting',
      'OAUTH_FLOW→OAUTH_FLOW:next_integration',
      'OAUTH_FLOW→REQUIREMENTS:oauth_complete',
    ]);

    // A client following /events saw both outcomes pushed, in the order they happened.
    const pushed = await alice.events(service.store, first.at(-1)!.seq);
    expect(all(pushed, 'oauth_result').map((event) => event.data)).toEqual([
      { integration: 'slack', provider: 'slack', status: 'connected' },
      { integration: 'gmail', provider: 'google', status: 'connected' },
    ]);
    expect(pick(pushed, 'requirements').data).toMatchObject({ missing: [] });

    // The tokens are stored, encrypted, per tenant + user + provider.
    const stored = await service.credentials.get({ tenantId: 'acme', userId: 'alice', provider: 'google' });
    expect(google.issuedTokens()).toContain(stored?.accessToken);
    expect(stored?.refreshToken).toEqual(expect.any(String));
    expect(await service.credentials.has({ tenantId: 'acme', userId: 'alice', provider: 'slack' })).toBe(true);
  });

  it('does not ask a user who already connected a provider again: DISCOVERY goes straight on', async () => {
    const alice = await user('alice');
    const before = [google.tokenRequests().length, slack.tokenRequests().length];
    const turn = await alice.send(GMAIL_TO_SLACK);
    expect(phaseChanges(turn)).toEqual(['IDLE→DISCOVERY', 'DISCOVERY→REQUIREMENTS']);
    expect(all(turn, 'oauth_required')).toEqual([]);
    expect(pick(turn, 'message').content).toContain('already connected');
    const view = await alice.view();
    expect(view.history.at(-1)).toMatchObject({ from: 'DISCOVERY', to: 'REQUIREMENTS', reason: 'integrations_ready' });
    expect(view.context.integrations.map((connection) => connection.status)).toEqual(['connected', 'connected']);
    expect([google.tokenRequests().length, slack.tokenRequests().length]).toEqual(before);

    // Partly connected: only what is missing is asked for.
    const carol = await user('carol');
    await carol.send(GMAIL_ONLY);
    await callback(await google.authorize((await carol.view()).pendingOauth!.authorizationUrl, 'carol'));
    const again = await user('carol');
    const next = await again.send(GMAIL_TO_SLACK);
    expect(phaseChanges(next)).toEqual(['IDLE→DISCOVERY', 'DISCOVERY→OAUTH_FLOW']);
    expect(all(next, 'oauth_required').map((event) => event.data)).toEqual([{ integration: 'slack', provider: 'slack' }]);
    expect((await again.view()).context.integrations.map((connection) => connection.status)).toEqual(['connected', 'pending']);
  });

  it('keeps a denied connection in OAUTH_FLOW with retry (a fresh state) and skip', async () => {
    const dave = await user('dave');
    const first = await dave.send(GMAIL_TO_SLACK);
    const gmail = oauthRequired(first, 'gmail');
    const before = google.tokenRequests().length;
    const denied = await google.authorize(gmail.oauthUrl!, 'dave', 'deny');
    expect(denied.searchParams.get('error')).toBe('access_denied');
    const answer = await callback(denied);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`${chatPage(dave)}&connected=gmail%3Adenied`);
    expect(google.tokenRequests().length).toBe(before);

    let view = await dave.view();
    expect(view.phase).toBe('OAUTH_FLOW');
    expect(view.context.integrations.map((connection) => connection.status)).toEqual(['denied', 'pending']);
    const pushed = await dave.events(service.store, first.at(-1)!.seq);
    expect(pick(pushed, 'oauth_result').data).toEqual({ integration: 'gmail', provider: 'google', status: 'denied' });
    expect(all(pushed, 'message').at(-1)?.actions.map((action) => action.type)).toEqual(['retry', 'skip']);

    const retried = await dave.send({ action: 'retry' });
    const fresh = oauthRequired(retried, 'gmail');
    expect(stateOf(fresh.oauthUrl!)).not.toBe(stateOf(gmail.oauthUrl!));
    expect(all(retried, 'oauth_required')).toHaveLength(1);
    expect((await dave.view()).context.integrations[0]?.status).toBe('pending');
    // The old link is dead: its state was spent by the denial.
    expect((await callback(`${service.redirectUri}?state=${stateOf(gmail.oauthUrl!)}&code=x`)).status).toBe(400);
    expect((await callback(await google.authorize(fresh.oauthUrl!, 'dave'))).status).toBe(303);

    const skipped = await dave.send({ action: 'skip' });
    expect(phaseChanges(skipped)).toEqual(['OAUTH_FLOW→REQUIREMENTS']);
    view = await dave.view();
    expect(view.context.integrations.map((connection) => connection.status)).toEqual(['connected', 'skipped']);
  });

  it('answers a replayed callback harmlessly: no second exchange, no second resume', async () => {
    const erin = await user('erin');
    await erin.send(GMAIL_ONLY);
    const redirect = await google.authorize((await erin.view()).pendingOauth!.authorizationUrl, 'erin');
    const before = google.tokenRequests().length;
    expect((await callback(redirect)).status).toBe(303);
    const after = await service.store.get(erin.sessionId);

    const replay = await callback(redirect);
    expect(replay.status).toBe(400);
    expect(replay.text).toContain('Already connected');
    expect(replay.text).toContain('Gmail is connected');
    expect(replay.text).toContain(`href="${chatPage(erin)}"`);
    expect(tokenCallsSince(google, before)).toHaveLength(1);
    expect(await service.store.get(erin.sessionId)).toEqual(after);
  });

  it('refuses a forged state without calling anyone or changing anything', async () => {
    const frank = await user('frank');
    await frank.send(GMAIL_TO_SLACK);
    const before = { version: (await frank.view()).version, google: google.tokenRequests().length };
    for (const state of [randomBytes(32).toString('base64url'), 'forged', '', 'x'.repeat(5000)]) {
      const answer = await callback(`${service.redirectUri}?state=${encodeURIComponent(state)}&code=stolen-code&iss=${encodeURIComponent(google.issuer)}`);
      expect(answer.status).toBe(400);
      expect(answer.text).toContain('Connection not completed');
      expect(answer.headers.get('location')).toBeNull();
    }
    expect((await frank.view()).version).toBe(before.version);
    expect(google.tokenRequests().length).toBe(before.google);
  });

  it("refuses a state bound to another user's session: nothing exchanged, nothing stored, neither session changed", async () => {
    const grace = await user('grace');
    await grace.send(GMAIL_ONLY);
    const mallory = await user('mallory');
    await mallory.send(GMAIL_ONLY);
    const graceBefore = await service.store.get(grace.sessionId);
    // Mallory's own, valid authorization … with its record pointed at Grace's session.
    const redirect = await google.authorize((await mallory.view()).pendingOauth!.authorizationUrl, 'mallory');
    const state = redirect.searchParams.get('state')!;
    const record = (await service.store.takeOauthState(state)) as OauthStateRecord;
    await service.store.putOauthState({ ...record, sessionId: grace.sessionId }, STATE_TTL_MS);
    const before = google.tokenRequests().length;

    const answer = await callback(redirect);
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('has ended');
    expect(answer.text).not.toContain(grace.sessionId);
    expect(google.tokenRequests().length).toBe(before);
    expect(await service.store.get(grace.sessionId)).toEqual(graceBefore);
    expect((await mallory.view()).context.integrations[0]?.status).toBe('pending');
    for (const userId of ['grace', 'mallory']) {
      expect(await service.credentials.has({ tenantId: 'acme', userId, provider: 'google' })).toBe(false);
    }
  });

  it('expires a pending connection cleanly: a late callback gets a clear page and nothing is exchanged; the next turn reports it and offers retry', async () => {
    const heidi = await user('heidi');
    const first = await heidi.send(GMAIL_TO_SLACK);
    const gmail = oauthRequired(first, 'gmail');
    const redirect = await google.authorize(gmail.oauthUrl!, 'heidi');
    service.clock.advance(STATE_TTL_MS + 1);
    const before = { session: await service.store.get(heidi.sessionId), google: google.tokenRequests().length };

    const late = await callback(redirect);
    expect(late.status).toBe(400);
    expect(late.text).toContain('Sign-in link expired');
    expect(late.text).toContain(`href="${chatPage(heidi)}"`);
    expect(google.tokenRequests().length).toBe(before.google);
    expect(await service.store.get(heidi.sessionId)).toEqual(before.session);
    expect(await service.credentials.has({ tenantId: 'acme', userId: 'heidi', provider: 'google' })).toBe(false);

    const next = await heidi.send('what now?');
    expect(all(next, 'oauth_result').map((event) => event.data)).toEqual([
      { integration: 'gmail', provider: 'google', status: 'expired' },
      { integration: 'slack', provider: 'slack', status: 'expired' },
    ]);
    expect(all(next, 'message')[0]?.actions.map((action) => action.type)).toEqual(['retry', 'skip']);
    expect((await heidi.view()).context.integrations.map((connection) => connection.status)).toEqual(['expired', 'expired']);

    const retried = await heidi.send({ action: 'retry' });
    expect(all(retried, 'oauth_required').map((event) => event.data?.['integration'])).toEqual(['gmail', 'slack']);
    for (const step of all(retried, 'oauth_required')) {
      const server = step.data?.['provider'] === 'google' ? google : slack;
      expect((await callback(await server.authorize(step.oauthUrl!, 'heidi'))).status).toBe(303);
    }
    expect((await heidi.view()).phase).toBe('REQUIREMENTS');
  });

  it('fails a callback carrying another issuer (mix-up) without calling the token endpoint', async () => {
    const ivan = await user('ivan');
    await ivan.send(GMAIL_ONLY);
    const redirect = await google.authorize((await ivan.view()).pendingOauth!.authorizationUrl, 'ivan');
    redirect.searchParams.set('iss', slack.issuer);
    const before = google.tokenRequests().length;
    const answer = await callback(redirect);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toContain('connected=gmail%3Afailed');
    expect(google.tokenRequests().length).toBe(before);
    const view = await ivan.view();
    expect(view.phase).toBe('OAUTH_FLOW');
    expect(view.context.integrations[0]?.status).toBe('failed');
    expect(await service.credentials.has({ tenantId: 'acme', userId: 'ivan', provider: 'google' })).toBe(false);
  });

  it('exchanges once and resumes once when the same callback arrives many times at once', async () => {
    const judy = await user('judy');
    await judy.send(GMAIL_TO_SLACK);
    const redirect = await google.authorize((await judy.view()).pendingOauth!.authorizationUrl, 'judy');
    const before = { google: google.tokenRequests().length, seq: (await service.store.get(judy.sessionId))!.lastEventSeq };

    const answers = await Promise.all(Array.from({ length: 6 }, () => callback(redirect)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([303, 400, 400, 400, 400, 400]);
    for (const duplicate of answers.filter((answer) => answer.status === 400)) {
      expect(duplicate.text).toMatch(/Already connect(ed|ing)/);
      expect(duplicate.text).toContain(`href="${chatPage(judy)}"`);
    }
    expect(tokenCallsSince(google, before.google)).toEqual([
      expect.objectContaining({ status: 200, code: redirect.searchParams.get('code'), codeVerifier: true }),
    ]);
    const view = await judy.view();
    expect(view.history.filter((entry) => entry.from === 'OAUTH_FLOW')).toEqual([
      expect.objectContaining({ to: 'OAUTH_FLOW', reason: 'next_integration' }),
    ]);
    const pushed = await judy.events(service.store, before.seq);
    expect(all(pushed, 'oauth_result').map((event) => event.data)).toEqual([{ integration: 'gmail', provider: 'google', status: 'connected' }]);
  });

  it('redirects only to the chat page whatever the callback carries, never cached and without a referrer', async () => {
    const kim = await user('kim');
    await kim.send(GMAIL_ONLY);
    const redirect = await google.authorize((await kim.view()).pendingOauth!.authorizationUrl, 'kim');
    for (const [name, value] of [
      ['return', 'https://evil.example/phish'],
      ['returnTo', '//evil.example'],
      ['redirect_uri', 'https://evil.example/cb'],
      ['next', 'https:%2F%2Fevil.example'],
      ['sessionId', 'https://evil.example'],
    ]) {
      redirect.searchParams.append(name!, value!);
    }
    const answer = await callback(redirect);
    expect(answer.status).toBe(303);
    const location = new URL(answer.headers.get('location')!);
    expect(location.origin).toBe(service.baseUrl);
    expect(location.pathname).toBe('/');
    expect([...location.searchParams]).toEqual([
      ['sessionId', kim.sessionId],
      ['connected', 'gmail:connected'],
    ]);
    for (const response of [answer, await callback(redirect), await callback(`${service.redirectUri}?state=nope&code=x&return=https://evil.example`)]) {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.text).not.toContain('evil.example');
    }
  });
});
