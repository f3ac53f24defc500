import { describe, expect, it } from '@jest/globals';
import { findExclusions } from './exclusions.js';

const read = (text: string): string[] => findExclusions(text).map((found) => found.text);

describe(findExclusions.name, () => {
  it.each([
    ['forward my gmail to slack except newsletters', ['not newsletters']],
    ['summarise my inbox but skip anything from noreply', ['not noreply']],
    ['outlook emails to teams, ignore the automated ones from jira', ['not jira']],
    ['new asana tasks, ignore the ones from the marketing team', ['not the marketing team']],
    ['gmail from school, but not the lunch menu emails', ['not lunch menu']],
    ['post new github issues except the ones labelled wontfix', ['not wontfix']],
    ['every jira ticket except the ones in done', ['not done']],
    ['linear issues not in done', ['not done']],
    ['gmail → notion, skip promotions and social tabs', ['not promotions', 'not social']],
    ['slack summary every evening, leave out bot messages', ['not bot messages']],
    ['twitter mentions, no retweets, into #social', ['not retweets']],
    ['gmial from clients, not newsletters, unread only', ['not newsletters']],
    ['new gmail from anyone but my own team', ['not my own team']],
    ['and nothing from linkedin either', ['not linkedin']],
    ['stripe payments over 100 except from test customers', ['not test customers']],
    ['dont include newsletters', ['not newsletters']],
    ["i don't want the promo ones", ['not promo']],
  ])('reads %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('reads an amount left out as the amounts kept', () => {
    expect(read('all stripe payments apart from the ones under 1 dollar → google sheet')).toEqual(['amount >= 1']);
    expect(read('deals except those over 50k')).toEqual(['amount <= 50000']);
  });

  it('spans each value on its own, so that a second one is not hidden by the first', () => {
    const text = 'skip promotions and social tabs';
    const spans = findExclusions(text).map((found) => text.slice(found.span[0], found.span[1]).trim());
    expect(spans).toEqual(['skip promotions', 'and social']);
  });

  it.each([
    'trello card added -> asana task, no notifications needed',
    'no worries, take your time',
    'no need to tell me',
    'ignore me lol',
    'every day except weekends',
    'except on fridays',
    'not slack, teams',
    'no slack please, use teams',
    'anything but slack — new stripe disputes to my email',
    'no, make it 9am',
    'actually not my partner, just me',
    'not #general, #random',
    'no more trello cards',
    'send me my calendar at 9am, no exceptions',
    'every morning at 8, no excuses',
    'every day at 9, no days off, send me my deals',
    'post new tickets, no ifs, no buts',
    'every day, no skipping',
    'no thats fine',
    "no that's fine but at 9",
    'no changes',
    'no no its right',
    'nope all good',
    "don't want it on weekends",
  ])('finds no exclusion in %j', (text) => {
    expect(read(text)).toEqual([]);
  });

  it.each([
    ['summarize my gmail every day at 8 except weekends and post to #x on slack', []],
    ['summarize my gmail except newsletters and post to #x on slack', ['not newsletters']],
  ])('leaves the joining word where the next part was cut off: %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});
