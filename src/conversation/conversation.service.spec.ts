import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { lastValueFrom, toArray } from 'rxjs';
import { consent } from '../../test/support/conversation-client.js';
import { startTestingApp, type TestingApp } from '../../test/support/testing-app.js';
import { AgentGenerator } from '../agent-generator/agent-generator.js';
import { DomainError } from '../common/errors.js';
import { sseFrame } from '../common/sse-writer.js';
import { Interpreter } from '../interpreter/interpreter.js';
import type { ChatResponse } from './chat-response.js';
import type { TurnInput } from './phases/turn.js';
import { ConversationPhase } from './state.js';
import { SessionStore, VersionConflictError } from './store/session-store.js';

const OWNER = { userId: 'u1', tenantId: 't1' };
const GMAIL_TO_SLACK =
  'I want an agent that summarizes my unread Gmail emails every morning at 8am and posts the summary to the #team-updates Slack channel';

const phasesOf = (events: ChatResponse[]): string[] =>
  events.filter((event) => event.type === 'phase').map((event) => `${String(event.data?.['from'])}→${String(event.data?.['to'])}`);

describe('ConversationService', () => {
  let harness: TestingApp;

  const turn = (sessionId: string, input: TurnInput | string): Promise<ChatResponse[]> =>
    lastValueFrom(
      harness.conversations
        .processMessage(OWNER, sessionId, typeof input === 'string' ? { text: input } : input)
        .pipe(toArray()),
    );

  /** Drives a session to REQUIREMENTS with Gmail and Slack connected through the dev provider. */
  async function toRequirements(): Promise<string> {
    const { sessionId } = await harness.conversations.startSession(OWNER);
    await turn(sessionId, GMAIL_TO_SLACK);
    for (let step = 0; step < 2; step++) {
      const state = await harness.conversations.getSession(OWNER, sessionId);
      const callback = await consent(state.pendingOauth!.authorizationUrl, 'allow');
      expect(callback.status).toBe(303);
    }
    expect((await harness.conversations.getSession(OWNER, sessionId)).phase).toBe(ConversationPhase.REQUIREMENTS);
    return sessionId;
  }

  describe('with the embedded defaults', () => {
    beforeEach(async () => {
      harness = await startTestingApp();
    });
    afterEach(() => harness.close());

    it('starts a session in IDLE at version 0', async () => {
      const state = await harness.conversations.startSession(OWNER);
      expect(state).toMatchObject({ phase: 'IDLE', version: 0, status: 'active', ...OWNER, pendingOauth: null });
      expect(await harness.conversations.listSessions(OWNER)).toHaveLength(1);
      expect(await harness.conversations.listSessions({ ...OWNER, tenantId: 'other' })).toHaveLength(0);
    });

    it('streams the phase changes of a turn, numbered, and ends with done', async () => {
      const { sessionId } = await harness.conversations.startSession(OWNER);
      const events = await turn(sessionId, GMAIL_TO_SLACK);
      expect(phasesOf(events)).toEqual(['IDLE→DISCOVERY', 'DISCOVERY→OAUTH_FLOW']);
      expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index + 1));
      expect(events.at(-1)).toMatchObject({ type: 'done', phase: 'OAUTH_FLOW' });
      const state = await harness.conversations.getSession(OWNER, sessionId);
      expect(state).toMatchObject({ version: 1, lastEventSeq: events.length, phase: 'OAUTH_FLOW' });
      expect(state.pendingOauth).toMatchObject({ integration: 'gmail', provider: 'google' });
    });

    it('interrupts for OAuth and resumes through completeOauth, one integration after another', async () => {
      const sessionId = await toRequirements();
      const state = await harness.conversations.getSession(OWNER, sessionId);
      expect(state.context.integrations.map((connection) => connection.status)).toEqual(['connected', 'connected']);
      expect(state.history.map((record) => `${record.from}→${record.to}:${record.reason}`)).toEqual([
        'IDLE→DISCOVERY:first_message',
        'DISCOVERY→OAUTH_FLOW:integrations_need_connecting',
        'OAUTH_FLOW→OAUTH_FLOW:next_integration',
        'OAUTH_FLOW→REQUIREMENTS:oauth_complete',
      ]);
      const events = await harness.store.readEvents(sessionId, 0, 100);
      expect(events.filter((event) => event.type === 'oauth_result').map((event) => event.data?.['status'])).toEqual([
        'connected',
        'connected',
      ]);
    });

    it('keeps a denied connection in OAUTH_FLOW with retry and skip, and skip moves on', async () => {
      const { sessionId } = await harness.conversations.startSession(OWNER);
      await turn(sessionId, GMAIL_TO_SLACK);
      let state = await harness.conversations.getSession(OWNER, sessionId);
      const denied = await consent(state.pendingOauth!.authorizationUrl, 'deny');
      expect(denied.status).toBe(303);
      state = await harness.conversations.getSession(OWNER, sessionId);
      expect(state.phase).toBe('OAUTH_FLOW');
      expect(state.context.integrations[0]).toMatchObject({ id: 'gmail', status: 'denied' });
      const lastMessage = (await harness.store.readEvents(sessionId, 0, 100)).filter((event) => event.type === 'message').at(-1);
      expect(lastMessage?.actions.map((action) => action.type)).toEqual(['retry', 'skip']);

      const retried = await turn(sessionId, { action: 'retry' });
      expect(retried.find((event) => event.type === 'oauth_required')?.data).toEqual({ integration: 'gmail', provider: 'google' });
      const skipped = await turn(sessionId, { action: 'skip' });
      expect(phasesOf(skipped)).toEqual(['OAUTH_FLOW→OAUTH_FLOW']);
      state = await harness.conversations.getSession(OWNER, sessionId);
      expect(state.pendingOauth?.integration).toBe('slack');
      expect(state.context.integrations[0]?.status).toBe('skipped');
    });

    it('refuses a used, unknown or superseded OAuth state and changes nothing', async () => {
      const { sessionId } = await harness.conversations.startSession(OWNER);
      await turn(sessionId, GMAIL_TO_SLACK);
      const before = await harness.conversations.getSession(OWNER, sessionId);
      await expect(harness.conversations.completeOauth({ state: 'forged', code: 'x' })).rejects.toMatchObject({ code: 'OAUTH_STATE_INVALID' });
      await turn(sessionId, { action: 'retry' }); // issues a fresh state; the old one no longer matches
      const after = await harness.conversations.getSession(OWNER, sessionId);
      await expect(harness.conversations.completeOauth({ state: before.pendingOauth!.state, error: 'access_denied' })).rejects.toMatchObject({
        code: 'OAUTH_STATE_INVALID',
      });
      expect(await harness.conversations.getSession(OWNER, sessionId)).toEqual(after);
    });

    it('accumulates requirements across turns and never drops them', async () => {
      const sessionId = await toRequirements();
      await turn(sessionId, 'only emails from my manager');
      await turn(sessionId, 'actually make it 9am');
      const { requirements } = (await harness.conversations.getSession(OWNER, sessionId)).context;
      expect(requirements.trigger.value).toMatchObject({ type: 'schedule', cron: '0 9 * * *' });
      expect(requirements.filters.value).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'from my manager' })]));
      expect(requirements.destinations.value).toEqual([expect.objectContaining({ target: '#team-updates' })]);
      expect(requirements.integrations.value).toEqual(['gmail', 'slack']);
      expect(requirements.goal.value).toBeTruthy();
    });

    it('goes back along the table and says so where there is nothing to go back to', async () => {
      const sessionId = await toRequirements();
      const back = await turn(sessionId, { action: 'back' });
      expect(phasesOf(back)).toEqual(['REQUIREMENTS→DISCOVERY']);
      const nowhere = await turn(sessionId, 'go back');
      expect(phasesOf(nowhere)).toEqual([]);
      expect(nowhere.find((event) => event.type === 'message')?.content).toMatch(/no earlier step/);
      expect((await harness.conversations.getSession(OWNER, sessionId)).context.requirements.goal.value).toBeTruthy();
    });

    it('answers unexpected input with a clarifying reply and stays in the phase', async () => {
      const sessionId = await toRequirements();
      const before = await harness.conversations.getSession(OWNER, sessionId);
      const events = await turn(sessionId, 'asdf qwerty zxcv');
      expect(phasesOf(events)).toEqual([]);
      expect(events.find((event) => event.type === 'message')?.content).toBeTruthy();
      const after = await harness.conversations.getSession(OWNER, sessionId);
      expect(after.phase).toBe(before.phase);
      expect(after.context.requirements).toEqual(before.context.requirements);
    });

    it('restarts to DISCOVERY with the requirements cleared, and cancel ends the session', async () => {
      const sessionId = await toRequirements();
      const restarted = await turn(sessionId, { action: 'restart' });
      expect(phasesOf(restarted)).toEqual(['REQUIREMENTS→DISCOVERY']);
      const state = await harness.conversations.getSession(OWNER, sessionId);
      expect(state.context.requirements.goal.value).toBeNull();
      expect(state.context.integrations).toEqual([]);
      const cancelled = await turn(sessionId, { action: 'cancel' });
      expect(cancelled.at(-1)?.type).toBe('done');
      await expect(harness.conversations.getSession(OWNER, sessionId)).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
    });

    it('hides other users and tenants behind SESSION_NOT_FOUND', async () => {
      const { sessionId } = await harness.conversations.startSession(OWNER);
      for (const other of [{ ...OWNER, userId: 'u2' }, { ...OWNER, tenantId: 't2' }]) {
        await expect(harness.conversations.getSession(other, sessionId)).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
        await expect(lastValueFrom(harness.conversations.processMessage(other, sessionId, { text: 'hi' }))).rejects.toMatchObject({
          code: 'SESSION_NOT_FOUND',
        });
        await expect(harness.conversations.endSession(other, sessionId)).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
      }
      expect((await harness.conversations.getSession(OWNER, sessionId)).version).toBe(0);
    });

    it('refuses a second concurrent turn with TURN_IN_PROGRESS', async () => {
      const { sessionId } = await harness.conversations.startSession(OWNER);
      const token = await harness.store.acquireLease(sessionId, 10_000);
      await expect(turn(sessionId, 'hello')).rejects.toMatchObject({ code: 'TURN_IN_PROGRESS' });
      await harness.store.releaseLease(sessionId, token!);
      expect((await turn(sessionId, 'hello')).at(-1)?.type).toBe('done');
    });

    it('leaves the session exactly as it was when the save conflicts', async () => {
      const sessionId = await toRequirements();
      const before = await harness.conversations.getSession(OWNER, sessionId);
      const store = harness.app.get<SessionStore>(SessionStore);
      const save = store.save.bind(store);
      store.save = async () => {
        store.save = save;
        throw new VersionConflictError(sessionId);
      };
      const events = await turn(sessionId, 'only emails from my manager');
      expect(events.map((event) => event.type)).toEqual(['error', 'done']);
      expect(events[0]?.data).toMatchObject({ code: 'VERSION_CONFLICT', retryable: true });
      expect(events.every((event) => event.seq === before.lastEventSeq)).toBe(true);
      // Not in the log, so framed without an SSE id.
      expect(events.map((event) => sseFrame(event).startsWith('id:'))).toEqual([false, false]);
      expect(await harness.conversations.getSession(OWNER, sessionId)).toEqual(before);
    });

    /** Makes the store's next save fail as if another writer had won the compare-and-set. */
    function failNextSave(sessionId: string): void {
      const store = harness.app.get<SessionStore>(SessionStore);
      const save = store.save.bind(store);
      store.save = async () => {
        store.save = save;
        throw new VersionConflictError(sessionId);
      };
    }

    it('activates the agent only after the turn that asked for it is saved', async () => {
      const sessionId = await toRequirements();
      await turn(sessionId, 'yes, build it');
      expect(phasesOf(await turn(sessionId, 'looks good, turn it on'))).toEqual(['TESTING→ACTIVATION']);
      const before = await harness.conversations.getSession(OWNER, sessionId);
      const generator = harness.app.get<AgentGenerator>(AgentGenerator);
      failNextSave(sessionId);
      const failed = await turn(sessionId, { action: 'confirm' });
      expect(failed.map((event) => event.type)).toEqual(['error', 'done']);
      expect(await harness.conversations.getSession(OWNER, sessionId)).toEqual(before);
      expect(await generator.get(OWNER, before.draftAgentId!)).toMatchObject({ status: 'draft' });

      const activated = await turn(sessionId, { action: 'confirm' });
      expect(phasesOf(activated)).toEqual(['ACTIVATION→COMPLETE']);
      expect(activated.find((event) => event.type === 'draft')?.data).toMatchObject({ agent: { status: 'active' } });
      expect(await generator.get(OWNER, before.draftAgentId!)).toMatchObject({ status: 'active' });
    });

    it('makes a sign-in link usable only once the turn that offered it is saved', async () => {
      const { sessionId } = await harness.conversations.startSession(OWNER);
      const store = harness.app.get<SessionStore>(SessionStore);
      const stored: string[] = [];
      const put = store.putOauthState.bind(store);
      store.putOauthState = async (record, ttlMs) => {
        stored.push(record.state);
        await put(record, ttlMs);
      };
      failNextSave(sessionId);
      expect((await turn(sessionId, GMAIL_TO_SLACK)).map((event) => event.type)).toEqual(['error', 'done']);
      expect(stored).toEqual([]);

      const offered = await turn(sessionId, GMAIL_TO_SLACK);
      const state = await harness.conversations.getSession(OWNER, sessionId);
      expect(offered.find((event) => event.type === 'oauth_required')?.oauthUrl).toBe(state.pendingOauth!.authorizationUrl);
      expect(stored).toContain(state.pendingOauth!.state);
      expect((await consent(state.pendingOauth!.authorizationUrl, 'allow')).status).toBe(303);
    });

    it('warns, then expires an idle session: 410 for a while, then 404', async () => {
      const { sessionId } = await harness.conversations.startSession(OWNER);
      await turn(sessionId, 'hello there');
      harness.clock.advance(29 * 60_000);
      expect(await harness.conversations.expireIdleSessions()).toEqual({ warned: 1, expired: 0 });
      expect(await harness.conversations.expireIdleSessions()).toEqual({ warned: 0, expired: 0 });
      harness.clock.advance(60_001);
      expect(await harness.conversations.expireIdleSessions()).toEqual({ warned: 0, expired: 1 });
      await expect(harness.conversations.getSession(OWNER, sessionId)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
      await expect(lastValueFrom(harness.conversations.processMessage(OWNER, sessionId, { text: 'hi' }))).rejects.toMatchObject({
        code: 'SESSION_EXPIRED',
      });
      const types = (await harness.store.readEvents(sessionId, 0, 100)).map((event) => event.type);
      expect(types.slice(-2)).toEqual(['expiring', 'expired']);
      harness.clock.advance(3_600_000);
      await expect(harness.conversations.getSession(OWNER, sessionId)).rejects.toMatchObject({ code: 'SESSION_NOT_FOUND' });
    });

    it('slides the idle clock with every turn', async () => {
      const { sessionId } = await harness.conversations.startSession(OWNER);
      harness.clock.advance(25 * 60_000);
      await turn(sessionId, 'hello there');
      harness.clock.advance(25 * 60_000);
      await harness.conversations.expireIdleSessions();
      expect((await harness.conversations.getSession(OWNER, sessionId)).status).toBe('active');
    });
  });

  describe('when the interpreter fails', () => {
    beforeEach(async () => {
      harness = await startTestingApp({}, (builder) =>
        builder.overrideProvider(Interpreter).useValue({
          interpret: async () => {
            throw new Error('model unavailable');
          },
        }),
      );
    });
    afterEach(() => harness.close());

    it('ends the turn with a retryable error and changes nothing', async () => {
      const state = await harness.conversations.startSession(OWNER);
      const events = await turn(state.sessionId, 'hello');
      expect(events.map((event) => event.type)).toEqual(['error', 'done']);
      expect(events[0]?.data).toEqual({ code: 'INTERPRETER_FAILED', message: expect.any(String), retryable: true });
      expect(await harness.conversations.getSession(OWNER, state.sessionId)).toEqual(state);
      expect(await harness.store.isLeased(state.sessionId)).toBe(false);
    });
  });

  it('maps errors to DomainErrors with codes', () => {
    expect(new DomainError('TURN_IN_PROGRESS', 'x').status).toBe(409);
  });
});
