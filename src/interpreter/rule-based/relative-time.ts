import { clockOf, hhmm } from '../../conversation/requirements/recurrence.js';
import { findTimes, toHHMM } from './time-of-day.js';

/**
 * Times moved from the ones set rather than said outright: "an hour later", "30 min earlier", "push it back an
 * hour", "bring it forward 15 minutes", "make it earlier, like 6". Only a correction can say this: there must be
 * times to move.
 */

const COUNTS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, 'half an': 0.5, 'a half': 0.5, 'a quarter of an': 0.25,
  'quarter of an': 0.25,
};
/** "an hour", "2 hours", "30 min", "half an hour", "1.5h", "an hour and a half", "15m". */
const AMOUNT = String.raw`(an hour and a half|(?:\d{1,3}(?:\.5)?|an?|one|two|three|four|five|six|half an|a half|a quarter of an|quarter of an)\s*(?:hours?|hrs?|h|minutes?|mins?|m)\b)`;
const LATER = /^(?:later|back|out)$/;
/** "an hour later", "30 min earlier". */
const AMOUNT_THEN_WAY = new RegExp(String.raw`\b${AMOUNT}\s+(later|earlier|sooner)\b`);
/** "push it back an hour", "move it forward by 15 min", "delay it 30 minutes", "bring it forward half an hour". */
const VERB_THEN_AMOUNT = new RegExp(
  String.raw`\b(push|move|bring|shift|delay|pull)\s+(?:(?:it|that|this|them|everything|the (?:time|times|run|schedule))\s+)?(?:(back|forward|up|out|later|earlier|ahead)\s+)?(?:by\s+)?${AMOUNT}`,
);
/** "earlier, like 6", "a bit later, say 10", "later - 7pm": the way tells which 6 is meant. */
const WAY_THEN_TIME = /\b(earlier|sooner|later)\b[\s,.:;-]*(?:(?:like|say|maybe|perhaps|around|about|to|at|so)\s+)*(\d{1,2}(?::[0-5]\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?)(?![\d:]|\s*(?:minutes?|mins?|hours?|hrs?|h|m)\b)/;
/** Guard: each pattern above holds one of these. */
const WORDS = /\b(?:later|earlier|sooner|push|move|bring|shift|delay|pull)\b/;

const DAY = 24 * 60;

/** Minutes in "an hour", "30 min", "1.5h"; 0 when the amount is not read. */
function minutesOf(amount: string): number {
  if (amount === 'an hour and a half') return 90;
  const m = /^(.+?)\s*(hours?|hrs?|h|minutes?|mins?|m)$/.exec(amount);
  if (!m) return 0;
  const count = COUNTS[m[1] ?? ''] ?? Number(m[1]);
  return Number.isFinite(count) ? Math.round(count * (m[2]?.startsWith('h') ? 60 : 1)) : 0;
}

function shift(times: readonly string[], minutes: number): string[] {
  return [...new Set(times.map((time) => {
    const [hour = 0, minute = 0] = clockOf(time) ?? [];
    const at = (((hour * 60 + minute + minutes) % DAY) + DAY) % DAY;
    return hhmm(Math.floor(at / 60), at % 60);
  }))].sort();
}

/** The hour a bare "6" stands for in a move `later` or earlier from `from`: the nearer reading on that side. */
function sideOf(said: string, from: string, later: boolean): string | null {
  const [time] = findTimes(`at ${said}`, null);
  if (!time) return null;
  if (/[ap]\.?m/.test(said)) return toHHMM(time);
  const base = clockOf(from);
  if (!base) return null;
  const start = base[0] * 60 + base[1];
  const hour = time.hour % 12;
  const candidates = [hour, hour + 12].map((h) => h * 60 + time.minute).filter((at) => (later ? at > start : at < start));
  const best = later ? Math.min(...candidates) : Math.max(...candidates);
  return Number.isFinite(best) ? hhmm(Math.floor(best / 60), best % 60) : null;
}

/**
 * The times after a relative move said in `norm`, or null when it says none. A move by an amount shifts every
 * time ("an hour later" of 9:00 and 17:00 is 10:00 and 18:00, wrapping at midnight); a time given with the way
 * ("earlier, like 6") replaces them, read on that side of the first (6:00 before 8:00, 18:00 after 17:00).
 */
export function movedTimes(norm: string, times: readonly string[]): string[] | null {
  if (times.length === 0 || !WORDS.test(norm)) return null;
  const verb = VERB_THEN_AMOUNT.exec(norm);
  // "Delay it", "bring it forward": the verb alone says the way.
  const verbWay = verb ? (verb[2] ?? (verb[1] === 'delay' ? 'later' : verb[1] === 'bring' || verb[1] === 'pull' ? 'earlier' : undefined)) : undefined;
  const byAmount = verb && verbWay ? { amount: verb[3] ?? '', way: verbWay } : null;
  const amount = AMOUNT_THEN_WAY.exec(norm);
  const move = byAmount ?? (amount ? { amount: amount[1] ?? '', way: amount[2] ?? '' } : null);
  if (move) {
    const minutes = minutesOf(move.amount);
    return minutes > 0 ? shift(times, LATER.test(move.way) ? minutes : -minutes) : null;
  }
  const told = WAY_THEN_TIME.exec(norm);
  const first = [...times].sort()[0];
  if (!told || !first) return null;
  const at = sideOf(told[2] ?? '', first, told[1] === 'later');
  return at ? [at] : null;
}
