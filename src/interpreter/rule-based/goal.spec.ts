import { describe, expect, it } from '@jest/globals';
import { ConversationPhase } from '../../conversation/state.js';
import { extractGoal } from './goal.js';
import { normalize } from './text.js';
import { stepsFor, titleFor, type TitleParts } from './title.js';

const goal = (text: string, phase = ConversationPhase.DISCOVERY, hasGoal = false): string | null =>
  extractGoal(normalize(text), text, phase, hasGoal);

describe(extractGoal.name, () => {
  it.each([
    ['I want an agent that summarizes my unread Gmail emails every morning', 'Summarizes my unread Gmail emails every morning'],
    ['Build me a bot to post new GitHub issues to #dev.', 'Post new GitHub issues to #dev'],
    ["I'd like a simple automation which copies Stripe payments into Airtable", 'Copies Stripe payments into Airtable'],
    ['Can you create a workflow that emails me my calendar every Monday?', 'Emails me my calendar every Monday'],
    ['I want to back up my Dropbox to Google Drive', 'Back up my Dropbox to Google Drive'],
    ['Summarize my Outlook inbox every weekday', 'Summarize my Outlook inbox every weekday'],
    ['please forward invoices to accounting@acme.com', 'Forward invoices to accounting@acme.com'],
    ['Every morning, send me a digest of my meetings', 'Every morning, send me a digest of my meetings'],
    ['when a deal closes, post it to #wins', 'When a deal closes, post it to #wins'],
    ['can u make an agent that posts new github prs to #reviews', 'Posts new github prs to #reviews'],
  ])('reads the goal of %j', (text, expected) => {
    expect(goal(text)).toBe(expected);
  });

  it('takes an explicit request for an agent in any phase', () => {
    expect(goal('I need a bot that creates Jira tickets from Zendesk', ConversationPhase.REQUIREMENTS, true)).toBe(
      'Creates Jira tickets from Zendesk',
    );
  });

  it.each([
    ['only emails from my manager', ConversationPhase.DISCOVERY, false],
    ['every weekday at 8am', ConversationPhase.DISCOVERY, false],
    ['every email from my boss', ConversationPhase.DISCOVERY, false],
    ['I want an agent', ConversationPhase.DISCOVERY, false],
    ['post it to #general', ConversationPhase.REQUIREMENTS, false],
    ['summarize them instead', ConversationPhase.DISCOVERY, true],
  ])('reads no goal in %j (%s, goal known: %s)', (text, phase, hasGoal) => {
    expect(goal(text, phase, hasGoal)).toBeNull();
  });
});

describe(titleFor.name, () => {
  const base: TitleParts = { goal: '', source: null, destination: null, deliveredBy: null, trigger: null, filters: [] };

  it.each<[Partial<TitleParts>, string]>([
    [{ goal: 'summarizes my gmail', source: 'gmail', destination: { kind: 'channel', integration: 'slack', target: '#x' } }, 'Gmail summary to Slack'],
    [{ goal: 'back up my dropbox', source: 'dropbox', deliveredBy: 'google_drive' }, 'Dropbox backup to Google Drive'],
    [{ goal: 'post new issues', source: 'github', trigger: { type: 'event', integration: 'github', event: 'new_issue', description: '' } }, 'GitHub alerts'],
    [{ goal: 'do things' }, 'Automation'],
  ])('names %j %j', (parts, expected) => {
    expect(titleFor({ ...base, ...parts })).toBe(expected);
  });
});

describe(stepsFor.name, () => {
  it('lists reading, the action and the delivery', () => {
    const steps = stepsFor({
      goal: 'summarizes my unread gmail emails',
      source: 'gmail',
      destination: { kind: 'channel', integration: 'slack', target: '#team-updates' },
      deliveredBy: null,
      trigger: null,
      filters: ['unread', 'from my manager'],
    });
    expect(steps).toEqual(['read unread Gmail emails from my manager', 'summarize', 'post to #team-updates']);
  });

  it('gives none when there is only one thing to say', () => {
    expect(stepsFor({ goal: 'watch things', source: null, destination: null, deliveredBy: null, trigger: null, filters: [] })).toEqual([]);
  });
});
