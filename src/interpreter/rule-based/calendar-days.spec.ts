import { describe, expect, it } from '@jest/globals';
import { everyFewDays, findDays } from './calendar-days.js';

const WEEKDAYS = [1, 2, 3, 4, 5];

describe(findDays.name, () => {
  it.each([
    'every day at 9 no weekends',
    'daily at 9 except weekends',
    'every day but saturday and sunday',
    'every morning at 9 not on weekends',
    'every day at 9 skip weekends',
    'every day at 9 but not on weekends',
    'every day at 6pm weekends off',
    'weekdays only, no weekends',
  ])('reads %j as weekdays', (text) => {
    expect(findDays(text, true)).toEqual({ kind: 'week', days: WEEKDAYS });
  });

  it.each([
    ['every day at 9 except fridays', [0, 1, 2, 3, 4, 6]],
    ['every day except monday at 10', [0, 2, 3, 4, 5, 6]],
    ['every day at 9, no mondays', [0, 2, 3, 4, 5, 6]],
    ['every day at 9 excluding weekends and fridays', [1, 2, 3, 4]],
    ['every day apart from sundays at 8', [1, 2, 3, 4, 5, 6]],
    ['mon to sun at 9 except the weekend', WEEKDAYS],
  ])('takes the days left out of %j off', (text, days) => {
    expect(findDays(text, true)).toEqual({ kind: 'week', days });
  });

  it('takes days left out alone off the days already set', () => {
    expect(findDays('no weekends pls', true, [0, 1, 2, 3, 4, 5, 6])).toEqual({ kind: 'week', days: WEEKDAYS });
    expect(findDays('skip fridays', true, WEEKDAYS)).toEqual({ kind: 'week', days: [1, 2, 3, 4] });
  });

  it('reads a "no" that would leave out days not set as the days taken back in their stead', () => {
    expect(findDays('wait no thursdays', true, [5])).toEqual({ kind: 'week', days: [4] });
    expect(findDays('no mondays', true, WEEKDAYS)).toEqual({ kind: 'week', days: [2, 3, 4, 5] });
    expect(findDays('skip saturdays', true, WEEKDAYS)).toEqual({ kind: 'week', days: WEEKDAYS });
  });

  it('does not leave out a day taken back with "no" (taken-back.ts reads it)', () => {
    expect(findDays('every monday wait no tuesday at 9', true)).toEqual({ kind: 'week', days: [1, 2] });
  });

  it.each(['on weekends at 10am', 'every weekend', 'every day, weekends too'])('still reads %j as it was', (text) => {
    expect(findDays(text, true)?.kind).toBe('week');
    expect(findDays(text, true)).not.toEqual({ kind: 'week', days: WEEKDAYS });
  });

  it.each([
    ['every other day at 8', [1, 3, 5]],
    ['every 2 days', [1, 3, 5]],
    ['every couple of days', [1, 3, 5]],
    ['every 3 days', [1, 4]],
    ['every fortnight on fridays', [5]],
    ['on alternate days at 9', [1, 3, 5]],
    ['twice a week', [1, 4]],
    ['2x a week at 9am', [1, 4]],
    ['three times a week', [1, 3, 5]],
    ['3 times per week', [1, 3, 5]],
    ['four times a week', [1, 2, 4, 5]],
    ['biweekly on fridays', [5]],
    ['every two weeks on tuesday at 2pm', [2]],
    ['every other week', [1]],
    ['fortnightly, monday 9am', [1]],
    ['every other friday at 4', [5]],
  ])('reads %j as the closest days a weekly schedule can say, and says so', (text, days) => {
    const spec = findDays(text, true);
    expect(spec).toEqual({ kind: 'week', days, approx: expect.any(String) });
  });

  it('keeps days that are said over a count ("twice a week (mon + thu at 10)")', () => {
    expect(findDays('twice a week on tuesdays and fridays at 10', true)).toEqual({ kind: 'week', days: [2, 5] });
  });

  it.each([
    ['end of every month', 28],
    ['at month end send the count', 28],
    ['last day of each month at 5pm', 28],
    ['on the last friday of the month', 28],
    ['first monday of the month 10am', 1],
    ['the 2nd tuesday of every month', 8],
    ['third thursday of the month', 15],
  ])('reads %j as the closest day of the month, and says so', (text, day) => {
    expect(findDays(text, true)).toEqual({ kind: 'month', day, approx: expect.any(String) });
  });

  it.each([
    ['twice a month', [15]],
    ['2x a month at 9', [15]],
    ['twice per month', [15]],
    ['semi monthly', [15]],
  ])('reads %j as the 1st and the 15th, and says they were picked', (text, more) => {
    expect(findDays(text, true)).toEqual({ kind: 'month', day: 1, more, approx: expect.any(String) });
  });

  it('reads the days of the month listed', () => {
    expect(findDays('twice a month on the 5th & 20th', true)).toEqual({ kind: 'month', day: 5, more: [20] });
    expect(findDays('on the 15th and the 1st at 8', true)).toEqual({ kind: 'month', day: 1, more: [15] });
    expect(findDays('the 2nd tuesday of every month', true)).toEqual({ kind: 'month', day: 8, approx: expect.any(String) });
  });

  it('gives the days of every 2 and every 3 days, and none for more', () => {
    expect(everyFewDays(2)).toEqual(findDays('every other day', true));
    expect(everyFewDays(3)).toEqual(findDays('every 3 days', true));
    expect(everyFewDays(4)).toBeNull();
  });

  it('takes a day of the month said by its number over the end of the month', () => {
    expect(findDays('at the end of each month... say the 28th', true)).toEqual({ kind: 'month', day: 28 });
    expect(findDays('end of the month, the 30th', true)).toEqual({ kind: 'month', day: 30 });
  });

  it.each([
    'every morning at 8 but on weekdays only',
    'at 8 every day but only on weekdays',
    'at 9 but weekdays only',
    'every day at 8 except weekends and post to #x',
  ])('reads %j as weekdays: "but on/only" narrows the days, it does not leave them out', (text) => {
    expect(findDays(text, true)).toEqual({ kind: 'week', days: WEEKDAYS });
  });
});
