import { describe, expect, it } from '@jest/globals';
import type { Destination } from '../../conversation/requirements/requirements.js';
import { findDestination } from './destination.js';
import { findFilters } from './filters.js';
import { findMentions } from './integrations.js';
import { literalSpans, mask, normalize } from './text.js';

const read = (text: string, defaultChat = 'slack'): Destination | null => {
  const norm = normalize(text);
  const filters = findFilters(norm, text);
  const mentions = findMentions(mask(norm, [...literalSpans(norm), ...filters.spans]));
  const emailIntegration = mentions.some((m) => m.id === 'outlook') ? 'outlook' : 'gmail';
  return findDestination(norm, text, { mentions, defaultChat, emailIntegration, filterSpans: filters.spans, triggerSpan: null });
};
const channel = (integration: string, target: string): Destination => ({ kind: 'channel', integration, target });
const email = (integration: string, target: string): Destination => ({ kind: 'email', integration, target });
const tool = (integration: string, target = ''): Destination => ({ kind: 'integration', integration, target });

describe(findDestination.name, () => {
  it.each([
    ['posts the summary to the #team-updates Slack channel', channel('slack', '#team-updates')],
    ['send it to #general', channel('slack', '#general')],
    ['post to #eng-alerts in Teams', channel('teams', '#eng-alerts')],
    ['share it in the #random channel on Discord', channel('discord', '#random')],
    ['post it in the general channel on Slack', channel('slack', '#general')],
    ['not #random, #general', channel('slack', '#general')],
    ['DM me on Slack', channel('slack', '@me')],
    ['send me a Teams message', channel('teams', '@me')],
    ['notify me on Discord', channel('discord', '@me')],
    ['send it as a DM', channel('slack', '@me')],
    ['message @alice on Slack', channel('slack', '@alice')],
    ['forward it to boss@example.com', email('gmail', 'boss@example.com')],
    ['email it to team@acme.io from my Outlook', email('outlook', 'team@acme.io')],
    ['send me an email', email('gmail', 'me')],
    ['email me the summary', email('gmail', 'me')],
    ['send the digest to my inbox', email('gmail', 'me')],
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
    ['post it to Slack', 'a chat tool without a channel needs a question'],
    ['only emails from boss@example.com', 'an address after "from" is a sender'],
    ['notify me', 'no chat tool and no address'],
    ['summarize my Gmail', 'a source is no destination'],
    ['this is my #1 priority', 'a channel starts with a letter'],
  ])('finds none in %j (%s)', (text) => {
    expect(read(text)).toBeNull();
  });
});
