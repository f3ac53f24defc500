import { describe, expect, it } from '@jest/globals';
import type { Destination } from '../../conversation/requirements/requirements.js';
import { carryDestination, findRemovedMentions, hasCorrectionMarker, impliedRemovals } from './corrections.js';
import { distinctIds, findMentions } from './integrations.js';
import { normalize } from './text.js';

const removed = (text: string): string[] => {
  const norm = normalize(text);
  return distinctIds([...findRemovedMentions(norm, findMentions(norm))]);
};

describe(findRemovedMentions.name, () => {
  it.each([
    ['instead of Slack use Teams', ['slack']],
    ['use Teams instead of Slack', ['slack']],
    ['not Slack, Teams', ['slack']],
    ['no, not Slack but Discord', ['slack']],
    ['replace Slack with Teams', ['slack']],
    ['switch from Gmail to Outlook', ['gmail']],
    ['swap Trello for Asana', ['trello']],
    ["don't use Jira anymore", ['jira']],
    ['stop posting to Slack', ['slack']],
    ['remove Notion', ['notion']],
    ['rather than Dropbox, save to Google Drive', ['dropbox']],
    ['no need for slack', ['slack']],
    ['we dont need the sheet anymore', ['google_sheets']],
    ['switch slack to teams', ['slack']],
    ['change gmail to outlook pls', ['gmail']],
    ['trade trello for asana', ['trello']],
    ['the slack part should be teams', ['slack']],
    ['outlook needs to be gmail', ['outlook']],
  ])('reads %j as dropping %j', (text, expected) => {
    expect(removed(text)).toEqual(expected);
  });

  it.each([
    'not now', 'I do not want emails from my boss', 'post to Slack and Teams', 'summarize without attachments', 'switch to teams',
    'move slack messages to notion', 'change slack to daily', 'every monday move overdue trello cards into a list and tell #pm on slack',
    'change jira tickets to done and post them on slack', 'the slack summary should be short',
  ])(
    'drops nothing in %j',
    (text) => {
      expect(removed(text)).toEqual([]);
    },
  );
});

describe(hasCorrectionMarker.name, () => {
  it.each([
    'actually make it 9am',
    'no, send it to #general',
    'change the time to 7:30',
    'use Teams instead',
    'make it 7:30pm',
    'switch to Outlook',
    'wait, every Monday',
    'I meant the #sales channel',
  ])('sees a correction in %j', (text) => {
    expect(hasCorrectionMarker(normalize(text))).toBe(true);
  });

  it.each(['summarize my emails every morning', 'post updates to Slack', 'make it summarize my emails', 'notify me when a deal changes'])(
    'sees none in %j',
    (text) => {
      expect(hasCorrectionMarker(normalize(text))).toBe(false);
    },
  );
});

describe(impliedRemovals.name, () => {
  it('replaces the known tool of the same kind', () => {
    expect(impliedRemovals(normalize('use Teams instead'), ['teams'], ['gmail', 'slack'])).toEqual(['slack']);
  });

  it('replaces nothing without a word that says so', () => {
    expect(impliedRemovals(normalize('also post to Teams'), ['teams'], ['gmail', 'slack'])).toEqual([]);
  });

  it.each(['actually google drive', 'no, google drive', 'sorry i meant google drive', 'hmm actually google drive pls'])(
    'reads a tool said as the correction itself as the replacement: %j',
    (text) => {
      expect(impliedRemovals(normalize(text), ['google_drive'], ['gmail', 'dropbox'])).toEqual(['dropbox']);
    },
  );

  it('swaps nothing by a takeback when two tools could be meant or one is dropped by name', () => {
    expect(impliedRemovals(normalize('actually linear'), ['linear'], ['trello', 'asana'])).toEqual([]);
    expect(impliedRemovals(normalize('actually use linear not asana'), ['linear'], ['trello', 'asana'], ['asana'])).toEqual([]);
  });

  it.each(['actually also google drive', 'no, google drive too', 'actually save to both dropbox and google drive'])('adds, not swaps, in %j', (text) => {
    expect(impliedRemovals(normalize(text), ['google_drive'], ['gmail', 'dropbox'])).toEqual([]);
  });
});

describe(carryDestination.name, () => {
  const slack: Destination = { kind: 'channel', integration: 'slack', target: '#team-updates' };

  it('keeps the channel when the chat tool is swapped', () => {
    expect(carryDestination(slack, ['slack'], ['teams'])).toEqual({ kind: 'channel', integration: 'teams', target: '#team-updates' });
  });

  it('leaves the destination alone when its tool stays', () => {
    expect(carryDestination(slack, ['trello'], ['asana'])).toBeNull();
  });
});

describe('tools dropped in passing', () => {
  it.each([
    ['leave jira out of it, github is enough', ['jira']],
    ['leaving the slack out, post to discord', ['slack']],
    ['salesforce is gone, we switched to hubspot', ['salesforce']],
    ['trello is history now, use asana', ['trello']],
    ['no more asana for us, use linear', ['asana']],
  ])('%s drops %j', (text, expected) => {
    expect(removed(text)).toEqual(expected);
  });

  it('drops a tool taken back in the same message when another is named after it', () => {
    expect(removed('invoices → stripe? no, to a google sheet')).toEqual(['stripe']);
    expect(removed('post it to discord — actually teams')).toEqual(['discord']);
    expect(removed('send to airtable, sorry i mean notion')).toEqual(['airtable']);
  });

  it('keeps tools that are not taken back', () => {
    expect(removed('post to slack rather than teams')).toEqual(['teams']);
    expect(removed('post to slack? no idea which channel, maybe notion too')).toEqual([]);
    expect(removed('post to slack no matter what')).toEqual([]);
    expect(removed('leave a comment in jira and keep github open')).toEqual([]);
    expect(removed('slack is great, use it with notion')).toEqual([]);
  });
});

describe('taken back with "sorry," or "i meant"', () => {
  it('drops the tool before the cue', () => {
    expect(removed('dm me on slack — sorry, on teams — when a ticket is urgent')).toEqual(['slack']);
    expect(removed('save it to dropbox, i meant google drive')).toEqual(['dropbox']);
  });
});

describe('a tool alone said to be used, or skipped by its name', () => {
  it.each(['use discord', "let's go with discord then", 'ok use discord instead'])('replaces the chat tool in %j', (text) => {
    expect(impliedRemovals(normalize(text), ['discord'], ['linear', 'slack'])).toEqual(['slack']);
  });

  it('reads "skip the sheet" as dropping it, but not "drop my calendar in #team"', () => {
    expect(removed('actually skip the sheet')).toEqual(['google_sheets']);
    expect(removed('drop my calendar in the #team channel on discord')).toEqual([]);
  });
});

describe('a tool pointed at another of its kind in a follow-up', () => {
  const swapped = (text: string, correcting: boolean): string[] => {
    const norm = normalize(text);
    return distinctIds([...findRemovedMentions(norm, findMentions(norm), correcting)]);
  };

  it('swaps "teams -> slack", "gmail to outlook" once there is an agent to correct', () => {
    expect(swapped('teams -> slack', true)).toEqual(['teams']);
    expect(swapped('gmail to outlook pls', true)).toEqual(['gmail']);
  });

  it('swaps nothing in a first message, nor between tools of different jobs', () => {
    expect(swapped('dropbox -> google drive', false)).toEqual([]);
    expect(swapped('gmail -> slack', true)).toEqual([]);
  });
});

describe('a replacement said with what it replaces', () => {
  it('drops nothing else of its kind: "a google sheet instead of slack" keeps airtable', () => {
    expect(impliedRemovals(normalize('make it a google sheet instead of slack'), ['google_sheets'], ['airtable'], ['slack'])).toEqual([]);
  });
});
