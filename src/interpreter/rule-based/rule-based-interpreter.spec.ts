import { describe, expect, it } from '@jest/globals';
import { emptyRequirements, type Requirements } from '../../conversation/requirements/requirements.js';
import { ConversationPhase } from '../../conversation/state.js';
import type { Interpretation } from '../interpreter.js';
import { interpretMessage, RuleBasedInterpreter } from './rule-based-interpreter.js';

const { DISCOVERY, REQUIREMENTS, TESTING, ACTIVATION } = ConversationPhase;

/** Requirements as the example conversation leaves them after its first message. */
function exampleRequirements(): Requirements {
  const r = emptyRequirements();
  r.goal = { value: 'Summarizes my unread Gmail emails', status: 'inferred' };
  r.integrations = { value: ['gmail', 'slack'], status: 'inferred' };
  r.trigger = { value: { type: 'schedule', cron: '0 8 * * *', description: 'every day at 8:00' }, status: 'inferred' };
  r.destinations = { value: [{ kind: 'channel', integration: 'slack', target: '#team-updates' }], status: 'inferred' };
  r.filters = { value: [{ kind: 'unread', text: 'unread' }], status: 'inferred' };
  return r;
}

const interpret = (text: string, phase: ConversationPhase, requirements = emptyRequirements()): Interpretation =>
  interpretMessage({ text, phase, requirements, transcript: [] });

describe(RuleBasedInterpreter.name, () => {
  describe('the example conversation', () => {
    it('reads the opening request in full', () => {
      const text =
        'I want an agent that summarizes my unread Gmail emails every morning at 8am and posts the summary to the #team-updates Slack channel';
      expect(interpret(text, DISCOVERY)).toEqual({
        intent: 'provide_information',
        patch: {
          goal: 'Summarizes my unread Gmail emails every morning at 8am and posts the summary to the #team-updates Slack channel',
          name: 'Gmail summary to Slack',
          steps: ['read unread Gmail emails', 'summarize', 'post to #team-updates'],
          trigger: expect.objectContaining({ type: 'schedule', cron: '0 8 * * *', description: 'every day at 8:00' }),
          integrations: ['gmail', 'slack'],
          destination: { kind: 'channel', integration: 'slack', target: '#team-updates' },
          filters: ['unread'],
        },
      });
    });

    it.each<[string, ConversationPhase, Interpretation]>([
      ['only emails from my manager', REQUIREMENTS, { intent: 'provide_information', patch: { integrations: ['gmail'], filters: ['from my manager'] } }],
      ['yes, build it', REQUIREMENTS, { intent: 'confirm', patch: {} }],
      ['change the time to 7:30', TESTING, { intent: 'change', patch: { time: '07:30' } }],
      ['looks good, turn it on', ACTIVATION, { intent: 'confirm', patch: {} }],
    ])('then reads %j in %s', (text, phase, expected) => {
      expect(interpret(text, phase, exampleRequirements())).toEqual(expected);
    });
  });

  describe('reading against what is known', () => {
    it.each<[string, object]>([
      ['actually make it 9am', { time: '09:00' }],
      ['at 17:45', { time: '17:45' }],
      ['make it every Monday', { trigger: expect.objectContaining({ type: 'schedule', cron: '0 8 * * 1', description: 'every Monday at 8:00' }) }],
      [
        'instead of Slack use Teams',
        { integrations: ['teams'], integrationsRemoved: ['slack'], destination: { kind: 'channel', integration: 'teams', target: '#team-updates' } },
      ],
      ['use Outlook instead', { integrations: ['outlook'], integrationsRemoved: ['gmail'] }],
      ['no, send it to #general', { integrations: ['slack'], destination: { kind: 'channel', integration: 'slack', target: '#general' } }],
    ])('reads %j as a change of the example', (text, patch) => {
      expect(interpret(text, REQUIREMENTS, exampleRequirements())).toEqual({ intent: 'change', patch });
    });

    it('reads a whole new schedule as more information, which replaces the old one', () => {
      expect(interpret('every day at 9am', REQUIREMENTS, exampleRequirements())).toEqual({
        intent: 'provide_information',
        patch: { trigger: expect.objectContaining({ type: 'schedule', cron: '0 9 * * *', description: 'every day at 9:00' }) },
      });
    });

    // A bare time as the very first message is chat ("lunch is at noon"); answering a question, it is a schedule.
    it('takes a bare time as a daily schedule when there is none to correct', () => {
      expect(interpret('at 17:45', REQUIREMENTS).patch).toEqual({
        trigger: expect.objectContaining({ type: 'schedule', cron: '45 17 * * *', description: 'every day at 17:45' }),
      });
    });

    it('lets a schedule start the agent when a condition is also said', () => {
      const { patch } = interpret('every morning, if there are new emails, summarize them', DISCOVERY);
      expect(patch.trigger).toMatchObject({ type: 'schedule', cron: '0 8 * * *', description: 'every day at 8:00' });
    });

    it.each([
      ['is it possible to make: every friday at 5 email me a summary of my jira tickets', { cron: '0 17 * * 5' }],
      ['is possible to make a bot that posts new stripe payments to #finance', { event: 'payment_succeeded' }],
      ['hey is it possible to set up a bot that dms me my calendar every morning', { cron: '0 8 * * *' }],
    ])('reads the request %j framed as a question about the service', (text, trigger) => {
      const { intent, patch } = interpret(text, DISCOVERY);
      expect(intent).toBe('provide_information');
      expect(patch.trigger).toMatchObject(trigger);
    });

    it.each(['is it possible to connect salesforce?', 'is it possible to make an agent?', 'what can you do?', 'is slack supported?'])(
      'keeps %j a question about the service',
      (text) => {
        expect(interpret(text, DISCOVERY)).toEqual({ intent: 'question', patch: {} });
      },
    );

    it('reads email words as Outlook once Outlook is in use', () => {
      const requirements = emptyRequirements();
      requirements.integrations = { value: ['outlook'], status: 'inferred' };
      expect(interpret('only unread emails', REQUIREMENTS, requirements).patch).toEqual({ integrations: ['outlook'], filters: ['unread'] });
    });

    it('puts a bare channel on the chat tool in use', () => {
      const requirements = emptyRequirements();
      requirements.destinations = { value: [{ kind: 'channel', integration: 'teams', target: '#ops' }], status: 'inferred' };
      expect(interpret('post it to #general instead', REQUIREMENTS, requirements).patch.destination).toEqual({
        kind: 'channel',
        integration: 'teams',
        target: '#general',
      });
    });
  });

  describe('whole requests', () => {
    it.each<[string, object]>([
      [
        'When someone opens a GitHub issue, DM me on Slack',
        {
          goal: 'When someone opens a GitHub issue, DM me on Slack',
          name: 'GitHub alerts to Slack',
          steps: ['when a new issue is opened in GitHub', 'message me'],
          trigger: { type: 'event', integration: 'github', event: 'new_issue', description: 'when a new issue is opened in GitHub' },
          integrations: ['github', 'slack'],
          // Requirements v2: a message to the person themselves is a `dm` destination.
          destination: { kind: 'dm', integration: 'slack', target: 'me' },
        },
      ],
      // "An email" says how the alert is delivered, not that a Gmail mailbox is read: no mail tool is assumed.
      [
        'Send me an email when a payment fails in Stripe',
        {
          goal: 'Send me an email when a payment fails in Stripe',
          name: 'Stripe alerts',
          steps: ['when a payment fails in Stripe', 'message me'],
          trigger: { type: 'event', integration: 'stripe', event: 'payment_failed', description: 'when a payment fails in Stripe' },
          integrations: ['stripe'],
          destination: { kind: 'dm', integration: null, target: 'me' },
        },
      ],
      [
        'I want a bot that adds a row to my Google Sheet whenever a new lead comes in Salesforce',
        {
          goal: 'Adds a row to my Google Sheet whenever a new lead comes in Salesforce',
          name: 'Salesforce log to Google Sheets',
          steps: ['when a new lead is created in Salesforce', 'save to Google Sheets'],
          trigger: { type: 'event', integration: 'salesforce', event: 'new_lead', description: 'when a new lead is created in Salesforce' },
          integrations: ['google_sheets', 'salesforce'],
          destination: { kind: 'integration', integration: 'google_sheets', target: '' },
        },
      ],
    ])('reads %j', (text, patch) => {
      expect(interpret(text, DISCOVERY)).toEqual({ intent: 'provide_information', patch });
    });
  });

  const yes = { text: 'yes', phase: REQUIREMENTS, requirements: emptyRequirements(), transcript: [] };

  it('answers through the Interpreter contract without a reply', async () => {
    await expect(new RuleBasedInterpreter().interpret(yes)).resolves.toEqual({ intent: 'confirm', patch: {} });
  });

  it('refuses a turn that was already stopped', async () => {
    const controller = new AbortController();
    controller.abort(new Error('client went away'));
    await expect(new RuleBasedInterpreter().interpret(yes, { signal: controller.signal })).rejects.toThrow('client went away');
  });

  describe('an event said without "when" next to a time', () => {
    const triggerOf = (text: string) => interpret(text, DISCOVERY).patch.trigger;

    it('runs on the clock time said with it', () => {
      expect(triggerOf('trello cards with the red label → my slack dm at 8:30')).toEqual(
        expect.objectContaining({ type: 'schedule', cron: '30 8 * * *' }),
      );
    });

    it('asks rather than guesses when it says "periodically"', () => {
      expect(triggerOf('periodically copy new dropbox files into google drive')).toBeUndefined();
    });

    it('keeps an event said with "when", and one next to "-ish" that is no time', () => {
      expect(triggerOf('when a new trello card is added, dm me on slack')).toEqual(expect.objectContaining({ type: 'event', integration: 'trello' }));
      expect(triggerOf('i run a small etsy-ish shop on shopify, text me every new order pls')).toEqual(
        expect.objectContaining({ type: 'event', integration: 'shopify', event: 'new_order' }),
      );
    });
  });
});

describe('things of a tool outside the catalog sent to one in it', () => {
  it.each([
    ['new typeform submissions to airtable', 'airtable'],
    ['new pipedrive deals to hubspot', 'hubspot'],
    ['every new jotform submission to my google sheet', 'google_sheets'],
  ])('reads %j with no event in %s, which is where they go', (text, target) => {
    const { patch, unsupported } = interpretMessage({ text, phase: ConversationPhase.DISCOVERY, requirements: emptyRequirements(), transcript: [] });
    expect(patch.trigger).toBeUndefined();
    expect(patch.destination).toEqual({ kind: 'integration', integration: target, target: '' });
    expect(unsupported?.length).toBe(1);
  });
});

describe('a tool named after an email word', () => {
  it('is a tool of its own ("email me my calendar" reads the calendar)', () => {
    expect(interpret('email me my calendar for the day every morning at 6:30', DISCOVERY).patch.integrations).toEqual(['google_calendar']);
  });

  it('is a tool of its own after a chat tool said as a verb ("slack me my calendar")', () => {
    expect(interpret('every day at 9 slack me my calendar', DISCOVERY).patch.integrations).toEqual(['slack', 'google_calendar']);
  });
});

describe('an email word said as what the agent does', () => {
  it('reads no mailbox in "… and emails the list to team@acme.com"', () => {
    const { patch } = interpret('every evening at 6 go through the asana tasks due tomorrow and emails the list to team@acme.com', DISCOVERY);
    expect(patch.integrations).toEqual(['asana']);
  });

  it('still reads the mailbox in "summarise the emails the bank sent"', () => {
    expect(interpret('every evening at 6 summarise the emails the bank sent and post them to #money', DISCOVERY).patch.integrations).toEqual(['gmail']);
  });

  it.each([
    ['every monday email my team a summary of open hubspot deals', ['hubspot']],
    ['new jira tickets → my email', ['jira']],
  ])('reads no mailbox when the email word says whom it goes to: %j', (text, integrations) => {
    expect(interpret(text, DISCOVERY).patch.integrations).toEqual(integrations);
  });

  it.each(['every friday summarize #support on slack and email it to me', 'summarize #support on slack every friday and send it to me by email'])(
    'sends %j to the person by email, not as a Slack DM',
    (text) => {
      expect(interpret(text, DISCOVERY).patch.destination).toEqual({ kind: 'dm', integration: null, target: 'me' });
    },
  );
});

describe('an event under a schedule', () => {
  it('brings in no tool nobody named', () => {
    const { patch } = interpret('at 11am and 3pm on weekdays send new hubspot leads to #sdr', DISCOVERY);
    expect(patch.integrations).toEqual(['hubspot']);
    expect(patch.trigger?.type).toBe('schedule');
  });

  it('still brings in the tool of an event that starts the agent', () => {
    expect(interpret('when a new lead comes in post it to #sales on slack', DISCOVERY).patch.integrations).toEqual(['slack', 'salesforce']);
  });
});

describe('a choice taken back in the same message', () => {
  it('keeps only the later tool, in the earlier one\'s place', () => {
    const { patch } = interpret('send hubspot deals to notion... actually make that airtable', DISCOVERY);
    expect(patch.integrations).toEqual(['hubspot', 'airtable']);
    expect(patch.destination).toEqual({ kind: 'integration', integration: 'airtable', target: '' });
  });

  it('keeps only the later channel', () => {
    expect(interpret('failed stripe payments to #billing, sorry i mean #collections, on slack', DISCOVERY).patch.destination).toEqual({
      kind: 'channel',
      integration: 'slack',
      target: '#collections',
    });
  });
});

describe('one tool\'s things sent to a chat tool, with no verb or channel', () => {
  it('describes an agent', () => {
    expect(interpret('outlook emails to teams, ignore the automated ones', DISCOVERY).patch.integrations).toEqual(['outlook', 'teams']);
    expect(interpret('my family calendar to the family discord', DISCOVERY).patch.integrations).toEqual(['google_calendar', 'discord']);
  });

  it('needs two tools: a move between chat tools is chat', () => {
    expect(interpret('we moved from slack to teams last year', DISCOVERY).patch).toEqual({});
    expect(interpret('talking to teams all day is exhausting', DISCOVERY).patch).toEqual({});
  });
});
