import { describe, expect, it } from '@jest/globals';
import { findEventTrigger, namedAsTarget } from './event-trigger.js';
import { findMentions } from './integrations.js';
import { literalSpans, mask, normalize } from './text.js';

const read = (text: string, known: readonly string[] = []) => {
  const masked = mask(normalize(text), literalSpans(normalize(text)));
  const found = findEventTrigger(masked, findMentions(masked), known);
  return found && { integration: found.trigger.integration, event: found.trigger.event };
};

describe(findEventTrigger.name, () => {
  it.each([
    ['when a new email arrives', 'gmail', 'new_email'],
    ['whenever I get an email from my boss', 'gmail', 'new_email'],
    ['when a new email arrives in Outlook', 'outlook', 'new_email'],
    ['whenever a new row is added to my sheet', 'google_sheets', 'new_row'],
    ['when someone opens a GitHub issue', 'github', 'new_issue'],
    ['when a pull request is opened', 'github', 'new_pull_request'],
    ['when a payment fails in Stripe', 'stripe', 'payment_failed'],
    ['every time a charge is declined', 'stripe', 'payment_failed'],
    ['failed stripe payments → dm me', 'stripe', 'payment_failed'],
    ['when a customer pays', 'stripe', 'payment_succeeded'],
    ['when a new lead comes in Salesforce', 'salesforce', 'new_lead'],
    ['when I get a new Zendesk ticket', 'zendesk', 'new_ticket'],
    ['slack me when zendesk gets an urgent ticket', 'zendesk', 'new_ticket'],
    ['when a Jira ticket is created', 'jira', 'new_issue'],
    ['as soon as a new Linear issue is filed', 'linear', 'new_issue'],
    ['when a deal is created in HubSpot', 'hubspot', 'new_deal'],
    ['when a new order is placed on Shopify', 'shopify', 'new_order'],
    ['when a file is uploaded to Dropbox', 'dropbox', 'new_file'],
    ['when a new file lands in my drive', 'google_drive', 'new_file'],
    ['when a meeting is about to start', 'google_calendar', 'event_starting'],
    ['when someone mentions us on Twitter', 'twitter', 'new_mention'],
    ['for every new Airtable record', 'airtable', 'new_record'],
    // "for every/each" a kind of thing, "new" or not: each one starts the agent.
    ['add a row to my sheet for every stripe payment', 'stripe', 'payment_succeeded'],
    ['create a trello card for each github issue', 'github', 'new_issue'],
    ['ping me on slack for every failed stripe payment', 'stripe', 'payment_failed'],
    ['a notion page for every hubspot deal', 'hubspot', 'new_deal'],
    ['one asana task per new hubspot deal', 'hubspot', 'new_deal'],
    ['create a notion page per hubspot deal', 'hubspot', 'new_deal'],
    ['log every stripe payment in my sheet', 'stripe', 'payment_succeeded'],
    ['when a card is added to my Trello board', 'trello', 'new_card'],
    ['when a new Notion page is created', 'notion', 'new_page'],
    ['when someone posts a message in Discord', 'discord', 'new_message'],
    ['when someone posts in #support with a new message', 'slack', 'new_message'],
  ])('reads %j as %s %s', (text, integration, event) => {
    expect(read(text)).toEqual({ integration, event });
  });

  it.each([
    // The "when…" clause ends where the agent's action starts, even without a comma.
    ['whenever someone opens an issue on github make a trello card', 'github', 'new_issue'],
    ['when a linear issue gets created copy it over to github issues', 'linear', 'new_issue'],
    ['when a PR is opened link it to the linear issue', 'github', 'new_pull_request'],
    ['when a payment succeeds on stripe add a row in my sheet', 'stripe', 'payment_succeeded'],
    // A sender and a verb: "when my landlord emails", "whenever she writes".
    ['gmail -> slack when my landlord emails', 'gmail', 'new_email'],
    ['text me from gmail whenever she writes', 'gmail', 'new_email'],
    ['whenever someone writes in #help on discord, forward it', 'discord', 'new_message'],
    ['when an email hits my outlook from a client', 'outlook', 'new_email'],
    ['ping me on discord every time someone buys something on shopify', 'shopify', 'new_order'],
    ['the moment a PR is raised in github, make a linear issue', 'github', 'new_pull_request'],
    ['each time i get a calendar invite, add it to notion', 'google_calendar', 'new_event'],
    ['message me on slack when a p1 comes in on jira', 'jira', 'new_issue'],
    ['need: gcal → slack dm, 15 min before each meeting', 'google_calendar', 'event_starting'],
    ['10 min before any meeting dm me the attendees on slack', 'google_calendar', 'event_starting'],
    // "they", "one", "something new": what was named before, else the source tool's usual event.
    ['github PRs → discord #code when they get opened', 'github', 'new_pull_request'],
    ['my outlook emails from the school, text me when one comes in', 'outlook', 'new_email'],
    ['send new airtable applicants to the team the moment they come in', 'airtable', 'new_record'],
    ['students put work in a google drive folder, when something new arrives email me', 'google_drive', 'new_file'],
    // Watching a place.
    ['can u watch my gmail for emails from the bank and ping me on slack', 'gmail', 'new_email'],
    ['watch the #incidents channel on teams and create a jira ticket for each new post', 'teams', 'new_message'],
    ['keep an eye on the #sales channel in teams and log every message in a google sheet', 'teams', 'new_message'],
    // A standing copy.
    ['save every attachment from gmail to dropbox', 'gmail', 'new_email'],
    ['i want dropbox uploads mirrored to google drive', 'dropbox', 'new_file'],
    ['forward anything from my boss in outlook to my phone', 'outlook', 'new_email'],
    // The wish after the "when…" clause is what the agent does, not part of what happens.
    ['every time stripe says a payment failed i want a row in the failed payments sheet', 'stripe', 'payment_failed'],
    ['messages in the teams channel #escalations should be copied to jira as issues', 'teams', 'new_message'],
    ['stripe payments over 100 should be logged in airtable', 'stripe', 'payment_succeeded'],
    // Things said shortened.
    ['salesforce new opps > 100k slack #exec', 'salesforce', 'new_opportunity'],
    // Without "when": the source is the tool things come from, not the one they go to.
    ['copy new dropbox files into google drive', 'dropbox', 'new_file'],
    ['new dropbox files: copy to google drive and tell me on slack', 'dropbox', 'new_file'],
    ['trello card added -> asana task', 'trello', 'new_card'],
    ['notion page created -> slack #docs', 'notion', 'new_page'],
    ['someone drops a file in dropbox -> copy it to google drive', 'dropbox', 'new_file'],
    ['new gmail from the bank → text me', 'gmail', 'new_email'],
    ['new sign-ups in the airtable go into the #new-runners channel on discord', 'airtable', 'new_record'],
    ['big stripe payments → text me instantly', 'stripe', 'payment_succeeded'],
    ['google calendar meetings starting soon → slack dm', 'google_calendar', 'event_starting'],
  ])('reads %j as %s %s (said in people\'s words)', (text, integration, event) => {
    expect(read(text)).toEqual({ integration, event });
  });

  it.each([
    ['when my linear issue gets a comment ping me on slack', 'linear', 'new_comment'],
    ['when someone comments on a linear ticket dm me', 'linear', 'new_comment'],
    ['new comments on linear issues → #product', 'linear', 'new_comment'],
    ['new stripe disputes to #finance', 'stripe', 'new_dispute'],
    ['if a customer disputes a charge email finance@acme.com', 'stripe', 'new_dispute'],
    ['when a customer opens a dispute in stripe ping #billing', 'stripe', 'new_dispute'],
    ['every new chargeback from stripe into the disputes google sheet', 'stripe', 'new_dispute'],
  ])('reads %j as %s %s, over the issue or payment also named', (text, integration, event) => {
    expect(read(text)).toEqual({ integration, event });
  });

  it('reads disputes named without anything new as no event, as payments are ("email me the stripe disputes" late in the evening)', () => {
    expect(read('email me the stripe disputes')).toBeNull();
  });

  it('reads no comment event of a tool whose comments the catalog does not keep', () => {
    expect(read('when someone comments on a github issue ping me')).toBeNull();
    expect(read('when a new github issue gets comments ping me')).toEqual({ integration: 'github', event: 'new_issue' });
  });

  it('marks an event said without "when" as implied, so that a clock time can outweigh it', () => {
    const masked = normalize('trello cards with the red label → my slack dm');
    expect(findEventTrigger(masked, findMentions(masked), [])?.implied).toBe(true);
    const said = normalize('when a trello card is added, dm me on slack');
    expect(findEventTrigger(said, findMentions(said), [])?.implied).toBeUndefined();
  });

  it('ends the "when…" clause where a wish says what the agent does', () => {
    const text = normalize('every time stripe says a payment failed i want a msg in #billing and an email to me');
    expect(findEventTrigger(text, findMentions(text), [])?.span[1]).toBeLessThanOrEqual(text.indexOf(' i want'));
  });

  it('reads a tool things "go in" as where they are sent', () => {
    const text = normalize('new responses go in the signups sheet');
    const sheet = findMentions(text).find((m) => m.id === 'google_sheets');
    expect(sheet && namedAsTarget(text, sheet)).toBe(true);
  });

  it('takes the integration already in use when none is named', () => {
    expect(read('when a new message is posted', ['teams'])).toEqual({ integration: 'teams', event: 'new_message' });
  });

  it('describes the event from the catalog', () => {
    const masked = normalize('when a payment fails in Stripe');
    expect(findEventTrigger(masked, findMentions(masked), [])?.trigger.description).toBe('when a payment fails in Stripe');
  });

  it.each([
    'I emailed my boss yesterday',
    'when I read my email',
    'summarize my new emails every morning',
    'once a day',
    'when does it run?',
    'if there are unread emails',
    'the new hubspot ui is confusing honestly',
    'when i get home, remind me to water the plants',
    'i watched a video about slack yesterday',
    'for every day send me the gmail summary on slack',
    'for each of my notion pages write a summary',
    'send me the jira count 3 times per day',
    'the report should be saved somewhere',
    // A monitor that fires is a thing, not an order to watch.
    'when the monitor fires create a jira ticket',
  ])('finds no event in %j', (text) => {
    expect(read(text)).toBeNull();
  });

  it.each([
    ['teams msg in #sales-leads → trello card', 'teams', 'new_message'],
    ['slack message in #bugs = linear issue', 'slack', 'new_message'],
    ['new sheet row = new hubspot contact', 'google_sheets', 'new_row'],
  ])('reads one thing mapped to one thing in %j as each one as it comes', (text, integration, event) => {
    expect(read(text)).toEqual({ integration, event });
  });

  it('reads no event in one thing summarised to a place', () => {
    expect(read('the jira board → #standup')).toBeNull();
  });

  it.each([
    ['lmk on teams 10 min b4 every meeting', 'google_calendar', 'event_starting'],
    ['stripe charges of $1000 or more → text me right away', 'stripe', 'payment_succeeded'],
    ['bug reports from the #bugs slack channel → linear issues', 'slack', 'new_message'],
    ['every email to support in outlook should become a zendesk ticket', 'outlook', 'new_email'],
    ['when someone @mentions us on twitter, log it in airtable', 'twitter', 'new_mention'],
  ])('reads %j', (text, integration, event) => {
    expect(read(text)).toEqual({ integration, event });
  });

  it.each([
    ['whenever my calendar has a meeting starting in 10 min text me', 'google_calendar', 'event_starting'],
    ['calendar invite from a client → create a notion page with prep notes', 'google_calendar', 'new_event'],
    ['new entry in the notion bug tracker → jira ticket', 'notion', 'new_page'],
    ['post github issues labeled p0 to #war-room immediately', 'github', 'new_issue'],
    ['slack #general msgs with the word "urgent" → sms me', 'slack', 'new_message'],
  ])('reads %j as things that come one by one', (text, integration, event) => {
    expect(read(text)).toEqual({ integration, event });
  });

  it('reads no event in a report sent at once', () => {
    expect(read('send me the weekly report right away')).toBeNull();
  });

  it('reads no other event when what is counted ("for every new …") is in a tool outside the catalog', () => {
    const masked = 'a google sheet row for every new          response';
    expect(findEventTrigger(masked, findMentions(masked), [])).toBeNull();
  });

  it.each([
    ['when my boss slacks me, forward it to my email', 'slack', 'new_message'],
    ['if a stripe payment over 1000 fails page the on-call on teams #oncall', 'stripe', 'payment_failed'],
    ['on every new confluence page a slack post in #kb', 'confluence', 'new_page'],
  ])('reads %j, its clause ending where the agent is asked to act', (text, integration, event) => {
    expect(read(text)).toEqual({ integration, event });
  });

  it.each([
    ['when someone mentions me in slack email me', 'slack', 'new_message'],
    ['every time i get mentioned in teams send me an email', 'teams', 'new_message'],
    ['alert me in slack when someone @mentions our brand', 'twitter', 'new_mention'],
    ['when someone mentions us on twitter post it in #social', 'twitter', 'new_mention'],
  ])('reads a mention in a chat tool as a message there, elsewhere as an X mention: %j', (text, integration, event) => {
    expect(read(text)).toEqual({ integration, event });
  });

  it.each([
    ['dm me new hubspot deals on slack', 'hubspot', 'new_deal'],
    ['message me new zendesk tickets on teams', 'zendesk', 'new_ticket'],
    ['when i get a dm on slack forward it to my email', 'slack', 'new_message'],
  ])('reads "dm me" / "message me" as what the agent does, not a message read: %j', (text, integration, event) => {
    expect(read(text)).toEqual({ integration, event });
  });
});
