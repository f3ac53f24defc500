import { describe, expect, it } from '@jest/globals';
import { findMentions } from './integrations.js';
import { roleMentions } from './roles.js';
import { normalize } from './text.js';

const roleIds = (text: string): string[] => {
  const norm = normalize(text);
  return [...roleMentions(norm, findMentions(norm))].map((m) => m.id);
};

describe(roleMentions.name, () => {
  it.each([
    'IT helpdesk here - when a new linear issue is created ping #it on slack',
    'helpdesk team: every morning send me a summary of new jira tickets',
    'Help desk lead. Need new jira tickets posted to #helpdesk on teams',
    'im on the helpdesk team, when a new ticket comes in on jira ping me on slack',
    'payments team here - when a new hubspot deal closes post it in #sales on slack',
  ])('takes the role word in %j for who writes, not a tool', (text) => {
    expect(roleIds(text)).toHaveLength(1);
  });

  it.each([
    // No other tool things come from: the role word is the tool.
    'IT helpdesk: when a ticket comes in, post it to #it-help on slack',
    'IT helpdesk: log new tickets into a google sheet',
    'helpdesk: dm me on slack when a new zendesk ticket arrives',
    // Not a role: a request that starts with the word.
    'support tickets from jira should go to #support every day',
  ])('keeps the tool in %j', (text) => {
    expect(roleIds(text)).toEqual([]);
  });
});
