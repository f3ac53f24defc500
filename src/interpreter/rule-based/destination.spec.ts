import { describe, expect, it } from '@jest/globals';
import type { Destination } from '../../conversation/requirements/requirements.js';
import { findDestinations } from './destination.js';
import { findFilters } from './filters.js';
import { findMentions } from './integrations.js';
import { literalSpans, mask, normalize } from './text.js';

const read = (text: string, defaultChat: string | null = 'slack'): Destination | null => {
  const norm = normalize(text);
  const filters = findFilters(norm, text);
  const mentions = findMentions(mask(norm, [...literalSpans(norm), ...filters.spans]));
  const emailIntegration = mentions.some((m) => m.id === 'outlook') ? 'outlook' : 'gmail';
  return findDestinations(norm, text, { mentions, defaultChat, emailIntegration, filterSpans: filters.spans, triggerSpan: null })[0] ?? null;
};
const all = (text: string): Destination[] => {
  const norm = normalize(text);
  const filters = findFilters(norm, text);
  const mentions = findMentions(mask(norm, [...literalSpans(norm), ...filters.spans]));
  return findDestinations(norm, text, { mentions, defaultChat: null, emailIntegration: null, filterSpans: filters.spans, triggerSpan: null });
};
/** As when the whole message is the event's clause ("when … create …" without a comma). */
const inEvent = (text: string, triggerIntegration: string): Destination[] => {
  const norm = normalize(text);
  const mentions = findMentions(mask(norm, literalSpans(norm)));
  const ctx = { mentions, defaultChat: null, emailIntegration: null, filterSpans: [], triggerSpan: [0, norm.length] as const, triggerIntegration };
  return findDestinations(norm, text, ctx);
};
const me = (integration: string | null): Destination => ({ kind: 'dm', integration, target: 'me' });
const channel = (integration: string | null, target: string): Destination => ({ kind: 'channel', integration, target });
const email = (integration: string | null, target: string): Destination => ({ kind: 'email', integration, target });
const tool = (integration: string, target = ''): Destination => ({ kind: 'integration', integration, target });

describe(findDestinations.name, () => {
  it.each([
    ['post new github issues to #design on slack and discord', [channel('slack', '#design'), channel('discord', '#design')]],
    ['to #product on teams and slack', [channel('teams', '#product'), channel('slack', '#product')]],
    ['ping the #support channel in discord & slack', [channel('discord', '#support'), channel('slack', '#support')]],
    ['post the total in #team on both slack and discord pls', [channel('slack', '#team'), channel('discord', '#team')]],
    ['post payouts to #finance on slack and #money on discord', [channel('slack', '#finance'), channel('discord', '#money')]],
  ])('puts a channel said on two chat tools on both: %j', (text, destinations) => {
    expect(all(text)).toEqual(destinations);
  });

  it.each([
    ['posts the summary to the #team-updates Slack channel', channel('slack', '#team-updates')],
    ['send it to #general', channel('slack', '#general')],
    ['post to #eng-alerts in Teams', channel('teams', '#eng-alerts')],
    ['share it in the #random channel on Discord', channel('discord', '#random')],
    ['post it in the general channel on Slack', channel('slack', '#general')],
    ['not #random, #general', channel('slack', '#general')],
    ['DM me on Slack', me('slack')],
    ['send me my outlook inbox on teams', me('teams')],
    ['send me my gmail inbox', me('gmail')],
    ['send me a Teams message', me('teams')],
    ['notify me on Discord', me('discord')],
    ['send it as a DM', me(null)],
    ['message @alice on Slack', channel('slack', '@alice')],
    ['forward it to boss@example.com', email('gmail', 'boss@example.com')],
    ['email it to team@acme.io from my Outlook', email('outlook', 'team@acme.io')],
    ['send me an email', me('gmail')],
    ['email me the summary', me('gmail')],
    ['send the digest to my inbox', me('gmail')],
    ['text me when it fails', me(null)],
    ['also cc me', me(null)],
    ['add a row to my Google Sheet', tool('google_sheets')],
    ['save them to Google Drive', tool('google_drive')],
    ['create a Jira ticket', tool('jira')],
    ["append it to the Notion page called 'Weekly notes'", tool('notion', 'Weekly notes')],
  ])('reads %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('puts a bare channel on the chat tool already in use', () => {
    expect(read('post it to #general', 'teams')).toEqual(channel('teams', '#general'));
  });

  it.each([
    ['summarize #support and post it to #leads', [channel(null, '#leads')]],
    ['email me a summary of the #support channel', [me(null)]],
    ['the #bugs teams channel → summarise and email qa@acme.com', [email(null, 'qa@acme.com')]],
    ['orders to #vip-orders on slack and text me', [channel('slack', '#vip-orders'), me(null)]],
    ['new asana tasks assigned to me → my slack dms', [me('slack')]],
    ['gmail labelled "to-pay" -> trello card', [tool('trello')]],
    ['slack me the open jira bugs', [me('slack')]],
    ['open a jira ticket for each one', [tool('jira')]],
    // A thing of a tool for each thing of another, without a verb: the tool is written to.
    ['a notion page for every hubspot deal', [tool('notion')]],
    ['notion page for each new calendar event', [tool('notion')]],
    ['one asana task per new hubspot deal pls', [tool('asana')]],
    ['i want a github issue for every new zendesk ticket', [tool('github')]],
    ['summarize the notion pages for each project and email me', [me(null)]],
    ['put new shopify orders in the fulfilment airtable and slack the warehouse channel', [channel('slack', '#warehouse'), tool('airtable')]],
    ['each new file in my dropbox inbox folder → a row in my jobs sheet', [tool('google_sheets')]],
    ['new hubspot deals → a client folder in google drive + an asana project task', [tool('google_drive'), tool('asana')]],
    ['set up something that messages me on slack', [me('slack')]],
    ['whenever someone drops a msg in the discord #bug-reports make a github issue', [tool('github')]],
    ['post notion updates to confluence', [tool('confluence')]],
    ['send the open pull requests on github to #reviews', [channel(null, '#reviews')]],
    ['new notion pages → the release notes page in confluence', [tool('confluence')]],
    ['remind #payroll on slack to approve timesheets in airtable', [channel('slack', '#payroll')]],
    ['take what people post in #ideas on slack and email it to product@acme.com', [email(null, 'product@acme.com')]],
    ['somebody posts in #requests on slack, create an asana task', [tool('asana')]],
    ['post slack messages from the ceo in #general to a notion page', [tool('notion')]],
    ['discord server #bugs new posts -> jira tickets', [tool('jira')]],
    ['turn the #feedback slack channel into a notion doc', [tool('notion')]],
    ['the stripe failed payments at 9 on saturdays in #billing', [channel(null, '#billing')]],
    ['i want a discord message in #alerts when a payment fails', [channel('discord', '#alerts')]],
    ['when someone mentions us on twitter post it in #social', [channel(null, '#social')]],
    ['invoices emailed to billing@acme.com in gmail → save the pdfs to dropbox', [tool('dropbox')]],
    ['new tickets should be emailed to team@acme.com', [email(null, 'team@acme.com')]],
    ['new tickets → #support on slack and a row in the tickets google sheet', [channel('slack', '#support'), tool('google_sheets')]],
    ['each new lead, #sales on slack and a card on our trello board', [channel('slack', '#sales'), tool('trello')]],
    ['new mail in outlook from hr → my teams chat', [me('teams')]],
    ['digest of #announcements (slack) → my gmail every sunday', [me('gmail')]],
    ['send me my gmail unread count on slack', [me('slack')]],
    ['send me one email with the important stuff', [me(null)]],
  ])('reads where %j goes, and not where it is read from', (text, expected) => {
    expect(all(text)).toEqual(expected);
  });

  it.each([
    ['when a new trello card shows up create a jira ticket for it', 'trello', [tool('jira')]],
    ['when a linear issue is opened put it on the trello board and tell me', 'linear', [me(null), tool('trello')]],
    ['when a client texts me', 'gmail', []],
    ['when a new jira issue is created in jira', 'jira', []],
  ])('reads where %j goes from inside the event clause', (text, triggerIntegration, expected) => {
    expect(inEvent(text, triggerIntegration)).toEqual(expected);
  });

  it('takes "me at <address>" as the address, not as a second place', () => {
    expect(all('when something new arrives email me at teacher@example.com')).toEqual([email(null, 'teacher@example.com')]);
  });

  it.each([
    ['post it to Slack', 'a chat tool without a channel needs a question'],
    ['only emails from boss@example.com', 'an address after "from" is a sender'],
    ['summarize my Gmail', 'a source is no destination'],
    ['this is my #1 priority', 'a channel starts with a letter'],
    ['remove the second channel', 'a channel pointed at by its place is not named'],
    ['rename that channel please', 'nor one pointed at'],
  ])('finds none in %j (%s)', (text) => {
    expect(read(text)).toBeNull();
  });
});

describe('channels and the chat tool named after each', () => {
  it('gives each channel the tool named right after it', () => {
    expect(all('bugs: #incidents on slack, #eng on teams')).toEqual([channel('slack', '#incidents'), channel('teams', '#eng')]);
    expect(all('tickets: #support on discord, #tier2 on slack')).toEqual([channel('discord', '#support'), channel('slack', '#tier2')]);
    expect(all('post to #ops (discord) and slack me too')[0]).toEqual(channel('discord', '#ops'));
  });

  it('drops a channel taken back for the next one', () => {
    expect(all('post to #billing on slack, sorry i mean #collections')).toEqual([channel('slack', '#collections')]);
    expect(all('send it to #general, actually #random, on slack')).toEqual([channel('slack', '#random')]);
    expect(all('post to #general and #random on slack')).toEqual([channel('slack', '#general'), channel('slack', '#random')]);
  });
});

describe('things sent on to a tool without a verb', () => {
  it.each([
    ['pagerduty incidents into a notion log', 'notion'],
    ['new typeform submissions to airtable', 'airtable'],
    ['zoom recordings to google drive every night', 'google_drive'],
    ['each new github issue should become a trello card', 'trello'],
    ['new hubspot deals turn into asana tasks', 'asana'],
  ])('%s goes into %s', (text, integration) => {
    expect(all(text)).toContainEqual({ kind: 'integration', integration, target: '' });
  });

  it('reads a tool talked to as no place to send', () => {
    expect(all('i talk to notion every day')).toEqual([]);
    expect(all('listen to the github folks')).toEqual([]);
  });
});

describe('the way people type where things go', () => {
  it('takes one word naming which one between "into" and the tool', () => {
    expect(all('copy new shopify orders into the fulfilment google sheet')).toContainEqual({ kind: 'integration', integration: 'google_sheets', target: '' });
    expect(all('i looked into the marketing notion pages')).toEqual([]);
  });

  it('reads "→ teams chat" as a chat with the person on Teams', () => {
    expect(all('outlook mail from my manager → teams chat asap')).toEqual([me('teams')]);
  });

  it('reads "write a notion page" as a page made in Notion', () => {
    expect(all('every friday read the #wins channel and write a notion page for the newsletter')).toContainEqual({ kind: 'integration', integration: 'notion', target: '' });
  });

  it.each(['scream in #incidents', 'yell in #incidents', 'blast it in #incidents'])('%s posts to #incidents', (text) => {
    expect(read(`new github issues labelled outage, ${text}`)).toEqual(channel('slack', '#incidents'));
  });
});

describe('a direct message with no chat tool named', () => {
  it('goes through the chat tool in use', () => {
    expect(read('and dm me too', 'slack')).toEqual(me('slack'));
    expect(read('direct message me as well', 'teams')).toEqual(me('teams'));
  });

  it('stays without a tool for other ways of reaching me', () => {
    expect(read('and notify me too', 'slack')).toEqual(me(null));
    expect(read('and dm me too', null)).toEqual(me(null));
  });
});

describe('a task the person is reminded of', () => {
  it('names no place the agent writes to', () => {
    expect(all('remind me on slack to log my hours in the timesheet spreadsheet')).toEqual([{ kind: 'dm', integration: 'slack', target: 'me' }]);
    expect(all('remind #payroll to approve timesheets in the airtable')).toEqual([{ kind: 'channel', integration: null, target: '#payroll' }]);
  });

  it('still reads what the agent itself logs', () => {
    expect(all('remind me on slack, and log each stripe payment in the expenses sheet')).toContainEqual({ kind: 'integration', integration: 'google_sheets', target: '' });
  });
});

describe('a place taken back in the same message', () => {
  it('gives its place to the one named after the cue', () => {
    // The tool taken back is dropped from the mentions before this reader (see the interpreter's spec).
    expect(all('send hubspot deals to notion... actually make that airtable')).toContainEqual({ kind: 'integration', integration: 'airtable', target: '' });
    expect(all('new shopify orders → airtable? no, a google sheet is easier')).toContainEqual({ kind: 'integration', integration: 'google_sheets', target: '' });
  });

  it('keeps the last of two addresses when the first is taken back', () => {
    expect(all('email it to bob@acme.com, sorry i meant rob@acme.com')).toEqual([email(null, 'rob@acme.com')]);
    expect(all('email it to bob@acme.com and rob@acme.com')).toEqual([email(null, 'bob@acme.com'), email(null, 'rob@acme.com')]);
  });

  it('reads no replacement without a place taken back', () => {
    expect(all('summarize hubspot deals, actually the notion ones too')).toEqual([]);
  });
});

describe('a second place said with a thing', () => {
  it('reads "create a jira ticket" as a place even when that tool is the first named', () => {
    // The tool the alerts come from is outside the catalog, and masked before this reader.
    expect(all('when a monitor fires create a jira ticket and post in #sre')).toEqual([channel(null, '#sre'), tool('jira')]);
    expect(all('errors in prod → create a github issue + tell #backend')).toEqual([channel(null, '#backend'), tool('github')]);
    expect(all('when people create a jira ticket post in #sre')).toEqual([channel(null, '#sre')]);
  });

  it('reads a thing of a tool joined to an address or channel as one more place', () => {
    expect(all('airtable new record → email hiring@acme.com + notion page')).toEqual([email(null, 'hiring@acme.com'), tool('notion')]);
  });

  it('reads "a msg in #billing" as where it goes, unless someone else posts it', () => {
    expect(all('i want a msg in #billing and an email to me')).toEqual([channel(null, '#billing'), me(null)]);
    expect(all('whenever someone drops a msg in #bug-reports make a github issue')).toEqual([tool('github')]);
  });

  it('reads a channel someone named posts in as read from', () => {
    expect(all('when my boss posts in #leadership on teams text me')).toEqual([me(null)]);
    expect(all('slack #sales-wins msgs → weekly digest to ceo@acme.com')).toEqual([email(null, 'ceo@acme.com')]);
  });

  it('takes one word naming which one between "add to" and the tool', () => {
    expect(all('shopify orders above 500 → add to vip airtable + text me')).toEqual([me(null), tool('airtable')]);
  });

  it('reads things said to go in a tool as written there', () => {
    expect(all('new responses go in the signups sheet')).toEqual([tool('google_sheets')]);
  });

  it('reads a channel after "in the teams channel" as read from when it is sent on', () => {
    expect(all('messages in the teams channel #escalations should be copied to jira as issues')).toEqual([tool('jira')]);
    expect(all('post it in the slack channel #eng')).toEqual([channel('slack', '#eng')]);
  });

  it('reads "… and also pings me" inside the event clause as a message to me', () => {
    const text = 'when a client emails me it goes into asana as a task and also pings me on slack';
    expect(inEvent(text, 'gmail')).toContainEqual(me('slack'));
    expect(inEvent('when the school texts me', 'gmail')).toEqual([]);
  });

  it.each([
    ['for every new hubspot deal a notion page', tool('notion')],
    ['on each stripe payment a row in the finance sheet', tool('google_sheets')],
    ['when someone signs up i want a hubspot contact made', tool('hubspot')],
  ])('reads %j as one thing made in a tool, said without a verb', (text, destination) => {
    expect(all(text)).toEqual([destination]);
  });

  it('reads a thing of a tool said as no more than a thing as no place', () => {
    expect(all('the hubspot contact made me laugh')).toEqual([]);
  });

  it('reads "page me on teams" as a message to me on Teams', () => {
    expect(read('new zendesk ticket tagged urgent, page me on teams')).toEqual(me('teams'));
  });

  it('reads "a hello in slack #new-signups" as where it goes', () => {
    expect(all('i want a hubspot contact made and a hello in slack #new-signups')).toEqual([channel('slack', '#new-signups'), tool('hubspot')]);
  });

  it.each([
    ['please when arrive new order in shopify you make one row in google sheet', [tool('google_sheets')]],
    ['put a celebration event on the team google calendar', [tool('google_calendar')]],
    ['every email to support@acme.com in outlook should become a zendesk ticket', [tool('zendesk')]],
  ])('reads where %j writes', (text, expected) => {
    expect(all(text)).toEqual(expected);
  });

  it.each([
    ['keep me posted on teams about new salesforce opportunities', [me('teams')]],
    ['when a shopify order comes in i want it on my google calendar as a pickup', [tool('google_calendar')]],
    ['every time a tweet mentions acme → slack #brand and airtable', [channel('slack', '#brand'), tool('airtable')]],
    ['new sign ups in airtable → welcome email from gmail + a hubspot contact', [tool('hubspot')]],
    ['new google drive file → post link in #legal + add a row to the contracts sheet', [channel(null, '#legal'), tool('google_sheets')]],
  ])('reads every place %j names', (text, expected) => {
    expect(all(text)).toEqual(expected);
  });

  it('reads a tool joined to another before any place is said as a source', () => {
    expect(all('every morning at 8:30 my calendar + my asana tasks → my slack dms')).toEqual([me('slack')]);
  });

  it('reads the channel of "page the on-call on teams #oncall" inside the event clause as where it goes', () => {
    const text = 'if a payment fails page the on-call on teams #oncall';
    const norm = normalize(text);
    const mentions = findMentions(norm);
    expect(findDestinations(norm, text, { mentions, defaultChat: null, emailIntegration: null, filterSpans: [], triggerSpan: [3, 20] })).toEqual([channel('teams', '#oncall')]);
  });
});
