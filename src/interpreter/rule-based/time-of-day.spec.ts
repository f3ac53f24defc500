import { describe, expect, it } from '@jest/globals';
import { normalize } from './text.js';
import { defaultTime, findPartOfDay, findTimes, toHHMM } from './time-of-day.js';

const times = (text: string): string[] => {
  const norm = normalize(text);
  return findTimes(norm, findPartOfDay(norm)).map(toHHMM).sort();
};

describe(findTimes.name, () => {
  it.each([
    ['3 times a day (8, 12, 16) check gmail', ['08:00', '12:00', '16:00']],
    ['three times a day at 8, noon and 4pm', ['08:00', '12:00', '16:00']],
    ['3x a day at 9, 1 and 5', ['09:00', '13:00', '17:00']],
    ['4 times a day at 8 12 16 20 post it', ['08:00', '12:00', '16:00', '20:00']],
    ['3 times per day: 9, 13 and 17 - dm me', ['09:00', '13:00', '17:00']],
    ['thrice a day at 8 12 and 6 send me my calendar', ['08:00', '12:00', '18:00']],
    ['at 7am, 11 and 3 post it', ['07:00', '11:00', '15:00']],
  ])('reads every time of the list in %j', (text, expected) => {
    expect(times(text)).toEqual(expected);
  });

  it.each([
    // The number after a list is a count of things, not another time.
    ['at 9am, 2 reports from jira', ['09:00']],
    // Spaces alone join times only after a count of runs a day: "12 people" is a count.
    ['at 8 12 people get the report', ['08:00']],
    ['every evening 7 post the summary', ['19:00']],
    ['the time should be 10 not 9', ['10:00']],
    ['can it be 7 instead', ['07:00']],
    ['there will be 5 reports', []],
    ['it should be 10 minutes', []],
    ['make it 10 minutes', []],
    // A singular "email" after the hour is the order; "emails" counts them.
    ['on the 1st at 10 email accounting@acme.com a summary', ['10:00']],
    ['at 4 email the team', ['16:00']],
    ['at 10 emails arrive', []],
  ])('reads only the times in %j', (text, expected) => {
    expect(times(text)).toEqual(expected);
  });

  it.each([
    ['each day 18h send me my unread mail', ['18:00']],
    ['le rapport à 8h30 sur slack', ['08:30']],
    ['every 2h check zendesk', []],
    ['the last 24h of stripe payments at 9am', ['09:00']],
  ])('reads a 24-hour time written with "h" in %j, and no interval or span', (text, expected) => {
    expect(times(text)).toEqual(expected);
  });

  it.each(['EOD every day send me my unread mail', 'at COB on weekdays post it', 'at close of business every friday'])(
    'reads %j as the end of the working day, 17:00',
    (text) => {
      const part = findPartOfDay(normalize(text));
      expect(part).toBe('end of day');
      expect(part && toHHMM(defaultTime(part))).toBe('17:00');
    },
  );
});
