import { describe, expect, it } from '@jest/globals';
import { findDays } from './calendar-days.js';

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
});
