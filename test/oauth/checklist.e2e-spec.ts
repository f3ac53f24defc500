import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { lastValueFrom, toArray } from 'rxjs';
import type { ChatResponse } from '../../src/conversation/chat-response.js';
import type { TurnInput } from '../../src/conversation/phases/turn.js';
import type { CommittedState } from '../../src/conversation/store/session-store.js';
import { CredentialStore } from '../../src/oauth/credential-store.js';
import { startTestingApp, type TestingApp } from '../support/testing-app.js';
import { all, GMAIL_ONLY, GMAIL_TO_SLACK } from './oauth-harness.js';

const IDLE_TIMEOUT_MS = 120_000;

/**
 * The connection checklist's edges with the development provider and a fake clock: connections made
 * elsewhere, a callback while a turn holds the session, ended and expired sessions, malformed callbacks,
 * superseded and skipped links. The development provider is driven over HTTP like a browser.
 */
describe('OAuth checklist edges (development provider)', () => {
  let harness: TestingApp;
  let credentials: CredentialStore;

  beforeAll(async () => {
    harness = await startTestingApp({
      SESSION_IDLE_TIMEOUT_MS: String(IDLE_TIMEOUT_MS),
      SESSION_EXPIRY_WARNING_MS: '10000',
      SESSION_SWEEP_INTERVAL_MS: '3600000',
      // Longer than the idle timeout, so an idle session is seen expiring before its link does.
      OAUTH_STATE_TTL_MS: String(10 * IDLE_TIMEOUT_MS),
    });
    credentials = harness.app.get<CredentialStore>(CredentialStore);
  });
  afterAll(() => harness?.close());

  const owner = (userId: string) => ({ userId, tenantId: 'acme' });
  const turn = (userId: string, sessionId: string, input: TurnInput | string): Promise<ChatResponse[]> =>
    lastValueFrom(harness.conversations.processMessage(owner(userId), sessionId, typeof input === 'string' ? { text: input } : input).pipe(toArray()));
  const state = async (sessionId: string): Promise<CommittedState> => (await harness.store.get(sessionId))!;
  async function inOauthFlow(userId: string, description = GMAIL_TO_SLACK): Promise<{ sessionId: string; first: ChatResponse[] }> {
    const { sessionId } = await harness.conversations.startSession(owner(userId));
    const first = await turn(userId, sessionId, description);
    expect((await state(sessionId)).phase).toBe('OAUTH_FLOW');
    return { sessionId, first };
  }

  /** The development consent page, Allow or Deny pressed: the callback URL the browser is sent to. */
  async function devConsent(authorizationUrl: string, decision: 'allow' | 'deny' = 'allow'): Promise<string> {
    const page = await fetch(authorizationUrl.replace(/^http:\/\/[^/]+/, harness.baseUrl));
    expect(page.status).toBe(200);
    const form = new URLSearchParams();
    for (const [, name, value] of (await page.text()).matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      form.set(name!, value!.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'));
    }
    form.set('decision', decision);
    const decided = await fetch(new URL('decision', page.url), { method: 'POST', body: form, redirect: 'manual' });
    expect(decided.status).toBe(303);
    return decided.headers.get('location')!;
  }
  const callback = async (url: string) => {
    const response = await fetch(url, { redirect: 'manual' });
    return { status: response.status, location: response.headers.get('location'), text: await response.text() };
  };
  const urlOf = (events: ChatResponse[], integration: string): string =>
    all(events, 'oauth_required').find((event) => event.data?.['integration'] === integration)!.oauthUrl!;

  it('marks an integration connected in another session at the next turn, and moves the current one on', async () => {
    const { sessionId } = await inOauthFlow('ann');
    const other = await harness.conversations.startSession(owner('ann'));
    const single = await turn('ann', other.sessionId, GMAIL_ONLY);
    expect((await callback(await devConsent(urlOf(single, 'gmail')))).status).toBe(303);

    const next = await turn('ann', sessionId, 'hello?');
    expect(all(next, 'oauth_result').map((event) => event.data)).toEqual([{ integration: 'gmail', provider: 'google', status: 'connected' }]);
    const after = await state(sessionId);
    expect(after.phase).toBe('OAUTH_FLOW');
    expect(after.pendingOauth?.integration).toBe('slack');
    expect(after.context.integrations.map((connection) => connection.status)).toEqual(['connected', 'pending']);
  });

  it('follows the requirements: an integration dropped leaves the checklist, one added gets its own link', async () => {
    const { sessionId, first } = await inOauthFlow('hal');
    const slackLink = await devConsent(urlOf(first, 'slack'));
    const added = await turn('hal', sessionId, 'also save it to a Notion page');
    expect(all(added, 'oauth_required').map((event) => event.data)).toEqual([{ integration: 'notion', provider: 'notion' }]);
    await turn('hal', sessionId, "don't use slack");
    let after = await state(sessionId);
    expect(after.context.integrations.map((connection) => connection.id)).toEqual(['gmail', 'notion']);
    expect(after.pendingOauth?.integration).toBe('gmail');
    // Slack's link no longer completes anything.
    expect((await callback(slackLink)).status).toBe(400);
    expect(await credentials.has({ tenantId: 'acme', userId: 'hal', provider: 'slack' })).toBe(false);

    for (const integration of ['notion', 'gmail']) {
      const request = (after.oauthRequests ?? []).find((each) => each.integration === integration)!;
      expect((await callback(await devConsent(request.authorizationUrl))).status).toBe(303);
    }
    after = await state(sessionId);
    expect(after.phase).toBe('REQUIREMENTS');
    expect(after.history.slice(-2).map((entry) => entry.reason)).toEqual(['next_integration', 'oauth_complete']);
  });

  it('waits for a running turn before resuming; past a few seconds it answers and resumes right after the turn', async () => {
    const { sessionId, first } = await inOauthFlow('bea');
    const gmail = await devConsent(urlOf(first, 'gmail'));
    const slack = await devConsent(urlOf(first, 'slack'));

    let token = await harness.store.acquireLease(sessionId, 60_000);
    const waiting = callback(gmail);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await harness.store.releaseLease(sessionId, token!);
    expect((await waiting).status).toBe(303);
    expect((await state(sessionId)).context.integrations[0]?.status).toBe('connected');

    token = await harness.store.acquireLease(sessionId, 60_000);
    const answered = await callback(slack);
    expect(answered.status).toBe(303);
    expect((await state(sessionId)).phase).toBe('OAUTH_FLOW');
    await harness.store.releaseLease(sessionId, token!);
    for (let tries = 0; tries < 40 && (await state(sessionId)).phase === 'OAUTH_FLOW'; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await state(sessionId)).phase).toBe('REQUIREMENTS');
  }, 20_000);

  it('answers a callback for an ended session with a clear page and stores nothing', async () => {
    const { sessionId, first } = await inOauthFlow('cid');
    const link = await devConsent(urlOf(first, 'gmail'));
    await turn('cid', sessionId, { action: 'cancel' });
    const answer = await callback(link);
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('has ended');
    expect(await credentials.has({ tenantId: 'acme', userId: 'cid', provider: 'google' })).toBe(false);
  });

  it('answers a callback for an expired session (not swept yet, or swept) with a clear page and stores nothing', async () => {
    for (const [userId, sweep] of [['dee', false], ['eve', true]] as const) {
      const { sessionId, first } = await inOauthFlow(userId);
      const link = await devConsent(urlOf(first, 'gmail'));
      harness.clock.advance(IDLE_TIMEOUT_MS + 1);
      if (sweep) await harness.conversations.expireIdleSessions();
      expect((await state(sessionId)).status).toBe(sweep ? 'expired' : 'active');
      const answer = await callback(link);
      expect(answer.status).toBe(400);
      expect(answer.text).toContain('has expired');
      expect(await credentials.has({ tenantId: 'acme', userId, provider: 'google' })).toBe(false);
    }
  });

  it('does not spend the link on a callback with neither code nor error', async () => {
    const { sessionId, first } = await inOauthFlow('fay');
    const link = new URL(await devConsent(urlOf(first, 'gmail')));
    const bare = new URL(link);
    bare.searchParams.delete('code');
    expect((await callback(bare.href)).status).toBe(400);
    expect((await callback(link.href)).status).toBe(303);
    expect((await state(sessionId)).context.integrations[0]?.status).toBe('connected');
  });

  it('refuses a superseded link (retry) and a skipped one before any exchange', async () => {
    const { sessionId, first } = await inOauthFlow('gus');
    const superseded = await devConsent(urlOf(first, 'gmail'));
    await turn('gus', sessionId, { action: 'retry' });
    const answer = await callback(superseded);
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('moved on');

    const retried = (await state(sessionId)).pendingOauth!;
    const skippedLink = await devConsent(retried.authorizationUrl);
    const skipped = await turn('gus', sessionId, { action: 'skip' });
    expect(all(skipped, 'phase').map((event) => event.data?.['reason'])).toEqual(['next_integration']);
    expect((await callback(skippedLink)).status).toBe(400);
    expect(await credentials.has({ tenantId: 'acme', userId: 'gus', provider: 'google' })).toBe(false);
    expect((await state(sessionId)).context.integrations.map((connection) => connection.status)).toEqual(['skipped', 'pending']);
  });
});
