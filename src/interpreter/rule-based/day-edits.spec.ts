import { describe, expect, it } from '@jest/globals';
import type { Recurrence } from '../../conversation/requirements/recurrence.js';
import { daysAgain } from './day-edits.js';
import { normalize } from './text.js';

const weekly = (days: number[]): Recurrence => ({ days, times: ['09:00'], timezone: 'UTC' });

describe(daysAgain.name, () => {
  it.each([
    ['remove monday', [1, 2, 3, 4, 5], [2, 3, 4, 5]],
    ['drop mondays and fridays', [1, 2, 3, 4, 5], [2, 3, 4]],
    ['take off the weekends', [0, 1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5]],
    ['and saturdays', [1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6]],
    ['same but thursdays', [5], [4, 5]],
    ['same but fridays and mondays', [5], [1, 5]],
    ['not fridays, mondays', [5], [1]],
    ['nah not friday but thursday', [5], [4]],
  ])('reads %j of %j as %j', (text, days, expected) => {
    expect(daysAgain(normalize(text), weekly(days))).toEqual(expected);
  });

  it.each(['and make it 10', 'remove the monthly report', 'every month on the 1st', 'same but at 10', 'remove monday'])(
    'leaves %j to the schedule reader (no day, or every day gone, or a monthly schedule)',
    (text) => {
      expect(daysAgain(normalize(text), text === 'remove monday' ? weekly([1]) : weekly([1, 2, 3, 4, 5]))).toBeNull();
    },
  );

  it('leaves a day of the month alone', () => {
    expect(daysAgain('and saturdays', { ...weekly([0, 1, 2, 3, 4, 5, 6]), dayOfMonth: 1 })).toBeNull();
  });
});
