import { describe, expect, it } from '@jest/globals';
import { findEventTrigger } from './event-trigger.js';
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
    ['when a customer pays', 'stripe', 'payment_succeeded'],
    ['when a new lead comes in Salesforce', 'salesforce', 'new_lead'],
    ['when I get a new Zendesk ticket', 'zendesk', 'new_ticket'],
    ['when a Jira ticket is created', 'jira', 'new_issue'],
    ['as soon as a new Linear issue is filed', 'linear', 'new_issue'],
    ['when a deal is created in HubSpot', 'hubspot', 'new_deal'],
    ['when a new order is placed on Shopify', 'shopify', 'new_order'],
    ['when a file is uploaded to Dropbox', 'dropbox', 'new_file'],
    ['when a new file lands in my drive', 'google_drive', 'new_file'],
    ['when a meeting is about to start', 'google_calendar', 'event_starting'],
    ['when someone mentions us on Twitter', 'twitter', 'new_mention'],
    ['for every new Airtable record', 'airtable', 'new_record'],
    ['when a card is added to my Trello board', 'trello', 'new_card'],
    ['when a new Notion page is created', 'notion', 'new_page'],
    ['when someone posts a message in Discord', 'discord', 'new_message'],
    ['when someone posts in #support with a new message', 'slack', 'new_message'],
  ])('reads %j as %s %s', (text, integration, event) => {
    expect(read(text)).toEqual({ integration, event });
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
  ])('finds no event in %j', (text) => {
    expect(read(text)).toBeNull();
  });
});
