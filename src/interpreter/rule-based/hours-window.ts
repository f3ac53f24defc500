import { includesAny } from './text.js';

/** Hours an interval runs between ("every hour, 9 to 5"), in minutes after midnight, both ends included. */
export interface HoursWindow {
  from: number;
  to: number;
}

const CLOCK = String.raw`(\d{1,2})(?::([0-5]\d))?\s*(am|pm|a\.m\.|p\.m\.)?`;
/**
 * "9 to 5", "from 8am to 6pm", "between 9 and 17", "9-5": two hours joined. Not a count of hours or things
 * ("every 2 to 3 hours", "3-5 items", "the top 3 to 5 stories").
 */
const WINDOW = new RegExp(
  String.raw`(?:\b(from|between)\s+)?(?<![\d:.])${CLOCK}\s*(-|to|till|til|until|thru|through|and)\s*${CLOCK}(?![\d:])(?!\s*(?:hours?|hrs?|h|minutes?|mins?|m|days?|items?|times?|x|of|per|%)\b)`,
);
/** Working hours said in words: 9:00 to 17:00. */
const WORKING_HOURS = /\b(?:business|working|work|office) hours\b/;
const WORKING_DAY: HoursWindow = { from: 9 * 60, to: 17 * 60 };
/** Two bare hours said without "from" or "between" start in the morning. */
const FIRST_MORNING_HOUR = 7;
/** Guard: WINDOW joins its hours with one of these; WORKING_HOURS says "hours". */
const JOINS = ['-', 'to', 'til', 'thru', 'through', 'and'];

function hourOf(hour: number, meridiem: string | undefined): number {
  if (meridiem === undefined) return hour;
  return (hour % 12) + (meridiem.startsWith('p') ? 12 : 0);
}

/**
 * The hours `text` (normalised) says an interval runs between, or null. Without am/pm the first hour from 1 to 6
 * is the afternoon (as a bare "at 4" is), and a last hour not after the first is the afternoon's ("9 to 5" is
 * 9:00 to 17:00); a half of the day said on one side only is the other side's too when it fits ("9-11am").
 */
export function hoursWindow(text: string): HoursWindow | null {
  if (text.includes('hours') && WORKING_HOURS.test(text)) return WORKING_DAY;
  if (!includesAny(text, JOINS)) return null;
  const m = WINDOW.exec(text);
  if (!m) return null;
  const [, lead, fromHour, fromMinute, fromHalf, join, toHour, toMinute, toHalf] = m;
  // "and" joins two hours only after "between"; two bare hours need "from" or "between", or to be said as on a clock face
  // from the morning ("9 to 5", "8-6"): "the top 3 to 5 stories", "10 to 20 leads" count things.
  if (join === 'and' && lead !== 'between') return null;
  let from = Number(fromHour);
  let to = Number(toHour);
  const bare = fromHalf === undefined && toHalf === undefined && fromMinute === undefined && toMinute === undefined;
  if (bare && lead === undefined && (from < FIRST_MORNING_HOUR || from > 12 || to < 1 || to > 12)) return null;
  if ((fromHalf !== undefined && from > 12) || (toHalf !== undefined && to > 12) || from > 23 || to > 23) return null;
  const fromHalfSaid = fromHalf ?? (toHalf !== undefined && hourOf(from, toHalf) < hourOf(to, toHalf) ? toHalf : undefined);
  from = fromHalfSaid === undefined ? (from >= 1 && from <= 6 ? from + 12 : from) : hourOf(from, fromHalfSaid);
  to = toHalf === undefined ? (to <= from && to + 12 > from && to + 12 <= 23 ? to + 12 : to) : hourOf(to, toHalf);
  const start = from * 60 + Number(fromMinute ?? 0);
  const end = to * 60 + Number(toMinute ?? 0);
  return end > start ? { from: start, to: end } : null;
}
