import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ConversationPhase } from '../../src/conversation/state.js';
import { ConversationClient, phaseChanges, pick } from '../support/conversation-client.js';
import { readSse, type SseEvent } from '../support/sse.js';
import { connectAll, reachPhase, say } from './drive.js';
import { describeInjectionScenarios } from './injection-scenarios.js';
import type { InterpreterInitializer, ScenarioApp } from './initializers.js';
import { EXAMPLE_DESCRIPTION } from './scripted-model.js';
import { expectWellFramed, messageTexts } from './turn-stream.js';

type Requirement = { value: unknown; status: string };

/**
 * THE conversation scenarios, run over HTTP and SSE against the whole app with each interpreter (see
 * `initializers.ts`): the example conversation, going back, a correction, unexpected input, and the
 * prompt-injection corpus. The assertions are the same for every interpreter; an interpreter that calls
 * a model gets the answers a capable model gives to these messages (`scripted-model.ts`).
 */
export function describeInterpreterScenarios(init: InterpreterInitializer): void {
  describe(`${init.name}#scenarios`, () => {
    let app: ScenarioApp;
    let users = 0;
    const newClient = () =>
      new ConversationClient(app.baseUrl, { 'x-user-id': `${init.name}-scenario-${++users}`, 'x-tenant-id': 'acme' });

    beforeAll(async () => {
      app = await init.start();
    });
    afterAll(() => app.close());
    afterEach(() => app.script?.(null));

    it(`${init.name}#the example conversation`, async () => {
      const client = newClient();
      await client.start();
      const pushed: SseEvent[] = [];
      const stopFollowing = new AbortController();
      const events = await fetch(`${app.baseUrl}/v1/sessions/${client.sessionId}/events`, {
        headers: client.headers,
        signal: stopFollowing.signal,
      });
      const following = readSse(events, (event) => pushed.push(event)).catch(() => undefined);

      const first = await say(client, EXAMPLE_DESCRIPTION);
      expectWellFramed(first);
      expect(phaseChanges(first)).toEqual(['IDLE→DISCOVERY', 'DISCOVERY→OAUTH_FLOW']);
      expect(pick(first, 'oauth_required').data).toEqual({ integration: 'gmail', provider: 'google' });
      expect(first.responses.at(-1)).toMatchObject({ type: 'done', phase: 'OAUTH_FLOW' });

      let view = await connectAll(client);
      expect(view.phase).toBe('REQUIREMENTS');
      expect(view.context.integrations.map((connection) => connection.status)).toEqual(['connected', 'connected']);
      expect(view.context.requirements.trigger.value).toMatchObject({ type: 'schedule', cron: '0 8 * * *' });
      expect(view.context.requirements.destination.value).toMatchObject({ kind: 'channel', integration: 'slack', target: '#team-updates' });
      expect(view.context.requirements.integrations.value).toEqual(['gmail', 'slack']);
      expect(view.context.missing).toEqual([]);

      const third = await say(client, 'only emails from my manager');
      expectWellFramed(third);
      expect(phaseChanges(third)).toEqual([]);
      const requirements = pick(third, 'requirements').data!['requirements'] as Record<string, Requirement>;
      // Filters are typed since requirements v2; `text` is the human form the old strings carried.
      expect(requirements['filters']!.value).toEqual(
        expect.arrayContaining([expect.objectContaining({ text: 'unread' }), expect.objectContaining({ kind: 'from', text: 'from my manager' })]),
      );
      expect(requirements['trigger']!.value).toMatchObject({ cron: '0 8 * * *' });
      expect(messageTexts(third).some((text) => text.includes('Shall I build it?'))).toBe(true);

      const fourth = await say(client, 'yes, build it');
      expect(phaseChanges(fourth)).toEqual(['REQUIREMENTS→GENERATION', 'GENERATION→TESTING']);
      expect(pick(fourth, 'draft').data).toMatchObject({ draftAgentId: expect.any(String), agent: { status: 'draft' } });
      expect(pick(fourth, 'test_result').data).toMatchObject({ passed: true });

      const fifth = await say(client, 'change the time to 7:30');
      expect(phaseChanges(fifth)).toEqual(['TESTING→REQUIREMENTS']);
      view = await client.session();
      expect(view.context.requirements.trigger.value).toMatchObject({ cron: '30 7 * * *' });
      expect(view.context.requirements.filters.value).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'from my manager' })]));
      expect(view.context.requirements.destination.value).toMatchObject({ target: '#team-updates' });

      expect(phaseChanges(await say(client, { action: 'confirm' }))).toEqual(['REQUIREMENTS→GENERATION', 'GENERATION→TESTING']);
      expect(phaseChanges(await say(client, 'looks good, turn it on'))).toEqual(['TESTING→ACTIVATION']);
      const activated = await say(client, { action: 'confirm' });
      expect(phaseChanges(activated)).toEqual(['ACTIVATION→COMPLETE']);
      expect(pick(activated, 'draft').data).toMatchObject({ agent: { status: 'active' } });

      view = await client.session();
      expect(view.history.map((entry) => entry.to)).toEqual([
        'DISCOVERY',
        'OAUTH_FLOW',
        'OAUTH_FLOW',
        'REQUIREMENTS',
        'GENERATION',
        'TESTING',
        'REQUIREMENTS',
        'GENERATION',
        'TESTING',
        'ACTIVATION',
        'COMPLETE',
      ]);
      stopFollowing.abort();
      await following;
      expect(pushed.filter((event) => event.data.type === 'oauth_result').map((event) => event.data.data)).toEqual([
        { integration: 'gmail', provider: 'google', status: 'connected' },
        { integration: 'slack', provider: 'slack', status: 'connected' },
      ]);
      // `/events` carries durable events only, each once, in order.
      const seqs = pushed.map((event) => event.data.seq);
      expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
      expect(pushed.every((event) => event.data.type !== 'delta' && event.id === String(event.data.seq))).toBe(true);
    });

    it(`${init.name}#going back keeps what was gathered`, async () => {
      const client = newClient();
      await client.start();
      await say(client, EXAMPLE_DESCRIPTION);

      const back = await say(client, 'go back');
      expect(phaseChanges(back)).toEqual(['OAUTH_FLOW→DISCOVERY']);
      let view = await client.session();
      expect(view.pendingOauth).toBeNull();
      expect(view.context.requirements.trigger.value).toMatchObject({ cron: '0 8 * * *' });

      const nowhere = await say(client, 'go back');
      expect(phaseChanges(nowhere)).toEqual([]);
      expect(messageTexts(nowhere).some((text) => text.includes('no earlier step'))).toBe(true);

      expect(phaseChanges(await say(client, EXAMPLE_DESCRIPTION))).toEqual(['DISCOVERY→OAUTH_FLOW']);
      await connectAll(client);
      await say(client, 'yes, build it');
      await say(client, 'looks good, turn it on');
      const draftAgentId = (await client.session()).draftAgentId;
      expect(phaseChanges(await say(client, 'go back'))).toEqual(['ACTIVATION→TESTING']);
      expect(phaseChanges(await say(client, { action: 'back' }))).toEqual(['TESTING→REQUIREMENTS']);
      view = await client.session();
      expect(view.draftAgentId).toBe(draftAgentId);
      expect(view.context.missing).toEqual([]);
      expect(view.context.requirements.destination.value).toMatchObject({ target: '#team-updates' });
      expect(view.history.filter((entry) => entry.reason === 'back').map((entry) => `${entry.from}→${entry.to}`)).toEqual([
        'OAUTH_FLOW→DISCOVERY',
        'ACTIVATION→TESTING',
        'TESTING→REQUIREMENTS',
      ]);
      expect(phaseChanges(await say(client, { action: 'confirm' }))).toEqual(['REQUIREMENTS→GENERATION', 'GENERATION→TESTING']);
    });

    it(`${init.name}#a correction changes one field and keeps the rest`, async () => {
      const client = newClient();
      await client.start();
      await reachPhase(client, ConversationPhase.REQUIREMENTS);

      const time = await say(client, 'actually make it 9am');
      expectWellFramed(time);
      expect(phaseChanges(time)).toEqual([]);
      let requirements = pick(time, 'requirements').data!['requirements'] as Record<string, Requirement>;
      expect(requirements['trigger']!.value).toMatchObject({ type: 'schedule', cron: '0 9 * * *' });
      expect(requirements['destination']!.value).toMatchObject({ target: '#team-updates' });

      const channel = await say(client, 'post it to #general instead');
      expect(phaseChanges(channel)).toEqual([]);
      requirements = pick(channel, 'requirements').data!['requirements'] as Record<string, Requirement>;
      expect(requirements['destination']!.value).toMatchObject({ kind: 'channel', integration: 'slack', target: '#general' });
      expect(requirements['trigger']!.value).toMatchObject({ cron: '0 9 * * *' });
      expect(requirements['integrations']!.value).toEqual(['gmail', 'slack']);
      expect(messageTexts(channel).some((text) => text.includes('Shall I build it?'))).toBe(true);
      const view = await client.session();
      expect(view.phase).toBe('REQUIREMENTS');
      expect(view.context.integrations.every((connection) => connection.status === 'connected')).toBe(true);
    });

    it(`${init.name}#edits by talking: a second destination, a filter removed, the trigger switched, undo`, async () => {
      const client = newClient();
      await client.start();
      await reachPhase(client, ConversationPhase.REQUIREMENTS);
      const requirementsOf = (turn: Awaited<ReturnType<typeof say>>) =>
        pick(turn, 'requirements').data!['requirements'] as Record<string, Requirement>;

      const added = await say(client, 'also send it to #general');
      expect(requirementsOf(added)['destinations']!.value).toEqual([
        { kind: 'channel', integration: 'slack', target: '#team-updates' },
        { kind: 'channel', integration: 'slack', target: '#general' },
      ]);
      expect(pick(added, 'requirements').data!['changes']).toMatchObject({
        edits: [{ op: 'add', field: 'destinations', value: { target: '#general' } }],
        said: ['added #general on Slack as a destination'],
        undone: false,
      });
      const actions = added.responses.filter((response) => response.type === 'message').flatMap((response) => response.actions);
      expect(actions.map((action) => action.label)).toContain('Undo');

      const dropped = await say(client, 'drop the unread filter');
      expect(requirementsOf(dropped)['filters']!.value).toEqual([]);

      const manual = await say(client, "actually i'll run it myself");
      expect(requirementsOf(manual)['trigger']!.value).toMatchObject({ type: 'manual' });

      const undone = await say(client, 'undo that');
      expect(requirementsOf(undone)['trigger']!.value).toMatchObject({ type: 'schedule', cron: '0 8 * * *' });
      expect(pick(undone, 'requirements').data!['changes']).toMatchObject({ undone: true });
      expect(messageTexts(undone).some((text) => text.startsWith('Undone: set it to run when you run it.'))).toBe(true);

      const review = await say(client, 'what did i change?');
      const listed = messageTexts(review).join('\n');
      expect(listed).toContain('added #general on Slack as a destination');
      expect(listed).toContain('removed the filter "unread"');
      expect(listed).not.toContain('when you run it');

      const view = await client.session();
      expect(view.context.requirements.destinations.value).toHaveLength(2);
      expect(view.context.requirements.destination.value).toMatchObject({ target: '#team-updates' });
      expect(view.context.requirements.schedule).toMatchObject({ words: 'At 08:00 (UTC)', nextRuns: expect.any(Array) });
      expect(view.context.requirements.schedule?.nextRuns).toHaveLength(3);
    });

    it(`${init.name}#"never mind" takes back the last message's edits, and then nothing; the session stays`, async () => {
      const client = newClient();
      await client.start();
      await reachPhase(client, ConversationPhase.REQUIREMENTS);
      const trigger = async () => (await client.session()).context.requirements.trigger.value;
      await say(client, 'actually make it 9am');
      expect(await trigger()).toMatchObject({ cron: '0 9 * * *' });

      const dropped = await say(client, 'never mind');
      expect(pick(dropped, 'requirements').data!['changes']).toMatchObject({ undone: true });
      expect(messageTexts(dropped).some((text) => text.startsWith('Undone:'))).toBe(true);
      expect(await trigger()).toMatchObject({ cron: '0 8 * * *' });

      const again = await say(client, 'never mind');
      expect(messageTexts(again).some((text) => text.includes('OK, nothing changed.'))).toBe(true);
      expect(await trigger()).toMatchObject({ cron: '0 8 * * *' });
      expect((await client.session()).phase).toBe(ConversationPhase.REQUIREMENTS);
    });

    it(`${init.name}#unexpected input gets a clarifying reply and changes nothing`, async () => {
      const client = newClient();
      await client.start();
      const nonsense = await say(client, 'banana');
      expectWellFramed(nonsense);
      expect(phaseChanges(nonsense)).toEqual(['IDLE→DISCOVERY']);
      expect(messageTexts(nonsense).length).toBeGreaterThan(0);
      let view = await client.session();
      expect(view.context.missing).toEqual(['goal', 'integrations', 'trigger', 'destinations']);

      await say(client, EXAMPLE_DESCRIPTION);
      view = await connectAll(client);
      const before = view.context.requirements;
      const gibberish = await say(client, 'purple monkey dishwasher');
      expect(phaseChanges(gibberish)).toEqual([]);
      expect(messageTexts(gibberish).some((text) => text.includes('Shall I build it?'))).toBe(true);
      view = await client.session();
      expect(view.phase).toBe('REQUIREMENTS');
      expect(view.context.requirements).toEqual(before);

      await say(client, 'yes, build it');
      const offTopic = await say(client, "what's the weather in Paris?");
      expect(phaseChanges(offTopic)).toEqual([]);
      expect(messageTexts(offTopic).length).toBeGreaterThan(0);
      view = await client.session();
      expect(view.phase).toBe('TESTING');
      expect(view.context.requirements.trigger.value).toEqual(before.trigger.value);
    });

    describeInjectionScenarios(init, () => app);
  });
}
