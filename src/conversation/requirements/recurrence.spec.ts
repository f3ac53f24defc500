import { describe, expect, it } from '@jest/globals';
import { cronsOf, planInterval, recurrenceFromCron, validInterval } from './recurrence.js';
import { describeRecurrence, nextRuns, scheduleTrigger, scheduleWords } from './schedule-words.js';

describe(recurrenceFromCron.name, () => {
  it.each([
    ['0 8 * * 1-5', { days: [1, 2, 3, 4, 5], times: ['08:00'] }],
    ['30 9,17 * * *', { days: [0, 1, 2, 3, 4, 5, 6], times: ['09:30', '17:30'] }],
    ['0 9 15 * *', { times: ['09:00'], dayOfMonth: 15 }],
    ['*/15 * * * 1-5', { days: [1, 2, 3, 4, 5], times: [], every: { minutes: 15 } }],
    ['0 */2 * * *', { times: [], every: { minutes: 120 } }],
    ['0 * * * *', { times: [], every: { minutes: 60 } }],
    ['0 9 * * 0,6', { days: [0, 6], times: ['09:00'] }],
  ])('reads %s and derives the same cron back', (cron, expected) => {
    const recurrence = recurrenceFromCron(cron);
    expect(recurrence).toMatchObject(expected);
    expect(cronsOf(recurrence!)).toEqual([cron]);
  });

  it.each(['0 9-17/2 * * *', '0 9 * 1 *', '0 9 1 * 1', 'nonsense', '*/45 * * * *'])('keeps %s as a bare cron (no recurrence)', (cron) => {
    expect(recurrenceFromCron(cron)).toBeNull();
  });
});

describe(cronsOf.name, () => {
  it.each([
    [45, ['0 0-21/3 * * *', '45 0-21/3 * * *', '30 1-22/3 * * *', '15 2-23/3 * * *']],
    [90, ['0 0-21/3 * * *', '30 1-22/3 * * *']],
    [40, ['0 0-22/2 * * *', '40 0-22/2 * * *', '20 1-23/2 * * *']],
    [480, ['0 */8 * * *']],
  ])('says every %i minutes exactly, counted from midnight', (minutes, crons) => {
    expect(cronsOf({ days: [0, 1, 2, 3, 4, 5, 6], times: [], every: { minutes }, timezone: 'UTC' })).toEqual(crons);
  });

  it('runs every 45 minutes 45 minutes apart across the hours and midnight', () => {
    const trigger = scheduleTrigger({ days: [0, 1, 2, 3, 4, 5, 6], times: [], every: { minutes: 45 }, timezone: 'UTC' });
    expect(nextRuns(trigger, Date.UTC(2026, 11, 4, 22, 40), 5)).toEqual([
      '2026-12-04T23:15:00.000Z',
      '2026-12-05T00:00:00.000Z',
      '2026-12-05T00:45:00.000Z',
      '2026-12-05T01:30:00.000Z',
      '2026-12-05T02:15:00.000Z',
    ]);
    expect(scheduleWords(trigger)).toBe('Every 45 minutes, counted from 00:00 (UTC)');
  });
});

describe(validInterval.name, () => {
  it.each([1, 5, 15, 40, 45, 90, 120, 480, 720])('takes every %i minutes (it divides the day)', (minutes) => {
    expect(validInterval(minutes)).toBe(true);
  });

  it.each([0, 7, 50, 300, 1440, 2.5])('refuses every %s minutes (runs would drift across midnight)', (minutes) => {
    expect(validInterval(minutes)).toBe(false);
  });
});

describe(planInterval.name, () => {
  it.each([15, 45, 90, 480])('keeps every %i minutes as said (it divides the day)', (minutes) => {
    expect(planInterval(minutes)).toEqual({ kind: 'exact', minutes });
  });

  it.each([
    [7, 6],
    [13, 12],
    [25, 20],
    [35, 30],
    [50, 60],
  ])('runs every %i minutes every %i, the nearest interval that divides the hour', (minutes, rounded) => {
    expect(planInterval(minutes)).toEqual({ kind: 'rounded', minutes: rounded });
  });

  it('runs an hour or more that does not divide the day at the times it falls on, again each day', () => {
    expect(planInterval(300)).toEqual({ kind: 'times', times: ['00:00', '05:00', '10:00', '15:00', '20:00'] });
    expect(planInterval(150)).toMatchObject({ kind: 'times', times: expect.arrayContaining(['02:30', '22:30']) });
    expect(planInterval(300, 8 * 60)).toEqual({ kind: 'times', times: ['08:00', '13:00', '18:00', '23:00'] });
  });

  it.each([0, 1440, 2880, 2.5])('has no plan for every %s minutes (a day or more, or a fraction: ask)', (minutes) => {
    expect(planInterval(minutes)).toBeNull();
  });
});

describe(describeRecurrence.name, () => {
  it.each([
    [{ days: [1, 2, 3, 4, 5], times: ['08:00'] }, 'every weekday at 8:00'],
    [{ days: [0, 6], times: ['10:30'] }, 'every Saturday and Sunday at 10:30'],
    [{ days: [1, 3], times: ['09:00', '17:00'] }, 'every Monday and Wednesday at 9:00 and 17:00'],
    [{ days: [1, 2, 3, 4, 5], times: [], every: { minutes: 30 } }, 'every 30 minutes on weekdays'],
    [{ days: [0, 1, 2, 3, 4, 5, 6], times: [], every: { minutes: 90 } }, 'every 90 minutes'],
    [{ days: [0, 1, 2, 3, 4, 5, 6], times: [], every: { minutes: 180 } }, 'every 3 hours'],
    [{ days: [], times: ['09:00'], dayOfMonth: 1 }, 'on the 1st of every month at 9:00'],
  ])('%j reads %j', (fields, words) => {
    expect(describeRecurrence({ timezone: 'UTC', ...fields })).toBe(words);
  });
});

describe(nextRuns.name, () => {
  it('gives the next three runs over every cron of a schedule, in order', () => {
    const trigger = scheduleTrigger({ days: [1, 2, 3, 4, 5], times: ['09:15', '17:30'], timezone: 'UTC' });
    expect(nextRuns(trigger, Date.UTC(2026, 11, 4, 12, 0))).toEqual([
      '2026-12-04T17:30:00.000Z',
      '2026-12-07T09:15:00.000Z',
      '2026-12-07T17:30:00.000Z',
    ]);
    expect(scheduleWords(trigger)).toBe('At 09:15, Monday through Friday; At 17:30, Monday through Friday (UTC)');
  });

  it('reads the times in the schedule zone', () => {
    const trigger = scheduleTrigger({ days: [0, 1, 2, 3, 4, 5, 6], times: ['09:00'], timezone: 'Europe/Paris' });
    expect(nextRuns(trigger, Date.UTC(2026, 11, 4, 12, 0), 1)).toEqual(['2026-12-05T08:00:00.000Z']);
  });

  it('answers within a minute as the instant itself would, the run at the minute excluded', () => {
    const trigger = scheduleTrigger({ days: [0, 1, 2, 3, 4, 5, 6], times: ['08:00', '08:01'], timezone: 'UTC' });
    const eight = Date.UTC(2026, 11, 4, 8, 0);
    expect(nextRuns(trigger, eight - 1, 1)).toEqual(['2026-12-04T08:00:00.000Z']);
    for (const now of [eight, eight + 1, eight + 30_000, eight + 59_999]) {
      expect(nextRuns(trigger, now, 1)).toEqual(['2026-12-04T08:01:00.000Z']);
    }
    expect(nextRuns(trigger, eight + 60_000, 1)).toEqual(['2026-12-05T08:00:00.000Z']);
  });
});
