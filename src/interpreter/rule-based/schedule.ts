import type { Trigger } from '../../conversation/requirements/requirements.js';
import { findDays, type DaySpec } from './calendar-days.js';
import { formatClock } from './text.js';
import { defaultTime, findPartOfDay, findTimes, toHHMM, type ClockTime } from './time-of-day.js';

/** A schedule trigger. */
export type ScheduleTrigger = Extract<Trigger, { type: 'schedule' }>;

/** What a message says about when the agent runs. */
export interface ScheduleReading {
  /** A complete schedule ("every weekday at 8am"). */
  trigger: ScheduleTrigger | null;
  /** Only a time of day was said ("make it 9am", "at 17:45"): `HH:MM`, for the caller to place. */
  time: string | null;
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, ten: 10, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, 'half an': 30, 'quarter of an': 15,
};
const COUNT = String.raw`(\d{1,3}|an?|one|two|three|four|five|six|ten|twelve|fifteen|twenty|thirty|half an|quarter of an)`;
const INTERVAL = new RegExp(
  String.raw`\bevery\s+(?:${COUNT}\s+)?(minute|min|hour|hr)s?\b|\b(hourly)\b|\bevery (half|quarter)[- ]hour\b`,
);
const TWICE_DAILY = /\btwice (?:a|per) day\b|\btwice daily\b/;
const EXISTING_TIME = /^(\d{1,2}) (\d{1,2}) /;

function interval(text: string): { minutes: number } | null {
  const m = INTERVAL.exec(text);
  if (!m) return null;
  if (m[3] !== undefined) return { minutes: 60 };
  if (m[4] !== undefined) return { minutes: m[4] === 'half' ? 30 : 15 };
  const count = m[1] === undefined ? 1 : (NUMBER_WORDS[m[1]] ?? Number(m[1]));
  return { minutes: m[2]?.startsWith('h') ? count * 60 : count };
}

// `*/45` fires at :00 and :45, not every 45 minutes: only steps that divide the hour (or the day)
// are what they say; anything else is left for a clarifying question.
function intervalCron(minutes: number): [cron: string, description: string] | null {
  if (minutes < 60) {
    if (minutes < 1 || 60 % minutes !== 0) return null;
    return minutes === 1 ? ['* * * * *', 'every minute'] : [`*/${minutes} * * * *`, `every ${minutes} minutes`];
  }
  const hours = minutes / 60;
  if (!Number.isInteger(hours) || 24 % hours !== 0 || hours >= 24) return null;
  return hours === 1 ? ['0 * * * *', 'every hour'] : [`0 */${hours} * * *`, `every ${hours} hours`];
}

function dowField(days: readonly number[]): string {
  if (days.length === 7) return '*';
  const first = days[0] ?? 0;
  const contiguous = days.every((d, i) => d === first + i);
  return contiguous && days.length >= 3 ? `${first}-${first + days.length - 1}` : days.join(',');
}

/** Cron counts from Sunday; people read weeks from Monday. */
function mondayFirst(days: readonly number[]): number[] {
  return [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
}

function listWords(words: readonly string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function daysDescription(spec: DaySpec): string {
  if (spec.kind === 'month') {
    const d = spec.day;
    const suffix = d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th';
    return `on the ${d}${suffix} of every month`;
  }
  const field = dowField(spec.days);
  if (field === '*') return 'every day';
  if (field === '1-5') return 'every weekday';
  return `every ${listWords(mondayFirst(spec.days).map((d) => DAY_NAMES[d] ?? ''))}`;
}

function pluralDays(days: readonly number[]): string {
  return dowField(days) === '1-5' ? 'weekdays' : listWords(mondayFirst(days).map((d) => `${DAY_NAMES[d] ?? ''}s`));
}

function cronDays(spec: DaySpec): string {
  return spec.kind === 'month' ? `${spec.day} * *` : `* * ${dowField(spec.days)}`;
}

function existingTime(existing: Trigger | null): ClockTime | null {
  if (existing?.type !== 'schedule') return null;
  const m = EXISTING_TIME.exec(existing.cron);
  return m ? { minute: Number(m[1]), hour: Number(m[2]) } : null;
}

/**
 * Reads a schedule from `text` (normalised). A schedule without a time takes the part of the day's
 * default ("every morning" is 8:00), else the existing schedule's time, else 9:00.
 */
export function readSchedule(text: string, existing: Trigger | null = null): ScheduleReading {
  const part = findPartOfDay(text);
  const times = findTimes(text, part);
  const days = findDays(text);
  const every = interval(text);
  if (every) {
    const cron = intervalCron(every.minutes);
    if (!cron || days?.kind === 'month') return { trigger: null, time: null };
    const onDays = days && days.days.length < 7 ? ` on ${pluralDays(days.days)}` : '';
    const dow = days ? dowField(days.days) : '*';
    return { trigger: { type: 'schedule', cron: cron[0].replace(/\*$/, dow), description: cron[1] + onDays }, time: null };
  }
  const twice = TWICE_DAILY.test(text);
  if (!days && !twice) return { trigger: null, time: times[0] ? toHHMM(times[0]) : null };
  const spec = days ?? { kind: 'week', days: [0, 1, 2, 3, 4, 5, 6] };
  let at: ClockTime[] = times.slice(0, 1);
  if (twice) at = times.length >= 2 ? times.slice(0, 2) : [{ hour: 9, minute: 0 }, { hour: 17, minute: 0 }];
  else if (times.length >= 2 && times.every((t) => t.minute === times[0]?.minute)) at = times;
  const first = at[0] ?? (part ? defaultTime(part) : (existingTime(existing) ?? { hour: 9, minute: 0 }));
  const sameMinute = at.length > 1 && at.every((t) => t.minute === first.minute);
  const hours = sameMinute ? [...new Set(at.map((t) => t.hour))].sort((a, b) => a - b) : [first.hour];
  const clocks = listWords(hours.map((h) => formatClock(h, first.minute)));
  const lead = twice && !days ? 'twice a day' : daysDescription(spec);
  return {
    trigger: {
      type: 'schedule',
      cron: `${first.minute} ${hours.join(',')} ${cronDays(spec)}`,
      description: `${lead} at ${clocks}`,
    },
    time: null,
  };
}

/** Every day at `time` (`HH:MM`): what a bare time means when there is no schedule to correct. */
export function dailyAt(time: string): ScheduleTrigger {
  const [hour = 9, minute = 0] = time.split(':').map(Number);
  return { type: 'schedule', cron: `${minute} ${hour} * * *`, description: `every day at ${formatClock(hour, minute)}` };
}
