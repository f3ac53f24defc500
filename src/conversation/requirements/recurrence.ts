/**
 * A schedule as people think of it (which days, which times), from which the cron is derived.
 * Editing a field of it ("not on Fridays", "also at 5pm", "every day instead") is editing data, not
 * rewriting a cron string.
 */
export interface Recurrence {
  /** Days of the week, cron numbering (0 = Sunday … 6), sorted; all seven means every day. Unused with `dayOfMonth`. */
  days: number[];
  /** Times of day, 24 h `HH:MM`, sorted. Empty with `every`. */
  times: string[];
  /** Runs on an interval instead of at times, from midnight: minutes that divide the day (15, 45, 90, 120 …). */
  every?: { minutes: number };
  /** Monthly, on this day of the month (1–31). */
  dayOfMonth?: number;
  /** IANA zone the times are read in. */
  timezone: string;
}

export const EVERY_DAY: readonly number[] = [0, 1, 2, 3, 4, 5, 6];
export const WEEKDAYS: readonly number[] = [1, 2, 3, 4, 5];
export const DEFAULT_TIMEZONE = 'UTC';

const HHMM = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** `HH:MM` → [hour, minute], or null. */
export function clockOf(time: string): [hour: number, minute: number] | null {
  const m = HHMM.exec(time);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

export function hhmm(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** The cron day-of-week field for `days`: `*`, a range (`1-5`) or a list. */
export function dowField(days: readonly number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7 || sorted.length === 0) return '*';
  const first = sorted[0] ?? 0;
  const contiguous = sorted.every((d, i) => d === first + i);
  return contiguous && sorted.length >= 3 ? `${first}-${first + sorted.length - 1}` : sorted.join(',');
}

function dateFields(r: Recurrence): string {
  return r.dayOfMonth !== undefined ? `${r.dayOfMonth} * *` : `* * ${dowField(r.days)}`;
}

/**
 * The crons a recurrence needs, first time first: one, unless its times differ in minutes
 * (`9:15 and 17:30` cannot be one five-field expression). Empty when it says nothing runnable.
 */
export function cronsOf(r: Recurrence): string[] {
  const dates = dateFields(r);
  if (r.every) return intervalCrons(r.every.minutes, dates);
  const byMinute = new Map<number, number[]>();
  for (const time of r.times) {
    const clock = clockOf(time);
    if (!clock) continue;
    byMinute.set(clock[1], [...(byMinute.get(clock[1]) ?? []), clock[0]]);
  }
  return [...byMinute].map(([minute, hours]) => `${minute} ${[...new Set(hours)].sort((a, b) => a - b).join(',')} ${dates}`);
}

/**
 * Whether an interval runs at the same times every day (it divides the day), so that crons can say it
 * exactly. Every 7 minutes or every 5 hours would drift across midnight (`planInterval` offers the closest instead).
 */
export function validInterval(minutes: number): boolean {
  return Number.isInteger(minutes) && minutes >= 1 && minutes < MINUTES_A_DAY && MINUTES_A_DAY % minutes === 0;
}

const MINUTES_A_DAY = 1440;

/**
 * How an interval is run. `exact`: it divides the day, as said. An interval that does not would drift across
 * midnight, which crons cannot say, so the closest schedule they can is offered instead, to be stated in words:
 * under an hour, `rounded` to the nearest interval that divides the hour (every 7 minutes runs every 6; a tie goes
 * to the more frequent); an hour or more, the `times` it falls on counted from `from` (minutes after midnight),
 * again each day (every 5 hours: 0:00, 5:00, 10:00, 15:00 and 20:00). Null for a day or more, or a fraction.
 */
export type IntervalPlan =
  | { kind: 'exact'; minutes: number }
  | { kind: 'rounded'; minutes: number }
  | { kind: 'times'; times: string[] };

const DIVISORS_OF_THE_HOUR = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30, 60];

export function planInterval(minutes: number, from = 0): IntervalPlan | null {
  if (validInterval(minutes)) return { kind: 'exact', minutes };
  if (!Number.isInteger(minutes) || minutes < 1 || minutes >= MINUTES_A_DAY) return null;
  if (minutes < 60) {
    const distance = (d: number): number => Math.abs(d - minutes);
    return { kind: 'rounded', minutes: DIVISORS_OF_THE_HOUR.reduce((best, d) => (distance(d) < distance(best) ? d : best)) };
  }
  const times: string[] = [];
  for (let at = Math.max(0, Math.min(from, MINUTES_A_DAY - 1)); at < MINUTES_A_DAY; at += minutes) times.push(hhmm(Math.floor(at / 60), at % 60));
  return { kind: 'times', times };
}

/**
 * The crons of an interval counted from midnight. One step expression when the interval divides the hour
 * or is whole hours; otherwise one cron per minute past the hour its runs fall on (every 45 minutes runs at
 * :00, :45, :30 and :15 of hours three apart: `*\/45` alone would fire at :00 and :45 of every hour).
 */
function intervalCrons(minutes: number, dates: string): string[] {
  if (minutes < 60 && 60 % minutes === 0) return [minutes === 1 ? `* * ${dates}` : `*/${minutes} * ${dates}`];
  if (minutes % 60 === 0) return [minutes === 60 ? `0 * ${dates}` : `0 */${minutes / 60} ${dates}`];
  const hoursByMinute = new Map<number, number[]>();
  for (let at = 0; at < MINUTES_A_DAY; at += minutes) {
    const minute = at % 60;
    hoursByMinute.set(minute, [...(hoursByMinute.get(minute) ?? []), Math.floor(at / 60)]);
  }
  return [...hoursByMinute].map(([minute, hours]) => `${minute} ${hourField(hours)} ${dates}`);
}

/** Hours evenly spaced as `first-last/step` (`0-21/3`), others as a list. */
function hourField(hours: readonly number[]): string {
  const [first = 0, second] = hours;
  if (second === undefined) return String(first);
  const step = second - first;
  const even = hours.every((hour, index) => hour === first + index * step);
  return even ? `${first}-${hours[hours.length - 1]}/${step}` : hours.join(',');
}

const NUMBER = /^\d{1,2}$/;

function listOf(field: string, min: number, max: number): number[] | null {
  if (field === '*') return null;
  const values: number[] = [];
  for (const part of field.split(',')) {
    const range = /^(\d{1,2})-(\d{1,2})$/.exec(part);
    if (range) {
      for (let v = Number(range[1]); v <= Number(range[2]); v++) values.push(v);
    } else if (NUMBER.test(part)) values.push(Number(part));
    else return [];
  }
  return values.every((v) => v >= min && v <= max) ? values : [];
}

/**
 * The recurrence a cron says, for the forms people's schedules take (times on days of the week or a
 * day of the month, or an interval); null for anything else, which is then kept as a bare cron.
 */
export function recurrenceFromCron(cron: string, timezone = DEFAULT_TIMEZONE): Recurrence | null {
  const [minute, hour, dom, month, dow, ...rest] = cron.trim().split(/\s+/);
  if (minute === undefined || hour === undefined || dom === undefined || month !== '*' || dow === undefined || rest.length > 0) {
    return null;
  }
  const weekdays = listOf(dow, 0, 7);
  if (weekdays?.length === 0) return null;
  const days = weekdays ? [...new Set(weekdays.map((d) => d % 7))].sort((a, b) => a - b) : [...EVERY_DAY];
  const monthDays = listOf(dom, 1, 31);
  if (monthDays !== null && (monthDays.length !== 1 || weekdays !== null)) return null;
  const dated = monthDays ? { dayOfMonth: monthDays[0] as number } : {};
  const step = (field: string): number | null => (field === '*' ? 1 : /^\*\/(\d{1,2})$/.test(field) ? Number(field.slice(2)) : null);
  if (hour === '*' || hour.startsWith('*/')) {
    const hourStep = step(hour);
    if (hourStep === null) return null;
    const minutes = hourStep === 1 ? (minute === '0' ? 60 : step(minute)) : minute === '0' ? hourStep * 60 : null;
    // A step is an interval only when it divides its field's cycle: `*\/45` fires at :00 and :45 of each hour.
    if (minutes === null || !validInterval(minutes) || (minutes < 60 && 60 % minutes !== 0)) return null;
    return { days, times: [], every: { minutes }, ...dated, timezone };
  }
  const hours = listOf(hour, 0, 23);
  if (!hours?.length || !NUMBER.test(minute) || Number(minute) > 59) return null;
  return { days, times: hours.map((h) => hhmm(h, Number(minute))).sort(), ...dated, timezone };
}
