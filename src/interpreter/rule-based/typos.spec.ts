import { describe, expect, it } from '@jest/globals';
import { correctToolWord, correctTypos } from './typos.js';

describe(correctToolWord.name, () => {
  it.each([
    ['slakk', 'slack'],
    ['teems', 'teams'],
    ['dropboks', 'dropbox'],
    ['dropbocks', 'dropbox'],
    ['calender', 'calendar'],
    ['jria', 'jira'],
    ['notoin', 'notion'],
    ['gmial', 'gmail'],
  ])('reads "%s" as %s', (word, tool) => {
    expect(correctToolWord(word)).toBe(tool);
  });

  it.each(['parents', 'team', 'steam', 'teas', 'slick', 'stack', 'black', 'seams', 'books', 'looks', 'tasks', 'nation', 'kicks'])(
    'leaves the ordinary word "%s" alone',
    (word) => {
      expect(correctToolWord(word)).toBeNull();
    },
  );

  it('never swaps the first letter for a sound-alike ("cack" is not "slack", "zlack" is not read)', () => {
    expect(correctToolWord('zlack')).toBeNull();
  });
});

describe(correctTypos.name, () => {
  it('puts misspelled tools right in a sentence and leaves channels alone', () => {
    expect(correctTypos('post in #teems on teems and save to dropboks')).toBe('post in #teems on teams and save to dropbox');
    expect(correctTypos('mail slakc-3b@example.com')).toBe('mail slakc-3b@example.com');
  });
});

describe('ordinary words the readers turn on', () => {
  it.each([
    ['evry day at 9 exept weekends', 'every day at 9 except weekends'],
    ['everytime someone books a meeting', 'every time someone books a meeting'],
    ['a notion page for evrey hubspot deal', 'a notion page for every hubspot deal'],
    ['Dialy on wekdays', 'daily on weekdays'],
    ['wen a new zendesk tikcet comes in', 'when a new zendesk ticket comes in'],
    ['wehn a ticekt is opened', 'when a ticket is opened'],
    ['lmk on teams 10 min b4 every mtg', 'let me know on teams 10 min b4 every meeting'],
    ['LMK when the gcal has smth new', 'let me know when the gcal has something new'],
    ['closed linear tix and mtgs', 'closed linear tickets and meetings'],
  ])('puts %j right', (text, fixed) => {
    expect(correctTypos(text).toLowerCase()).toBe(fixed);
  });

  it('leaves real words near them alone', () => {
    expect(correctTypos('i expect every report daily, except on weekends')).toBe('i expect every report daily, except on weekends');
    expect(correctTypos('i ticked the box on the ticker')).toBe('i ticked the box on the ticker');
  });
});

describe('tools outside the catalog', () => {
  it('are never read as a misspelled catalog tool ("calendly" is not "calendar")', () => {
    expect(correctToolWord('calendly')).toBeNull();
    expect(correctTypos('when a calendly meeting is booked')).toBe('when a calendly meeting is booked');
    expect(correctToolWord('calendr')).toBe('calendar');
  });
});
