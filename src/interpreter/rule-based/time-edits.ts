import { findTimes, toHHMM } from './time-of-day.js';

/**
 * Times of a schedule there changed by what a follow-up says without a whole time: an hour offered ("can we do
 * 10 instead?"), one of several times kept or moved by its hour ("just the 9 one", "make the 2pm one 3pm"), the
 * half of the day put right ("sorry i meant morning", "pm not am"), a bare interval ("every 15"). Each returns
 * null when the message says no such thing; each pattern is behind a cheap test.
 */

const DIGIT = /\d/;
/** "Can we do 10 instead?", "how about 8:15", "10 pls": the schedule reader needs "at", "make it" or "should be" before a bare hour. */
const OFFERED_HOUR =
  /(?:^|\b(?:do|did|try|go with|go for|how about|what about|say|maybe|prefer|rather|probably|ideally|make that|make it)\s+|\btoo (?:late|early)[,.;\s-]+(?:(?:so|maybe|how about|make it|let'?s say|say)\s+)?)(\d{1,2}(?::[0-5]\d)?)\s*(am|pm|a\.m\.|p\.m\.)?(?=\s*(?:instead|then|pls|please|thanks|thx|tho|though|o'?clock|is better|would be better|works better)?\s*(?:$|[?.!,]))/;
const CLOCK = String.raw`(\d{1,2}(?::[0-5]\d)?)\s*(am|pm|a\.m\.|p\.m\.)?`;
/** "Just the 9 one", "only keep the 2pm run". */
const KEEP_ONE = new RegExp(String.raw`\b(?:just|only|keep(?: only| just)?)\s+the\s+${CLOCK}\s*(?:one|time|run|slot)\b`);
/** "Make the 2pm one 3pm", "move the 9am run to 10". */
const MOVE_ONE = new RegExp(String.raw`\b(?:make|change|move|switch|push|set)\s+the\s+${CLOCK}\s*(?:one|time|run|slot)\s+(?:to\s+|into\s+|at\s+)?${CLOCK}(?![\d:])`);
const LEAD = String.raw`^(?:(?:sorry|oops|no|nope|nah|actually|wait|hmm+|oh|i meant?|i mean|make it|should be|it'?s|its|it should be|in)[,\s]+)*`;
const HALF = String.raw`(?:the\s+)?(morning|am|a\.m\.?|afternoon|evening|night|pm|p\.m\.?)`;
/** "Sorry i meant morning", "pm not am", "in the evening": the same hours on the other half of the day. */
const MERIDIEM = new RegExp(String.raw`${LEAD}${HALF}(?:\s+not\s+${HALF})?(?:\s+(?:pls|please|sorry|then|obviously|lol))?[.!]*$`);
/** "Every 15", "make it every 2": an interval said without its unit, read in the unit there. */
const BARE_EVERY = /^(?:(?:make it|maybe|how about|try|actually|nah|no|hmm+|ok|so|lets do|let'?s do)[,\s]+)*every (\d{1,3})(?:\s+(?:pls|please|instead|then|is fine|is enough))?[.!?]*$/;

const clock = (said: string, meridiem: string | undefined): { hour: number; minute: number } | undefined =>
  findTimes(`at ${said}${meridiem ? meridiem.replace(/\./g, '') : ''}`, null)[0];

/** The time of an hour offered for the schedule (`HH:MM`), read as a bare hour is ("5" is 17:00), or null. */
export function hourAgain(norm: string): string | null {
  if (!DIGIT.test(norm)) return null;
  const m = OFFERED_HOUR.exec(norm);
  const time = m ? clock(m[1] ?? '', m[2]) : undefined;
  return time && time.hour < 24 ? toHHMM(time) : null;
}

/** The one of `times` said by its hour ("9" is 09:00 or 21:00, whichever is set; "2pm" only 14:00). */
function timeSaid(said: string, meridiem: string | undefined, times: readonly string[]): string | null {
  const time = clock(said, meridiem);
  if (!time) return null;
  const exact = toHHMM(time);
  if (times.includes(exact) || meridiem) return times.includes(exact) ? exact : null;
  return times.find((t) => Number(t.slice(0, 2)) % 12 === time.hour % 12 && Number(t.slice(3)) === time.minute) ?? null;
}

/** The times after one of several is kept alone or moved by its hour, or null. */
export function pickedTimes(norm: string, times: readonly string[]): string[] | null {
  if (times.length < 2 || !DIGIT.test(norm)) return null;
  const keep = KEEP_ONE.exec(norm);
  if (keep) {
    const kept = timeSaid(keep[1] ?? '', keep[2], times);
    return kept ? [kept] : null;
  }
  const move = MOVE_ONE.exec(norm);
  const from = move ? timeSaid(move[1] ?? '', move[2], times) : null;
  const to = move && from ? clock(move[3] ?? '', move[4]) : undefined;
  return from && to ? [...new Set(times.map((t) => (t === from ? toHHMM(to) : t)))].sort() : null;
}

/** The times moved to the half of the day said, or null when the message says none or they are there already. */
export function meridiemFlipped(norm: string, times: readonly string[]): string[] | null {
  if (times.length === 0 || norm.length > 40) return null;
  const m = MERIDIEM.exec(norm);
  if (!m) return null;
  const later = !/^(?:morning|am|a\.m)/.test(m[1] ?? '');
  const moved = times.map((t) => {
    const hour = Number(t.slice(0, 2));
    const flip = later ? hour > 0 && hour < 12 : hour > 12;
    return flip ? `${String(later ? hour + 12 : hour - 12).padStart(2, '0')}${t.slice(2)}` : t;
  });
  return moved.some((t, i) => t !== times[i]) ? [...new Set(moved)].sort() : null;
}

/** Minutes between runs of a bare "every 15", read in the unit of the interval there (hours when it is whole hours). */
export function intervalAgain(norm: string, minutes: number): number | null {
  if (!norm.includes('every')) return null;
  const m = BARE_EVERY.exec(norm);
  const count = Number(m?.[1]);
  if (!m || !(count > 0)) return null;
  return minutes % 60 === 0 && count <= 24 ? count * 60 : count;
}
