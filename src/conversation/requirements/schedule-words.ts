import { Cron } from 'croner';
import cronstrue from 'cronstrue';
import { clockOf, cronsOf, dowField, recurrenceFromCron, type Recurrence } from './recurrence.js';
import type { ScheduleTrigger, Trigger } from './requirements.js';
import { BoundedMemo, minuteOf } from './schedule-cache.js';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Cron counts from Sunday; people read weeks from Monday. */
function mondayFirst(days: readonly number[]): number[] {
  return [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
}

/** Words as a sentence lists them: "Gmail", "Gmail and Slack", "Gmail, Slack and Notion". */
export function listWords(words: readonly string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export function ordinal(d: number): string {
  const suffix = d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th';
  return `${d}${suffix}`;
}

function daysWords(r: Recurrence): string {
  if (r.dayOfMonth !== undefined) return `on the ${ordinal(r.dayOfMonth)} of every month`;
  const field = dowField(r.days);
  if (field === '*') return 'every day';
  if (field === '1-5') return 'every weekday';
  return `every ${listWords(mondayFirst(r.days).map((d) => DAY_NAMES[d] ?? ''))}`;
}

function pluralDays(days: readonly number[]): string {
  const field = dowField(days);
  if (field === '1-5') return 'weekdays';
  if (field === '0,6') return 'weekends';
  return listWords(mondayFirst(days).map((d) => `${DAY_NAMES[d] ?? ''}s`));
}

/** `7:05` style: hour without padding, minutes with. */
function clock(time: string): string {
  const [hour = 0, minute = 0] = clockOf(time) ?? [];
  return `${hour}:${String(minute).padStart(2, '0')}`;
}

/** Plain words for a recurrence: `every weekday at 8:00`, `every 15 minutes on weekdays`. */
export function describeRecurrence(r: Recurrence): string {
  if (r.every) {
    const { minutes } = r.every;
    const base =
      minutes === 1
        ? 'every minute'
        : minutes === 60
          ? 'every hour'
          : minutes < 60 || minutes % 60 !== 0
            ? `every ${minutes} minutes`
            : `every ${minutes / 60} hours`;
    if (r.dayOfMonth !== undefined) return `${base} on the ${ordinal(r.dayOfMonth)} of every month`;
    return r.days.length < 7 ? `${base} on ${pluralDays(r.days)}` : base;
  }
  return `${daysWords(r)} at ${listWords(r.times.map(clock))}`;
}

/** A schedule trigger from a recurrence: cron derived, words written unless given. */
export function scheduleTrigger(r: Recurrence, description = describeRecurrence(r)): ScheduleTrigger {
  const crons = cronsOf(r);
  return {
    type: 'schedule',
    cron: crons[0] ?? '0 9 * * *',
    description,
    recurrence: r,
    ...(crons.length > 1 ? { crons } : {}),
  };
}

/**
 * A trigger with its schedule made whole: the recurrence read from a bare cron (a model's or an
 * older session's), or the cron derived from a recurrence. Other triggers pass through.
 */
export function normalizeTrigger(trigger: Trigger): Trigger {
  if (trigger.type !== 'schedule') return trigger;
  const known = normalized.get(trigger);
  if (known) return known;
  const recurrence = trigger.recurrence ?? recurrenceFromCron(trigger.cron);
  const whole = recurrence ? scheduleTrigger(recurrence, trigger.description) : trigger;
  // A committed trigger is frozen, so what it normalises to never changes: every turn's readers ask again.
  if (Object.isFrozen(trigger)) normalized.set(trigger, whole);
  return whole;
}

/** Normalised committed (frozen) triggers: the interpreter and the edits ask on every turn (cron building was 6 % of a reading). */
const normalized = new WeakMap<Trigger, Trigger>();

/** Every cron a schedule runs on. */
export function cronsOfTrigger(trigger: ScheduleTrigger): string[] {
  return trigger.crons ?? [trigger.cron];
}

const wordsMemo = new BoundedMemo<string>(512);
const runsMemo = new BoundedMemo<readonly string[]>(512);
const runWordsMemo = new BoundedMemo<string>(512);

/** The schedule in words by `cronstrue` ("At 08:00, Monday through Friday"); several crons joined. */
export function scheduleWords(trigger: ScheduleTrigger): string {
  const crons = cronsOfTrigger(trigger);
  const zone = trigger.recurrence?.timezone ?? 'UTC';
  return wordsMemo.get(`${zone}|${crons.join('|')}`, () => {
    // An interval that needs several crons (every 45 minutes) reads better as itself than as four crons in words.
    const every = trigger.recurrence?.every;
    if (every && crons.length > 1) {
      const said = describeRecurrence(trigger.recurrence!);
      return `${said.charAt(0).toUpperCase()}${said.slice(1)}, counted from 00:00 (${zone})`;
    }
    const words = crons.map((cron) => cronstrue.toString(cron, { use24HourTimeFormat: true, throwExceptionOnParseError: false }));
    return `${words.join('; ')} (${zone})`;
  });
}

/**
 * The next `count` runs after `now` by `croner`, merged over the schedule's crons, as ISO strings.
 * Remembered per minute of `now` (crons have no seconds field here, so the answer cannot change
 * within a minute).
 */
export function nextRuns(trigger: ScheduleTrigger, now: number, count = 3): string[] {
  const crons = cronsOfTrigger(trigger);
  const timezone = trigger.recurrence?.timezone ?? 'UTC';
  const runs = runsMemo.get(`${minuteOf(now)}|${count}|${timezone}|${crons.join('|')}`, () => computeNextRuns(crons, timezone, minuteOf(now) * 60_000, count));
  return [...runs];
}

function computeNextRuns(crons: readonly string[], timezone: string, from: number, count: number): string[] {
  const runs = crons.flatMap((cron) => {
    try {
      return new Cron(cron, { timezone }).nextRuns(count, new Date(from));
    } catch {
      return [];
    }
  });
  return runs
    .map((date) => date.getTime())
    .sort((a, b) => a - b)
    .slice(0, count)
    .map((ms) => new Date(ms).toISOString());
}

/** One formatter per zone: constructing an `Intl.DateTimeFormat` costs far more than formatting. */
const runFormats = new Map<string, Intl.DateTimeFormat>();

/** `Mon 7 Dec, 08:00` in the schedule's zone. */
function formatRun(iso: string, timeZone: string): string {
  let format = runFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    // Zones are validated IANA names; the set people use is small, but bound it all the same.
    if (runFormats.size >= 256) runFormats.clear();
    runFormats.set(timeZone, format);
  }
  return format.format(new Date(iso));
}

/** `Mon 7 Dec, 08:00; Tue 8 Dec, 08:00; …`: the next runs in the schedule's zone ('' when none). */
export function nextRunsInWords(trigger: ScheduleTrigger, now: number): string {
  const zone = trigger.recurrence?.timezone ?? 'UTC';
  return runWordsMemo.get(`${minuteOf(now)}|${zone}|${cronsOfTrigger(trigger).join('|')}`, () =>
    nextRuns(trigger, now).map((iso) => formatRun(iso, zone)).join('; '),
  );
}
