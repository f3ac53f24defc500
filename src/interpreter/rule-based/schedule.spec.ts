import { describe, expect, it } from '@jest/globals';
import type { Trigger } from '../../conversation/requirements/requirements.js';
import { dailyAt, monthDaysOf, monthDaysTrigger, readSchedule, saysLooseRecurrence } from './schedule.js';
import { normalize } from './text.js';

const read = (text: string, existing: Trigger | null = null) => readSchedule(normalize(text), existing);
const PICKED = '(times picked for you over the working day; say others to change them)';

describe(readSchedule.name, () => {
  it.each([
    ['every weekday at 8am', '0 8 * * 1-5', 'every weekday at 8:00'],
    ['every morning at 8am', '0 8 * * *', 'every day at 8:00'],
    ['every morning', '0 8 * * *', 'every day at 8:00'],
    ['Mondays 9:30', '30 9 * * 1', 'every Monday at 9:30'],
    ['every Monday at 9:30am', '30 9 * * 1', 'every Monday at 9:30'],
    ['hourly', '0 * * * *', 'every hour'],
    ['every hour', '0 * * * *', 'every hour'],
    ['every 15 minutes', '*/15 * * * *', 'every 15 minutes'],
    ['every minute', '* * * * *', 'every minute'],
    ['every half hour', '*/30 * * * *', 'every 30 minutes'],
    ['every 2 hours', '0 */2 * * *', 'every 2 hours'],
    ['every hour on weekdays', '0 * * * 1-5', 'every hour on weekdays'],
    ['daily at 5pm', '0 17 * * *', 'every day at 17:00'],
    ['every day at noon', '0 12 * * *', 'every day at 12:00'],
    ['every night at midnight', '0 0 * * *', 'every day at 0:00'],
    ['twice a day', '0 9,17 * * *', `twice a day at 9:00 and 17:00 ${PICKED}`],
    ['twice a day at 8am and 6pm', '0 8,18 * * *', 'twice a day at 8:00 and 18:00'],
    ['every day at 9am and 5pm', '0 9,17 * * *', 'every day at 9:00 and 17:00'],
    ['every Friday afternoon', '0 15 * * 5', 'every Friday at 15:00'],
    ['weekly on Sunday evening', '0 18 * * 0', 'every Sunday at 18:00'],
    ['every evening at 7', '0 19 * * *', 'every day at 19:00'],
    ['on the 1st of every month at 9am', '0 9 1 * *', 'on the 1st of every month at 9:00'],
    ['monthly on the 15th', '0 9 15 * *', 'on the 15th of every month at 9:00'],
    ['monthly', '0 9 1 * *', 'on the 1st of every month at 9:00'],
    ['weekly', '0 9 * * 1', 'every Monday at 9:00'],
    ['every Monday and Thursday at 10:15', '15 10 * * 1,4', 'every Monday and Thursday at 10:15'],
    ['Monday to Friday at 6:45 a.m.', '45 6 * * 1-5', 'every weekday at 6:45'],
    ['on weekends at 10am', '0 10 * * 0,6', 'every Saturday and Sunday at 10:00'],
    ['each business day at the end of the day', '0 17 * * 1-5', 'every weekday at 17:00'],
    ['at 8am every day', '0 8 * * *', 'every day at 8:00'],
    ['every weekday morning', '0 8 * * 1-5', 'every weekday at 8:00'],
    ['every Tue at 12:30pm', '30 12 * * 2', 'every Tuesday at 12:30'],
    // Intervals said other ways.
    ['every couple of hours', '0 */2 * * *', 'every 2 hours'],
    ['every other hour', '0 */2 * * *', 'every 2 hours'],
    ['twice an hour', '*/30 * * * *', 'every 30 minutes'],
    ['four times an hour', '*/15 * * * *', 'every 15 minutes'],
    ['ev 15m', '*/15 * * * *', 'every 15 minutes'],
    ['every 2h', '0 */2 * * *', 'every 2 hours'],
    // Intervals that divide the day but not the hour: several crons, the first one here.
    ['every 45 minutes', '0 0-21/3 * * *', 'every 45 minutes'],
    ['every 90 minutes', '0 0-21/3 * * *', 'every 90 minutes'],
    ['every 1.5 hours', '0 0-21/3 * * *', 'every 90 minutes'],
    // A dotted time keeps its minutes before a day word ("9.30 weekdays").
    ['at 9.30 weekdays', '30 9 * * 1-5', 'every weekday at 9:30'],
    ['at 10.45 every saturday', '45 10 * * 6', 'every Saturday at 10:45'],
    ['every tues and thurs at 4.15 in the afternoon', '15 16 * * 2,4', 'every Tuesday and Thursday at 16:15'],
    // A time said in words is a working hour, like a bare "at 4".
    ['twenty to five on weekdays', '40 16 * * 1-5', 'every weekday at 16:40'],
    ['ten past six every morning', '10 6 * * *', 'every day at 6:10'],
    ['at five thirty pm each friday', '30 17 * * 5', 'every Friday at 17:30'],
    // An hour right after a part of the day, and a day of the month after "every".
    ['every morning 9', '0 9 * * *', 'every day at 9:00'],
    ['every evening 7 post a summary to #dev', '0 19 * * *', 'every day at 19:00'],
    ['weekday mornings 7 send me the calendar', '0 7 * * 1-5', 'every weekday at 7:00'],
    ['every night 10 back up my notion', '0 22 * * *', 'every day at 22:00'],
    // A number after the part of the day that counts things is no hour: the part's own time.
    ['every morning 5 new emails to slack', '0 8 * * *', 'every day at 8:00'],
    ['every evening 3 tickets get posted', '0 18 * * *', 'every day at 18:00'],
    ['every 1st at 6am', '0 6 1 * *', 'on the 1st of every month at 6:00'],
    ['just the 15th at 10', '0 10 15 * *', 'on the 15th of every month at 10:00'],
    // Taken back in the same breath: the later value is read.
    ['every month on the 31st... no, the 30th', '0 9 30 * *', 'on the 30th of every month at 9:00'],
    ['every day at 8am — sorry, 9am', '0 9 * * *', 'every day at 9:00'],
    ['every monday, wait no, tuesday at 9', '0 9 * * 2', 'every Tuesday at 9:00'],
    // A count of runs a day without its times: times spread over the working day, said to be picked.
    ['three times a day', '0 9,13,17 * * *', `three times a day at 9:00, 13:00 and 17:00 ${PICKED}`],
    ['3x/day', '0 9,13,17 * * *', `three times a day at 9:00, 13:00 and 17:00 ${PICKED}`],
    ['4 times per day', '0 9,12,15,18 * * *', `four times a day at 9:00, 12:00, 15:00 and 18:00 ${PICKED}`],
    ['thrice daily', '0 9,13,17 * * *', `three times a day at 9:00, 13:00 and 17:00 ${PICKED}`],
    ['three times a day from 8am', '0 8,12,16 * * *', `three times a day at 8:00, 12:00 and 16:00 ${PICKED}`],
    ['twice a day on weekdays', '0 9,17 * * 1-5', `every weekday at 9:00 and 17:00 ${PICKED}`],
    ['three times a day at 8, noon and 4pm', '0 8,12,16 * * *', 'three times a day at 8:00, 12:00 and 16:00'],
  ])('reads %j as %s', (text, cron, description) => {
    // Requirements v2: the trigger also carries the structured recurrence its cron is derived from.
    expect(read(text)).toEqual({ trigger: expect.objectContaining({ type: 'schedule', cron, description, recurrence: expect.any(Object) }), time: null });
  });

  it.each([
    ['actually make it 9am', '09:00'],
    ['change the time to 7:30', '07:30'],
    ['make it 7:30pm', '19:30'],
    ['at 17:45', '17:45'],
    ['around noon', '12:00'],
    // Without am/pm, an hour from 1 to 6 is read as the afternoon (people schedule work then, not at dawn).
    ['at 6', '18:00'],
    ['at 0600', '06:00'],
    ['quarter to nine', '08:45'],
    ['ten past six pm', '18:10'],
    ['half 8', '08:30'],
    ['at 6.15pm', '18:15'],
    ['quarter to five', '16:45'],
    ['at 4:40', '04:40'],
    // "email me" after the hour is the order, not a count of emails.
    ['at 5 email me the totals', '17:00'],
  ])('reads %j as only a time, %s', (text, time) => {
    expect(read(text)).toEqual({ trigger: null, time });
  });

  it('reads days after "make it" as the whole set, though something else is added', () => {
    const mondays: Trigger = { type: 'schedule', cron: '0 9 * * 1', description: 'every Monday at 9:00' };
    expect(read('make it fridays at 4 and add #leadership', mondays).trigger?.cron).toBe('0 16 * * 5');
    expect(read('add fridays too', mondays).trigger?.cron).toBe('0 9 * * 1,5');
  });

  it('keeps the existing time when only the days change', () => {
    const existing: Trigger = { type: 'schedule', cron: '30 7 * * *', description: 'every day at 7:30' };
    expect(read('make it weekdays only', existing).trigger?.cron).toBe('30 7 * * 1-5');
  });

  it.each([
    'every email from my boss',
    'every time a payment fails',
    'every',
    'I sat in the sun on Monday',
    'top 5 emails',
    'every 3rd email',
    'every 96 hours',
    'in order to get 3 items',
  ])('finds no schedule in %j', (text) => {
    expect(read(text)).toEqual({ trigger: null, time: null });
  });

  it.each(['in the morning send me my tasks', 'around 9ish', 'every now and then', 'after work every day', 'this afternoon I met a friend'])(
    'asks rather than guesses a loose time in %j',
    (text) => {
      expect(read(text)).toEqual({ trigger: null, time: null, vague: true });
    },
  );

  it.each([
    ['every 7 minutes', '*/6 * * * *', 'every 6 minutes (the closest to every 7 minutes that repeats evenly)'],
    ['every seven minutes', '*/6 * * * *', 'every 6 minutes (the closest to every 7 minutes that repeats evenly)'],
    ['every 25 min on weekdays', '*/20 * * * 1-5', 'every 20 minutes on weekdays (the closest to every 25 minutes that repeats evenly)'],
    ['every 5 hours', '0 0,5,10,15,20 * * *', 'every 5 hours counted from 0:00 each day: every day at 0:00, 5:00, 10:00, 15:00 and 20:00'],
    ['every 5 hours starting at 8am', '0 8,13,18,23 * * *', 'every 5 hours counted from 8:00 each day: every day at 8:00, 13:00, 18:00 and 23:00'],
    ['every 24 hours', '0 9 * * *', 'every day at 9:00'],
    ['every 24h at 6pm', '0 18 * * *', 'every day at 18:00'],
  ])('reads %j, an interval that does not divide the day, as the closest schedule, said in words', (text, cron, description) => {
    expect(read(text).trigger).toMatchObject({ type: 'schedule', cron, description });
  });

  it('says every 2.5 hours in hours, from midnight, in two crons', () => {
    const trigger = read('every 2.5 hours').trigger;
    expect(trigger?.description).toMatch(/^every 2\.5 hours counted from 0:00 each day: every day at 0:00, 2:30, 5:00/);
    expect(trigger?.crons).toEqual(['0 0,5,10,15,20 * * *', '30 2,7,12,17,22 * * *']);
  });

  it.each([
    ['every hour 9 to 5 on weekdays', '0 9,10,11,12,13,14,15,16,17 * * 1-5', 'every hour from 9:00 to 17:00 on weekdays'],
    ['weekdays 9-5 hourly', '0 9,10,11,12,13,14,15,16,17 * * 1-5', 'every hour from 9:00 to 17:00 on weekdays'],
    ['every 2 hours from 8am to 6pm', '0 8,10,12,14,16,18 * * *', 'every 2 hours from 8:00 to 18:00'],
    ['every 3 hours between 9 and 9', '0 9,12,15,18,21 * * *', 'every 3 hours from 9:00 to 21:00'],
    ['hourly during business hours', '0 9,10,11,12,13,14,15,16,17 * * *', 'every hour from 9:00 to 17:00'],
    ['every hour 9-11am', '0 9,10,11 * * *', 'every hour from 9:00 to 11:00'],
  ])('keeps the hours an interval runs between in %j, as times', (text, cron, description) => {
    expect(read(text).trigger).toMatchObject({ cron, description });
  });

  it('keeps every 30 minutes between two hours as two crons', () => {
    expect(read('every 30 mins between 9am and 11am').trigger).toMatchObject({
      crons: ['0 9,10,11 * * *', '30 9,10 * * *'],
      description: 'every 30 minutes from 9:00 to 11:00',
      recurrence: { times: ['09:00', '09:30', '10:00', '10:30', '11:00'] },
    });
  });

  it('runs an interval too frequent to keep as times all day, and says the hours were not kept', () => {
    expect(read('every 5 minutes from 9 to 5').trigger).toMatchObject({
      cron: '*/5 * * * *',
      description: 'every 5 minutes (the hours 9:00 to 17:00 were not kept: a schedule this frequent runs all day; say every 15 minutes or more to keep them)',
    });
  });

  it.each(['every hour post the top 3 to 5 stories', 'every 2 hours send me 10 to 20 leads'])('reads no hours in %j', (text) => {
    expect(read(text).trigger?.recurrence?.times).toEqual([]);
  });

  it.each([
    ['every 48 hours', '0 9 * * 1,3,5'],
    ['every 48hrs at 7am', '0 7 * * 1,3,5'],
    ['every 48h', '0 9 * * 1,3,5'],
    ['every 72 hours at 6pm', '0 18 * * 1,4'],
  ])('runs %j as every other day or every 3 days do', (text, cron) => {
    expect(read(text).trigger).toMatchObject({ cron, description: expect.stringContaining('a weekly schedule can say') });
  });

  it.each([
    ['twice a month', '0 9 1,15 * *', 'on the 1st and 15th of every month at 9:00 (twice a month: days picked for you; say other days to change them)'],
    ['2x per month at 10am', '0 10 1,15 * *', 'on the 1st and 15th of every month at 10:00 (twice a month: days picked for you; say other days to change them)'],
    ['semi-monthly', '0 9 1,15 * *', 'on the 1st and 15th of every month at 9:00 (twice a month: days picked for you; say other days to change them)'],
    ['twice a month on the 5th and 20th', '0 9 5,20 * *', 'on the 5th and 20th of every month at 9:00'],
    ['on the 1st and 15th at 8', '0 8 1,15 * *', 'on the 1st and 15th of every month at 8:00'],
    ['every 1st, 10th and 20th of the month', '0 9 1,10,20 * *', 'on the 1st, 10th and 20th of every month at 9:00'],
  ])('reads %j as several days of the month, kept as a cron (a recurrence holds one)', (text, cron, description) => {
    expect(read(text).trigger).toEqual({ type: 'schedule', cron, description });
  });

  it('reads several times a day, each with its own minutes', () => {
    expect(read('at 8am, 1:30pm and 6pm on weekdays').trigger).toMatchObject({
      cron: '0 8,18 * * 1-5',
      crons: ['0 8,18 * * 1-5', '30 13 * * 1-5'],
      recurrence: { times: ['08:00', '13:30', '18:00'] },
    });
  });
});

describe(monthDaysTrigger.name, () => {
  it('runs on the days of the month at each time, one cron per minute past the hour', () => {
    expect(monthDaysTrigger([1, 15], ['09:00', '17:30'])).toEqual({
      type: 'schedule',
      cron: '0 9 1,15 * *',
      crons: ['0 9 1,15 * *', '30 17 1,15 * *'],
      description: 'on the 1st and 15th of every month at 9:00 and 17:30',
    });
  });

  it('reads back the days of such a cron, and none of others', () => {
    expect(monthDaysOf('0 9 1,15 * *')).toEqual([1, 15]);
    expect(monthDaysOf('0 9 1 * *')).toBeNull();
    expect(monthDaysOf('0 9 1,15 * 1')).toBeNull();
  });
});

describe(dailyAt.name, () => {
  it('turns a time into a daily schedule', () => {
    expect(dailyAt('17:45')).toMatchObject({ type: 'schedule', cron: '45 17 * * *', description: 'every day at 17:45' });
  });
});

describe(saysLooseRecurrence.name, () => {
  it.each(['periodically copy new files', 'now and then send me a digest', 'regularly check jira'])('finds a loose recurrence in %j', (text) => {
    expect(saysLooseRecurrence(text)).toBe(true);
  });

  it.each(['my etsy-ish shop', 'every day at 9', 'when a new email arrives'])('finds none in %j', (text) => {
    expect(saysLooseRecurrence(text)).toBe(false);
  });

  it.each([
    ['every other day at 8', '0 8 * * 1,3,5', 'every Monday, Wednesday and Friday at 8:00 (the closest to every other day'],
    ['twice a week', '0 9 * * 1,4', 'every Monday and Thursday at 9:00 (days picked for you'],
    ['biweekly on fridays at 4pm', '0 16 * * 5', 'every Friday at 16:00 (every week: a schedule cannot skip weeks'],
    ['end of every month', '0 9 28 * *', 'on the 28th of every month at 9:00 (the 28th, the last day every month has'],
    ['on the last day of the month', '0 9 28 * *', 'on the 28th of every month at 9:00 (the 28th'],
    ['first monday of the month at 10am', '0 10 1 * *', 'on the 1st of every month at 10:00 (the closest to the first Monday of the month'],
  ])('runs %j as the closest schedule a cron can say, and says what will run', (text, cron, words) => {
    const trigger = read(text).trigger;
    expect(trigger?.cron).toBe(cron);
    expect(trigger?.description.startsWith(words)).toBe(true);
  });
});
