import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { lastValueFrom, toArray } from 'rxjs';
import { consent } from '../../../test/support/conversation-client.js';
import { startTestingApp, type TestingApp } from '../../../test/support/testing-app.js';
import { AgentGenerator } from '../../agent-generator/agent-generator.js';
import { StubAgentGenerator } from '../../agent-generator/stub-agent-generator.js';
import { SessionExpiryJob } from '../expiry/session-expiry.job.js';
import type { ChatResponse } from '../chat-response.js';
import type { TurnInput } from './turn.js';

const OWNER = { userId: 'handlers', tenantId: 't1' };
const DESCRIPTION = 'every weekday at 8am summarize my unread Gmail and post it to #general on Slack';

const phasesOf = (events: ChatResponse[]): string[] =>
  events.filter((event) => event.type === 'phase').map((event) => `${String(event.data?.['from'])}→${String(event.data?.['to'])}`);
const messageOf = (events: ChatResponse[]): string =>
  events
    .filter((event) => event.type === 'message')
    .map((event) => event.content)
    .join('\n');

describe('phase handlers', () => {
  let harness: TestingApp;
  /** Generation fails while set: the stub is real, this only injects the fault. */
  let failGeneration = false;

  const turn = (sessionId: string, input: TurnInput | string): Promise<ChatResponse[]> =>
    lastValueFrom(
      harness.conversations.processMessage(OWNER, sessionId, typeof input === 'string' ? { text: input } : input).pipe(toArray()),
    );

  async function session(): Promise<string> {
    return (await harness.conversations.startSession(OWNER)).sessionId;
  }

  /** A session in REQUIREMENTS with everything filled and both integrations connected. */
  async function inRequirements(): Promise<string> {
    const sessionId = await session();
    await turn(sessionId, DESCRIPTION);
    for (;;) {
      const state = await harness.conversations.getSession(OWNER, sessionId);
      if (state.phase !== 'OAUTH_FLOW') break;
      await consent(state.pendingOauth!.authorizationUrl, 'allow');
    }
    return sessionId;
  }

  async function inTesting(): Promise<string> {
    const sessionId = await inRequirements();
    await turn(sessionId, { action: 'confirm' });
    expect((await harness.conversations.getSession(OWNER, sessionId)).phase).toBe('TESTING');
    return sessionId;
  }

  beforeAll(async () => {
    // One owner drives every test here: the per-user turn limit (60 a minute) is not what they test.
    harness = await startTestingApp({ RATE_LIMIT_TURNS_PER_MINUTE: '1000' }, (builder) =>
      builder.overrideProvider(AgentGenerator).useFactory({
        inject: [StubAgentGenerator],
        factory: (stub: StubAgentGenerator) =>
          new Proxy(stub, {
            get: (target, property, receiver) =>
              property === 'generate' && failGeneration
                ? async () => {
                    throw new Error('generator down');
                  }
                : Reflect.get(target, property, receiver),
          }),
      }),
    );
  });
  afterAll(() => harness.close());

  describe('IDLE', () => {
    it('asks for a description when the first input is a button', async () => {
      const sessionId = await session();
      const events = await turn(sessionId, { action: 'confirm' });
      expect(phasesOf(events)).toEqual([]);
      expect(messageOf(events)).toMatch(/what you would like to automate/);
    });
  });

  describe('DISCOVERY', () => {
    it('answers a question with what it can do and stays', async () => {
      const sessionId = await session();
      await turn(sessionId, 'hello');
      const events = await turn(sessionId, 'what can you connect to?');
      expect(phasesOf(events)).toEqual([]);
      expect(messageOf(events)).toMatch(/Gmail.*Slack/s);
    });

    it('asks which apps when the goal names none', async () => {
      const sessionId = await session();
      const events = await turn(sessionId, 'I want something that runs every day at 9am');
      expect(phasesOf(events)).toEqual(['IDLE→DISCOVERY']);
      expect(messageOf(events)).toMatch(/Which apps/);
    });

    it('goes straight to REQUIREMENTS when the integrations are already connected', async () => {
      await inRequirements(); // connects Gmail and Slack for this owner
      const sessionId = await session();
      const events = await turn(sessionId, DESCRIPTION);
      expect(phasesOf(events)).toEqual(['IDLE→DISCOVERY', 'DISCOVERY→REQUIREMENTS']);
      expect(messageOf(events)).toMatch(/already connected/);
    });

    it('asks to connect "it" for one app and "them" for several, listed as a sentence lists them', async () => {
      const one = await turn(await session(), 'every friday email me a summary of new hubspot deals');
      expect(messageOf(one)).toMatch(/works with HubSpot; let's connect it first/);
      const three = await turn(await session(), 'summarize my notion, gmail and linear updates every monday to slack');
      expect(messageOf(three)).toMatch(/works with Notion, Gmail, Linear and Slack; let's connect them first/);
    });

    it('says what a change made while waiting for a connection, and shows the summary after going back', async () => {
      const sessionId = await session();
      await turn(sessionId, 'when someone opens a github issue in my repo, post it to #dev on slack');
      const edited = await turn(sessionId, 'actually make it #engineering');
      expect(messageOf(edited)).toMatch(/^Noted: set the destination to #engineering on Slack\./);
      const back = await turn(sessionId, { action: 'back' });
      expect(phasesOf(back)).toEqual(['OAUTH_FLOW→DISCOVERY']);
      expect(messageOf(back)).toMatch(/^Let's look at it again\. So far:\n- Name: .+\n(?:.+\n)*- Sends to: #engineering on Slack\nWhat would you like to change\?$/);
    });

    it('restarts with a description and handles it at once', async () => {
      const sessionId = await inRequirements();
      const events = await turn(sessionId, 'start over: every hour check my GitHub issues and post them to #dev on Slack');
      expect(phasesOf(events)[0]).toBe('REQUIREMENTS→DISCOVERY');
      const state = await harness.conversations.getSession(OWNER, sessionId);
      expect(state.context.requirements.integrations.value).toEqual(expect.arrayContaining(['github']));
    });
  });

  describe('OAUTH_FLOW', () => {
    const waitingFor = (events: ChatResponse[]): string => /We're waiting for (.+) to be connected/.exec(messageOf(events))?.[1] ?? '';

    it('takes back a change with "undo that" and "never mind", and the checklist follows', async () => {
      // Stripe and Teams: tools no other test of this owner connects.
      const sessionId = await session();
      await turn(sessionId, 'it should check stripe for failed payments every hour');
      const added = await turn(sessionId, 'and tell me in teams');
      expect(waitingFor(added)).toBe('Stripe and Microsoft Teams');
      expect(added.find((event) => event.type === 'requirements')?.data?.['changes']).toMatchObject({ undone: false });
      const undone = await turn(sessionId, 'undo that');
      expect(messageOf(undone)).toMatch(/^Undone: added Microsoft Teams; set the destination to you directly on Microsoft Teams\./);
      expect(waitingFor(undone)).toBe('Stripe');
      expect((await harness.conversations.getSession(OWNER, sessionId)).context.integrations.map((connection) => connection.id)).toEqual(['stripe']);
      const again = await turn(sessionId, 'post it to the billing channel on teams');
      expect(waitingFor(again)).toBe('Stripe and Microsoft Teams');
      const dismissed = await turn(sessionId, 'never mind');
      expect(messageOf(dismissed)).toMatch(/^Undone: added Microsoft Teams; set the destination to #billing on Microsoft Teams\./);
      const nothing = await turn(sessionId, 'nvm');
      expect(messageOf(nothing)).toMatch(/^OK, nothing changed\.\nWe're waiting for Stripe to be connected/);
    });

    it('does not take back the description that brought it here', async () => {
      const sessionId = await session();
      await turn(sessionId, 'it should check stripe for failed payments every hour');
      const before = await harness.conversations.getSession(OWNER, sessionId);
      for (const text of ['never mind', 'undo that']) {
        const events = await turn(sessionId, text);
        expect(messageOf(events)).toMatch(/^That would take back the whole description\. Say "start over" .+\nWe're waiting for Stripe/);
      }
      expect((await harness.conversations.getSession(OWNER, sessionId)).context.requirements).toEqual(before.context.requirements);
    });

    it('answers "what did I change?" and goes on waiting', async () => {
      const sessionId = await session();
      await turn(sessionId, 'it should check stripe for failed payments every hour');
      const events = await turn(sessionId, 'what did i change?');
      expect(messageOf(events)).toMatch(/^Here is what you changed:\n- Last: added Stripe; set it to run every hour\nWe're waiting for Stripe/);
      expect(phasesOf(events)).toEqual([]);
    });
  });

  describe('REQUIREMENTS', () => {
    it('asks for the missing field instead of building when confirmed too early', async () => {
      const sessionId = await session();
      await turn(sessionId, 'summarize my unread Gmail');
      for (;;) {
        const state = await harness.conversations.getSession(OWNER, sessionId);
        if (state.phase !== 'OAUTH_FLOW') break;
        await consent(state.pendingOauth!.authorizationUrl, 'allow');
      }
      const events = await turn(sessionId, 'yes');
      expect(phasesOf(events)).toEqual([]);
      expect(messageOf(events)).toMatch(/Before I can build it: When should the agent run\?/);
    });

    it('answers a question about the agent with its summary, one about the service with what it connects to', async () => {
      const sessionId = await inRequirements();
      expect(messageOf(await turn(sessionId, 'what does it do exactly?'))).toMatch(/^Here is the agent I'll build:\n/);
      expect(messageOf(await turn(sessionId, 'what tools do you support?'))).toMatch(/^I build agents .+Trello.+ Here is the agent I'll build:\n/);
    });

    it('answers questions and skips without losing its place', async () => {
      const sessionId = await inRequirements();
      expect(messageOf(await turn(sessionId, 'how does this work?'))).toMatch(/Shall I build it\?/);
      expect(messageOf(await turn(sessionId, { action: 'skip' }))).toMatch(/nothing to skip/);
      expect((await harness.conversations.getSession(OWNER, sessionId)).phase).toBe('REQUIREMENTS');
    });

    it('keeps the description on "never mind" and "undo that" right after it, and points at "start over"', async () => {
      await inRequirements(); // Gmail and Slack connected: the description goes straight to REQUIREMENTS
      const sessionId = await session();
      await turn(sessionId, DESCRIPTION);
      const before = await harness.conversations.getSession(OWNER, sessionId);
      expect(before.phase).toBe('REQUIREMENTS');
      for (const text of ['never mind', 'undo that']) {
        expect(messageOf(await turn(sessionId, text))).toMatch(/^That would take back the whole description\. Say "start over" .+ Here is the agent I'll build:/);
      }
      expect((await harness.conversations.getSession(OWNER, sessionId)).context.requirements).toEqual(before.context.requirements);
      // A later change is still taken back.
      await turn(sessionId, 'only emails from my boss');
      expect(messageOf(await turn(sessionId, 'never mind'))).toMatch(/^Undone: added the filter "from my boss"\./);
    });

    it('goes to OAUTH_FLOW when a change adds an integration that is not connected', async () => {
      const sessionId = await inRequirements();
      const events = await turn(sessionId, 'also save a copy to Notion');
      expect(phasesOf(events)).toEqual(['REQUIREMENTS→OAUTH_FLOW']);
      expect(events.find((event) => event.type === 'oauth_required')?.data).toMatchObject({ integration: 'notion' });
    });
  });

  describe('GENERATION', () => {
    it('goes back to REQUIREMENTS with the requirements kept when generation fails', async () => {
      const sessionId = await inRequirements();
      failGeneration = true;
      try {
        const events = await turn(sessionId, { action: 'confirm' });
        expect(phasesOf(events)).toEqual(['REQUIREMENTS→GENERATION', 'GENERATION→REQUIREMENTS']);
        expect(messageOf(events)).toMatch(/failed on our side/);
      } finally {
        failGeneration = false;
      }
      const state = await harness.conversations.getSession(OWNER, sessionId);
      expect(state.history.at(-1)?.reason).toBe('generation_failed');
      expect(state.context.requirements.goal.value).toBeTruthy();
      const retried = await turn(sessionId, { action: 'confirm' });
      expect(phasesOf(retried)).toEqual(['REQUIREMENTS→GENERATION', 'GENERATION→TESTING']);
    });
  });

  describe('TESTING', () => {
    it('regenerates on request', async () => {
      const sessionId = await inTesting();
      const events = await turn(sessionId, 'regenerate');
      expect(phasesOf(events)).toEqual(['TESTING→GENERATION', 'GENERATION→TESTING']);
      expect(events.some((event) => event.type === 'draft')).toBe(true);
      const again = await turn(sessionId, 'run the test again');
      expect(phasesOf(again)).toEqual(['TESTING→GENERATION', 'GENERATION→TESTING']);
      expect(again.some((event) => event.type === 'test_result')).toBe(true);
    });

    it('goes to REQUIREMENTS when the user wants a change without saying which yet', async () => {
      const sessionId = await inTesting();
      const events = await turn(sessionId, 'I want to change something');
      expect(phasesOf(events)).toEqual(['TESTING→REQUIREMENTS']);
    });

    it('answers a question about the agent with the draft\'s steps, one about the service with what it connects to', async () => {
      const sessionId = await inTesting();
      const about = messageOf(await turn(sessionId, 'what does it do exactly?'));
      expect(about).toMatch(/^The draft runs 3 steps: 1\. Read from Gmail .+; 2\. .+; 3\. Send the result to #general\. Shall I turn the agent on/);
      expect(about).not.toMatch(/Trello/);
      expect(messageOf(await turn(sessionId, 'which apps can you connect to?'))).toMatch(/^I build agents .+Trello.+ Shall I turn the agent on/);
      expect((await harness.conversations.getSession(OWNER, sessionId)).phase).toBe('TESTING');
    });

    it('keeps the description on "undo that" right after the build, and stays', async () => {
      const sessionId = await inTesting(); // the description, the connections, then confirm: its edits are the last
      const before = await harness.conversations.getSession(OWNER, sessionId);
      const events = await turn(sessionId, 'undo that');
      expect(messageOf(events)).toMatch(/^That would take back the whole description\. Say "start over" .+ Shall I turn the agent on/);
      expect(phasesOf(events)).toEqual([]);
      expect((await harness.conversations.getSession(OWNER, sessionId)).context.requirements).toEqual(before.context.requirements);
    });

    it('answers unclear input with its options and stays', async () => {
      const sessionId = await inTesting();
      const events = await turn(sessionId, 'hmm');
      expect(phasesOf(events)).toEqual([]);
      expect(events.find((event) => event.type === 'message')?.actions.map((action) => action.label)).toContain('Looks good, turn it on');
    });
  });

  describe('ACTIVATION and COMPLETE', () => {
    it('asks again unless confirmed, goes back to TESTING, then activates and builds another', async () => {
      const sessionId = await inTesting();
      await turn(sessionId, { action: 'confirm' });
      expect(messageOf(await turn(sessionId, 'hmm'))).toMatch(/Shall I activate/);
      expect(phasesOf(await turn(sessionId, { action: 'back' }))).toEqual(['ACTIVATION→TESTING']);
      await turn(sessionId, { action: 'confirm' });
      expect(phasesOf(await turn(sessionId, { action: 'confirm' }))).toEqual(['ACTIVATION→COMPLETE']);

      expect(messageOf(await turn(sessionId, 'thanks!'))).toMatch(/Your agent is active/);
      const another = await turn(sessionId, 'build another agent');
      expect(phasesOf(another)).toEqual(['COMPLETE→DISCOVERY']);
      const state = await harness.conversations.getSession(OWNER, sessionId);
      expect(state.context.requirements.goal.value).toBeNull();
      expect(state.draftAgentId).toBeNull();
    });

    it('takes a new description in COMPLETE as the next agent', async () => {
      const sessionId = await inTesting();
      await turn(sessionId, { action: 'confirm' });
      await turn(sessionId, { action: 'confirm' });
      const events = await turn(sessionId, DESCRIPTION);
      expect(phasesOf(events)[0]).toBe('COMPLETE→DISCOVERY');
      expect((await harness.conversations.getSession(OWNER, sessionId)).context.requirements.goal.value).toBeTruthy();
    });
  });

  describe(SessionExpiryJob.name, () => {
    it('sweeps on tick and skips overlapping ticks', async () => {
      const job = harness.app.get(SessionExpiryJob);
      const sessionId = await session();
      harness.clock.advance(31 * 60_000);
      await Promise.all([job.tick(), job.tick()]);
      await expect(harness.conversations.getSession(OWNER, sessionId)).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    });
  });
});
