import { cronsOf, DEFAULT_TIMEZONE, EVERY_DAY, hhmm, planInterval, type Recurrence } from '../../conversation/requirements/recurrence.js';
import type { ScheduleTrigger, Trigger } from '../../conversation/requirements/requirements.js';
import { describeRecurrence, listWords, normalizeTrigger, ordinal, scheduleTrigger } from '../../conversation/requirements/schedule-words.js';
import { everyFewDays, findDays, type DaySpec } from './calendar-days.js';
import { hoursWindow, type HoursWindow } from './hours-window.js';
import { withoutTakenBack } from './taken-back.js';
import { includesAny } from './text.js';
import { defaultTime, findPartOfDay, findTimes, toHHMM, type ClockTime } from './time-of-day.js';

export type { ScheduleTrigger };

/** What a message says about when the agent runs. */
export interface ScheduleReading {
  /** A complete schedule ("every weekday at 8am"). */
  trigger: ScheduleTrigger | null;
  /** Only a time of day was said ("make it 9am", "at 17:45"): `HH:MM`, for the caller to place. */
  time: string | null;
  /** The time was too loose to guess ("in the morning", "around 9ish", "now and then"): ask, do not guess. */
  vague?: true;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, 'forty five': 45, 'forty-five': 45, fifty: 50,
  'half an': 30, 'quarter of an': 15,
};
const COUNT = String.raw`(\d{1,3}(?:\.5)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty[- ]five|forty|fifty|half an|quarter of an)`;
const INTERVAL = new RegExp(
  // "every 48hrs", "every 30mins": a number may be written against its unit.
  String.raw`\bevery\s+(?:${COUNT}\s+|(\d{1,3})(?=[mh]))?(minute|min|hour|hr)s?\b|\b(hourly)\b|\bevery (half|quarter)[- ]hour\b`,
);
/** Intervals said other ways: "every couple of hours", "every other hour", "twice an hour", "ev 15m". */
const OTHER_INTERVAL = new RegExp(
  [
    String.raw`\bevery (?:couple of|other|second) (minute|min|hour|hr)s?\b`,
    String.raw`\b(twice|two times|three times|four times|2x|3x|4x) (?:an|a|per|each) hour\b`,
    String.raw`\b(?:every|ev|evry) ?(\d{1,3}) ?(m|h)\b`,
  ].join('|'),
);
// Guards: INTERVAL says "every" or "hourly"; OTHER_INTERVAL "every", "twice", "times" or a digit ("2x", "ev 15m").
const INTERVAL_WORDS = ['every', 'hourly'];
const OTHER_INTERVAL_WORDS = ['every', 'twice', 'times'];
const DIGIT = /\d/;
const TIMES_AN_HOUR: Readonly<Record<string, number>> = { twice: 2, 'two times': 2, 'three times': 3, 'four times': 4, '2x': 2, '3x': 3, '4x': 4 };
/** A count of runs a day: "twice a day", "three times daily", "3x/day", "4 times per day". */
const RUNS_A_DAY = new RegExp(
  String.raw`\b(?:(twice|thrice)|(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s*(?:times|x))\s*(?:(?:a|per|each|\/)\s*day\b|daily\b)`,
);
const RUN_COUNTS: Readonly<Record<string, number>> = { twice: 2, thrice: 3 };
/** Guard: RUNS_A_DAY needs "twice", "thrice", "times" or "x". */
const RUNS_A_DAY_WORDS = ['twice', 'thrice', 'times', 'x'];
/** Runs a day without times are spread from 9:00 (or the time said) over the working day: twice is 9:00 and 17:00. */
const WORKING_DAY_HOURS = 8;
const MOST_RUNS_A_DAY = 12;
/** Loose times: a question is better than a guess. */
const VAGUE = new RegExp(
  [
    String.raw`\b(?:sometimes?|some ?time|regularly|periodically|occasionally|now and (?:then|again)|once in a while|every (?:so often|now and then)|from time to time)\b`,
    String.raw`\b\d{1,2}\s*-?ish\b|\b(?:soon|early|late)-?ish\b|\bish\b`,
    String.raw`\b(?:before|after|around|at|by) (?:lunch(?:time)?|work|dinner|breakfast)\b|\blunchtime\b`,
    String.raw`\b(?:early|late) (?:morning|evening|afternoon|night)\b|\bfirst thing\b|\bdoesn'?t matter when\b`,
  ].join('|'),
);
/** A loose "how often" ("periodically", "now and then"): it says the agent runs on a schedule, just not which. */
const LOOSE_RECURRENCE = /\b(?:regularly|periodically|occasionally|now and (?:then|again)|once in a while|every (?:so often|now and then)|from time to time)\b/;

/** Whether `text` says the agent runs now and then, without saying when ("periodically copy new files"). */
export function saysLooseRecurrence(text: string): boolean {
  return LOOSE_RECURRENCE.test(text);
}
/** A time said as roughly that ("9ish"): vague even with a number in it. */
const ROUGHLY = /\b\d{1,2}\s*-?ish\b|\b(?:sometime|some time) (?:around|after|before)\b/;
/** A part of the day with nothing recurring ("in the morning send me …"): no schedule said. */
const LOOSE_PART = /\b(?:in|during) the (?:morning|afternoon|evening|night)s?\b|\bin the evenings\b|\bat the end of the (?:day|week)\b|\bthis (?:morning|afternoon|evening)\b/;
const RECURRING = /\b(?:every|each|daily|nightly|weekly|monthly|hourly|weekdays?|weekends?)\b|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*s\b/;

const NOT_THAT = /\bnot (?:just|only) (?:on )?[\w-]+|\bnot (?:at )?(?:midnight|noon|\d{1,2}(?::\d\d)?\s*(?:am|pm)?)(?![\w:])/g;
const ADDING = /\b(?:add|also|plus|as well|too)\b/;
/** "Make it fridays at 4 and add #leadership": the days said are the whole set, whatever else is added. */
const DAYS_REPLACED = /\b(?:make (?:it|that)|change (?:it|that) to|switch (?:it )?to|move (?:it|that) to|instead)\b/;
const THE_NTH = /\bthe (\d{1,2})(?:st|nd|rd|th)\b/g;

/**
 * Days read against the schedule being corrected: "add Saturday" joins the days already set, "the
 * 28th" moves a monthly day.
 */
function correctedDays(text: string, previous: Recurrence | null, days: DaySpec | null): DaySpec | null {
  if (!previous) return days;
  if (previous.dayOfMonth !== undefined && !days) {
    const last = [...text.matchAll(THE_NTH)].at(-1);
    const day = Number(last?.[1]);
    return day >= 1 && day <= 31 ? { kind: 'month', day } : days;
  }
  if (days?.kind === 'week' && previous.dayOfMonth === undefined && ADDING.test(text) && !DAYS_REPLACED.test(text)) {
    return { kind: 'week', days: [...new Set([...previous.days, ...days.days])].sort((a, b) => a - b) };
  }
  return days;
}

function distinctTimes(times: readonly ClockTime[]): ClockTime[] {
  return times.filter((time, index) => times.findIndex((other) => other.hour === time.hour && other.minute === time.minute) === index);
}

/** Minutes between runs said without "every N minutes/hours". */
function otherInterval(text: string): number | null {
  if (!includesAny(text, OTHER_INTERVAL_WORDS) && !DIGIT.test(text)) return null;
  const m = OTHER_INTERVAL.exec(text);
  if (!m) return null;
  if (m[1] !== undefined) return m[1].startsWith('h') ? 120 : 2;
  if (m[2] !== undefined) return 60 / (TIMES_AN_HOUR[m[2]] ?? 1);
  return Number(m[3]) * (m[4] === 'h' ? 60 : 1);
}

function interval(text: string): number | null {
  const m = includesAny(text, INTERVAL_WORDS) ? INTERVAL.exec(text) : null;
  if (!m) return otherInterval(text);
  if (m[4] !== undefined) return 60;
  if (m[5] !== undefined) return m[5] === 'half' ? 30 : 15;
  const said = m[1] ?? m[2];
  const count = said === undefined ? 1 : (NUMBER_WORDS[said] ?? Number(said));
  return m[3]?.startsWith('h') ? count * 60 : count;
}

function datesOf(spec: DaySpec | null): Pick<Recurrence, 'days' | 'dayOfMonth'> {
  if (spec?.kind === 'month') return { days: [...EVERY_DAY], dayOfMonth: spec.day };
  return { days: spec ? [...spec.days] : [...EVERY_DAY] };
}

function existingRecurrence(existing: Trigger | null): Recurrence | null {
  if (existing?.type !== 'schedule') return null;
  if (existing.recurrence) return existing.recurrence;
  const normalized = normalizeTrigger(existing);
  return normalized.type === 'schedule' ? (normalized.recurrence ?? null) : null;
}

/**
 * Reads a schedule from `text` (normalised). A recurring schedule without a time takes the part of the
 * day's default ("every morning" is 8:00), else the existing schedule's times, else 9:00; a loose time
 * ("in the morning", "around 9ish") gives none and is marked vague.
 */
export function readSchedule(said: string, existing: Trigger | null = null): ScheduleReading {
  // "at 8am - sorry, 9am": only the later value is read; "every day, not just weekdays", "noon, not midnight": what is denied is not read.
  const corrected = withoutTakenBack(said);
  const text = corrected.includes('not ') ? corrected.replace(NOT_THAT, ' ') : corrected;
  const previous = existingRecurrence(existing);
  const part = findPartOfDay(text);
  // Distinct: a time taken back and said again ("7am... no, 7:30") is one time, not two.
  const times = distinctTimes(findTimes(text, part));
  const every = interval(text);
  // "Every 48 hours" runs as every other day does, "every 72 hours" as every 3 days.
  const apart = every !== null && every > MINUTES_A_DAY && every % MINUTES_A_DAY === 0 ? everyFewDays(every / MINUTES_A_DAY) : null;
  const days = apart ?? correctedDays(text, previous, findDays(text, times.length > 0 || previous !== null, previous?.dayOfMonth === undefined ? (previous?.days ?? null) : null));
  // "Every 24 hours" is once a day, at the time said (or the usual one).
  const daily = every === MINUTES_A_DAY;
  // Only an interval is read for hours it runs between ("every hour, 9 to 5"): the window's guard.
  if (every !== null && !daily && !apart) return { trigger: intervalTrigger(every, days, times[0], hoursWindow(text)), time: null };
  // ROUGHLY needs a digit or "time" ("sometime", "some time").
  if (((DIGIT.test(text) || text.includes('time')) && ROUGHLY.test(text)) || (times.length === 0 && (VAGUE.test(text) || (LOOSE_PART.test(text) && !RECURRING.test(text))))) {
    return { trigger: null, time: null, vague: true };
  }
  const runs = runsADay(text);
  // One time alone is for the caller to place (a correction, or daily); several say a daily schedule.
  if (!days && runs === null && !daily && times.length < 2) return { trigger: null, time: times[0] ? toHHMM(times[0]) : null };
  // "Three times a day" without its times: times picked for the user, which the description says.
  const picked = runs !== null && times.length < 2;
  const at = picked ? spreadOverWorkingDay(runs, times[0] ?? (part ? defaultTime(part) : undefined)) : times;
  const clock = at.length > 0 ? [...new Set(at.map(toHHMM))].sort() : part ? [toHHMM(defaultTime(part))] : previous?.times.length ? previous.times : [hhmm(9, 0)];
  const recurrence: Recurrence = { ...datesOf(days), times: clock, timezone: previous?.timezone ?? DEFAULT_TIMEZONE };
  const words = describeRecurrence(recurrence);
  const counted = runs !== null && recurrence.days.length === 7 && recurrence.dayOfMonth === undefined ? words.replace(/^every day/, runsWords(runs)) : words;
  // A schedule a cron cannot say exactly ("every other day", "the first monday of the month") runs as the closest one, said in words.
  const closest = days?.approx === undefined ? counted : `${counted} (${days.approx})`;
  const description = picked ? `${closest} (times picked for you over the working day; say others to change them)` : closest;
  if (days?.kind === 'month' && days.more) return { trigger: monthDaysTrigger([days.day, ...days.more], clock, days.approx), time: null };
  return { trigger: scheduleTrigger(recurrence, description), time: null };
}

/**
 * A schedule on several days of the month ("twice a month": the 1st and the 15th). A recurrence holds one day of
 * the month, so this one is kept as its cron (`0 9 1,15 * *`), as a cron no recurrence can say is; `approx` says
 * the days were picked.
 */
export function monthDaysTrigger(days: readonly number[], times: readonly string[], approx?: string): ScheduleTrigger {
  const [first = 1] = days;
  const one: Recurrence = { days: [...EVERY_DAY], dayOfMonth: first, times: [...times], timezone: DEFAULT_TIMEZONE };
  const field = days.join(',');
  const crons = cronsOf(one).map((cron) => cron.replace(/^(\S+ \S+) \S+/, `$1 ${field}`));
  const words = describeRecurrence(one).replace(/^on the \w+/, `on the ${listWords(days.map(ordinal))}`);
  return {
    type: 'schedule',
    cron: crons[0] ?? `0 9 ${field} * *`,
    description: approx === undefined ? words : `${words} (${approx})`,
    ...(crons.length > 1 ? { crons } : {}),
  };
}

/** The days of the month of a cron that runs on several ("0 9 1,15 * *"), else null. */
export function monthDaysOf(cron: string): number[] | null {
  const [, , dom, month, dow] = cron.split(' ');
  if (month !== '*' || dow !== '*' || !dom || !/^\d{1,2}(?:,\d{1,2})+$/.test(dom)) return null;
  return dom.split(',').map(Number);
}

/** How many runs a day `text` asks for ("three times a day" is 3), or null; once a day is daily, not a count. */
function runsADay(text: string): number | null {
  if (!includesAny(text, RUNS_A_DAY_WORDS)) return null;
  const m = RUNS_A_DAY.exec(text);
  const word = m?.[1] ?? m?.[2];
  if (word === undefined) return null;
  const runs = RUN_COUNTS[word] ?? NUMBER_WORDS[word] ?? Number(word);
  return runs >= 2 && runs <= MOST_RUNS_A_DAY ? runs : null;
}

/** `runs` times from `start` (9:00 unless said), a whole number of hours apart, over about a working day. */
function spreadOverWorkingDay(runs: number, start: ClockTime = { hour: 9, minute: 0 }): ClockTime[] {
  const step = Math.max(1, Math.round(WORKING_DAY_HOURS / (runs - 1)));
  return Array.from({ length: runs }, (_, i) => ({ hour: (start.hour + i * step) % 24, minute: start.minute }));
}

function runsWords(runs: number): string {
  return runs === 2 ? 'twice a day' : `${Object.keys(NUMBER_WORDS).find((word) => NUMBER_WORDS[word] === runs && word.length > 2) ?? runs} times a day`;
}

const MINUTES_A_DAY = 1440;

function intervalWords(minutes: number): string {
  if (minutes === 1) return 'every minute';
  if (minutes === 60) return 'every hour';
  // Whole and half hours read as hours past two ("every 2.5 hours"); 90 minutes stays in minutes, as people say it.
  return minutes % 60 === 0 || (minutes > 120 && minutes % 30 === 0) ? `every ${minutes / 60} hours` : `every ${minutes} minutes`;
}

/**
 * The schedule of an interval. One that does not divide the day runs as the closest schedule crons can say
 * (see `planInterval`), and its description says so in words for the user to confirm or change: "every 6
 * minutes (the closest to every 7 minutes that repeats evenly)", "every 5 hours counted from 0:00 each day:
 * every day at 0:00, 5:00, …". A time said with it ("every 5 hours from 8am") is where the count starts.
 */
export function intervalTrigger(minutes: number, days: DaySpec | null, start: ClockTime | undefined, window: HoursWindow | null = null): ScheduleTrigger | null {
  const plan = days?.kind === 'month' ? null : planInterval(minutes, start ? start.hour * 60 + start.minute : 0);
  if (!plan) return null;
  const dates = datesOf(days);
  if (window) {
    const within = windowTrigger(minutes, dates, window);
    if (within) return within;
  }
  const dropped = window ? ` (the hours ${windowWords(window)} were not kept: a schedule this frequent runs all day; say every ${MOST_MINUTES_A_WINDOW_RUN} minutes or more to keep them)` : '';
  if (plan.kind === 'times') {
    const recurrence: Recurrence = { ...dates, times: plan.times, timezone: DEFAULT_TIMEZONE };
    return scheduleTrigger(recurrence, `${intervalWords(minutes)} counted from ${plan.times[0]?.replace(/^0(?=\d:)/, '')} each day: ${describeRecurrence(recurrence)}${dropped}`);
  }
  const recurrence: Recurrence = { ...dates, times: [], every: { minutes: plan.minutes }, timezone: DEFAULT_TIMEZONE };
  const words = describeRecurrence(recurrence);
  return scheduleTrigger(recurrence, `${plan.kind === 'rounded' ? `${words} (the closest to ${intervalWords(minutes)} that repeats evenly)` : words}${dropped}`);
}

/** The shortest interval whose runs in a window of hours are kept as times: its runs fall on at most four minutes past the hour (four crons). */
const MOST_MINUTES_A_WINDOW_RUN = 15;
const MOST_CRONS_A_WINDOW = 4;

function windowWords({ from, to }: HoursWindow): string {
  return `${formatMinutes(from)} to ${formatMinutes(to)}`;
}

function formatMinutes(at: number): string {
  return `${Math.floor(at / 60)}:${String(at % 60).padStart(2, '0')}`;
}

/**
 * An interval between two hours ("every hour, 9 to 5"): its runs from the first hour to the last, as times, which a
 * cron says as a list of hours (`0 9-17 * * 1-5` runs as `0 9,10,…,17 * * 1-5`). Null when the runs would fall on more
 * than four minutes past the hour (every 10 minutes), which the caller runs all day, saying the window was not kept.
 */
function windowTrigger(minutes: number, dates: Pick<Recurrence, 'days' | 'dayOfMonth'>, window: HoursWindow): ScheduleTrigger | null {
  const times: string[] = [];
  for (let at = window.from; at <= window.to; at += minutes) times.push(hhmm(Math.floor(at / 60), at % 60));
  if (new Set(times.map((time) => time.slice(3))).size > MOST_CRONS_A_WINDOW) return null;
  const recurrence: Recurrence = { ...dates, times, timezone: DEFAULT_TIMEZONE };
  // "every hour on weekdays" with its hours: "every hour from 9:00 to 17:00 on weekdays".
  const days = describeRecurrence({ ...dates, times: [], every: { minutes: 60 }, timezone: DEFAULT_TIMEZONE }).replace(/^every hour/, '');
  return scheduleTrigger(recurrence, `${intervalWords(minutes)} from ${windowWords(window)}${days}`);
}

/** Every day at `time` (`HH:MM`): what a bare time means when there is no schedule to correct. */
export function dailyAt(time: string): ScheduleTrigger {
  return scheduleTrigger({ days: [...EVERY_DAY], times: [time], timezone: DEFAULT_TIMEZONE });
}
