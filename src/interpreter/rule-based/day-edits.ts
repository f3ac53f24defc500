import type { Recurrence } from '../../conversation/requirements/recurrence.js';
import { daysNamed } from './calendar-days.js';

/**
 * Days of a weekly schedule changed by a follow-up the schedule reader takes as a new set of days: "remove
 * monday" (not "monday only"), "and saturdays" / "same but thursdays" (added, not instead), "not mondays,
 * fridays" (the second in the first's stead). Read only against a schedule there, on days of the week.
 */

const DAY = String.raw`(?:mondays?|mon|tuesdays?|tues?|wednesdays?|weds?|thursdays?|thurs?|thu|fridays?|fri|saturdays?|sat|sundays?|sun|weekends?|weekdays?)\b`;
const DAYS = String.raw`(?:${DAY}(?:\s*(?:,\s*and|,|and|&|\/|or)\s*(?:on\s+)?${DAY})*)`;
const LEAD = String.raw`^(?:(?:no|nope|nah|actually|hmm+|wait|oh|ok(?:ay)?|sorry)[,.!\s]+)*`;
/** "Remove monday", "drop fridays", "take wednesday off": those days come off. */
const REMOVED = new RegExp(String.raw`\b(?:remove|drop|delete|cut|lose|ditch|minus|no more|get rid of|take(?: off| out)?)\s+(?:the\s+)?(${DAYS})`);
/** "And saturdays", "same but thursdays (too)", "plus sundays": those days join. */
const JOINED = new RegExp(String.raw`${LEAD}(?:and|plus|&|same(?: thing| time| as before)?,?\s+but(?: also)?(?: on)?)\s+(?:on\s+)?(${DAYS})`);
/** "Not mondays, fridays", "not on tuesday but thursday": the second set replaces the first. */
const SWAPPED = new RegExp(String.raw`${LEAD}not\s+(?:on\s+)?(${DAYS})\s*(?:,|but|-|;)\s*(?:on\s+|but\s+)?(${DAYS})`);
/** Guard: each pattern names a day by its first three letters or a part of the week. */
const DAY_STEM = /\b(?:mon|tue|wed|thu|fri|sat|sun|week)/;

/** The days `norm` leaves the weekly `recurrence` on, when it removes, adds or swaps days; else null. */
export function daysAgain(norm: string, recurrence: Recurrence): number[] | null {
  if (recurrence.dayOfMonth !== undefined || !DAY_STEM.test(norm)) return null;
  const swapped = SWAPPED.exec(norm);
  if (swapped) return daysNamed(swapped[2] ?? '');
  const removed = REMOVED.exec(norm);
  if (removed) {
    const off = daysNamed(removed[1] ?? '');
    const left = recurrence.days.filter((day) => !off.includes(day));
    return left.length > 0 ? left : null;
  }
  const joined = JOINED.exec(norm);
  if (joined) return [...new Set([...recurrence.days, ...daysNamed(joined[1] ?? '')])].sort((a, b) => a - b);
  return null;
}
