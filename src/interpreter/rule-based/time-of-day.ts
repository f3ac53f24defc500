import { SAID_IN_WORDS, timesInDigits } from './spoken-times.js';
import { eachMatch, includesAny } from './text.js';

/** A time of day, 24-hour. */
export interface ClockTime {
  hour: number;
  minute: number;
}

/** A time read from a message; `meridiem` is false when am/pm was left out ("at 7", "7:30"). */
interface SpokenTime extends ClockTime {
  meridiem: boolean;
  /** Said as a bare hour ("at 4", "five o'clock"), which the afternoon rule reads. */
  bare?: boolean;
}

/** A loose part of the day ("every morning"), which also gives a default time. */
export type PartOfDay = 'morning' | 'lunch' | 'afternoon' | 'end of day' | 'evening' | 'night';

const PART_DEFAULT_HOUR: Readonly<Record<PartOfDay, number>> = {
  morning: 8,
  lunch: 12,
  afternoon: 15,
  'end of day': 17,
  evening: 18,
  night: 21,
};

// `\b` before "noon": "afternoon" ends with it.
// "18h", "8h30": a time as written where the day has 24 hours (not "every 2h", "in 24h", "the last 12h").
const CLOCK =
  /(?<![\d:.])(?:(\d{1,2}):([0-5]\d)\s*(a\.?m\.?|p\.?m\.?)?|(\d{1,2})\s*(a\.?m\.?|p\.?m\.?|o'?clock)|\b(noon|midday|midnight)|(\d{1,2})h([0-5]\d)?)(?![a-z0-9]|:\d)/g;
/** Before "2h" these make it a length of time ("every 2h", "in 24h", "the last 12h"), not a time of day. */
const SPAN_BEFORE = /\b(?:every|ev|evry|each|in|within|last|past|for|after|per|next)\s?$/;
// "at 7" counts as a time; "at 7 items", "make it 5 minutes" do not ("at 5 email me", "at 10 email finance@…" do: a
// singular "email" after an hour is the order; only "emails" counts).
// "The time should be 10", "can it be 7": a bare hour said as what it should be. The whole number is the hour:
// "make it 10 minutes" is no 1 o'clock.
const NOT_AN_HOUR = String.raw`(?!\s*(?:%|percent|minutes?|mins?|hours?|hrs?|days?|weeks?|items?|(?:emails|messages)(?!\s+(?:me|us)\b)|people|times?|st|nd|rd|th|k|dollars|usd)\b)`;
const BARE_HOUR = new RegExp(
  String.raw`\b(?:at|around|make it|by|to|@|(?:should|could|can it|would|it'?ll|needs to|has to) be)\s+(\d{1,2})(?!\d)(?![:.,]\d)${NOT_AN_HOUR}((?:\s*(?:,|and|,\s*and|&)\s*(?:again at\s+)?\d{1,2}(?![\d:])${NOT_AN_HOUR})*)`,
  'g',
);
/** "twice a day, 10 and 4": two bare hours joined by "and" after a count of runs. */
const HOUR_PAIR = /\b(?:twice|two times|2x)\b[^.;]*?\b(\d{1,2})\s*(?:,|and|&)\s*(\d{1,2})\b(?![\d:])/;
/** One time in a list: a clock time, a word for one, or a bare hour that counts nothing ("8", not "8 items"). */
const LIST_ITEM = String.raw`(?:\d{1,2}(?::[0-5]\d)?(?:\s*(?:a\.?m\.?|p\.?m\.?))?(?![\d:])${NOT_AN_HOUR}|noon|midday|midnight)`;
const JOINED = String.raw`\s*(?:,\s*and|,|and|&|\/|\+)\s*`;
/**
 * A list of times, bare hours among them: "at 8, noon and 4pm", "3 times a day (8, 12, 16)", "4x a day at 8 12 16 20".
 * After a count of runs a day the times may be joined by spaces alone.
 */
const TIME_LIST = new RegExp(
  String.raw`(?:\b(?:at|@)\s*(${LIST_ITEM}(?:${JOINED}${LIST_ITEM})+)` +
    String.raw`|\b(?:thrice|(?:twice|two|three|four|five|six|[2-6])\s*(?:times|x))\s*(?:(?:a|per|each)\s+day|daily)\b[\s:(-]*(?:at\s+)?(${LIST_ITEM}(?:(?:${JOINED}|\s+)${LIST_ITEM})+))`,
  'g',
);
const LIST_ITEMS = new RegExp(LIST_ITEM, 'g');
/** A bare hour ending a list before a count of things ("at 9am, 2 reports") is a number, not a time. */
const COUNTED_AFTER = /^\s+(?:[a-z]*[^s\W]s|of|more|new|per|x)\b/;
/** Guard: TIME_LIST needs "at", "@", or a count of runs a day ("times", "x", "thrice"). */
const LIST_WORDS = ['at', '@', 'times', 'x', 'thrice'];
const PART =
  /\b(?:(morning|afternoon|evening|night|lunch)(?:time)?s?|(end of (?:the )?(?:day|business day|workday|business)|eod|eob|cob|close of (?:the )?(?:business|day))|(first thing)|(nightly))\b/;

function toSpoken(hourText: string, minute: number, suffix: string | undefined): SpokenTime | null {
  let hour = Number(hourText);
  const pm = suffix?.startsWith('p') ?? false;
  const am = suffix?.startsWith('a') ?? false;
  if (am || pm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return { hour, minute, meridiem: am || pm };
}

/** Guard: a clock time needs a digit or one of the words CLOCK knows (BARE_HOUR and HOUR_PAIR need digits). */
const DIGIT = /\d/;
const CLOCK_WORDS = ['noon', 'midday', 'midnight'];

function spokenTimes(text: string): SpokenTime[] {
  const times: SpokenTime[] = [];
  if (!DIGIT.test(text) && !includesAny(text, CLOCK_WORDS)) return times;
  eachMatch(CLOCK, text, (m) => {
    const word = m[6];
    if (word !== undefined) {
      times.push({ hour: word === 'midnight' ? 0 : 12, minute: 0, meridiem: true });
      return;
    }
    if (m[7] !== undefined) {
      const hour = Number(m[7]);
      if (hour <= 23 && !SPAN_BEFORE.test(text.slice(Math.max(0, m.index - 7), m.index))) times.push({ hour, minute: Number(m[8] ?? 0), meridiem: true });
      return;
    }
    const spoken = m[1] !== undefined ? toSpoken(m[1], Number(m[2]), m[3]) : toSpoken(m[4] ?? '', 0, m[5]);
    // A time said in words ("twenty to five") is a working hour like a bare "at 4"; "4:40" typed is as written.
    const inWords = text.startsWith(SAID_IN_WORDS, m.index + m[0].length);
    if (spoken) times.push(m[1] === undefined || inWords ? { ...spoken, bare: true } : spoken);
  });
  // Bare hours listed with others ("at 8, noon and 4pm"): CLOCK took the others.
  if (includesAny(text, LIST_WORDS)) times.push(...listedBareHours(text));
  if (times.length === 0) {
    eachMatch(BARE_HOUR, text, (m) => {
      for (const hour of [m[1] ?? '', ...(m[2] ?? '').split(/\D+/).filter(Boolean)]) {
        const spoken = toSpoken(hour, 0, undefined);
        if (spoken) times.push({ ...spoken, bare: true });
      }
    });
  }
  if (times.length === 0) {
    const pair = HOUR_PAIR.exec(text);
    for (const hour of pair ? [pair[1] ?? '', pair[2] ?? ''] : []) {
      const spoken = toSpoken(hour, 0, undefined);
      if (spoken) times.push({ ...spoken, bare: true });
    }
  }
  return times;
}

/** The bare hours of every list of times in `text`; the clock times among them are CLOCK's. */
function listedBareHours(text: string): SpokenTime[] {
  const hours: SpokenTime[] = [];
  eachMatch(TIME_LIST, text, (m) => {
    const list = m[1] ?? m[2] ?? '';
    const listEnd = m.index + m[0].length;
    eachMatch(LIST_ITEMS, list, (item) => {
      if (!/^\d{1,2}$/.test(item[0])) return;
      const last = item.index + item[0].length === list.length;
      if (last && COUNTED_AFTER.test(text.slice(listEnd, listEnd + 24))) return;
      const spoken = toSpoken(item[0], 0, undefined);
      if (spoken) hours.push({ ...spoken, bare: true });
    });
  });
  return hours;
}

/** The part of the day named in `text`, if any. */
export function findPartOfDay(text: string): PartOfDay | null {
  // No guard: a guard of its eleven words cost more than the scan (measured on the table).
  const m = PART.exec(text);
  if (!m) return null;
  if (m[2] !== undefined) return 'end of day';
  if (m[3] !== undefined) return 'morning';
  if (m[4] !== undefined) return 'night';
  return (m[1] ?? 'morning') as PartOfDay;
}

/**
 * Every time of day stated in `text`, in order. An hour said without am/pm is read in the light
 * of the part of the day ("every evening at 7" is 19:00).
 */
export function findTimes(text: string, part: PartOfDay | null): ClockTime[] {
  const late = part === 'afternoon' || part === 'evening' || part === 'night' || part === 'end of day';
  const early = part === 'morning';
  // Without am/pm, "at 4" is read as a working hour (16:00) and "at 9" as the morning; a part of the day decides first.
  return spokenTimes(timesInDigits(text)).map(({ hour, minute, meridiem, bare }) => ({
    hour: !meridiem && hour < 12 && (late || (!early && bare && hour >= 1 && hour <= 6)) ? hour + 12 : hour,
    minute,
  }));
}

/** The time a part of the day stands for when no time is given. */
export function defaultTime(part: PartOfDay): ClockTime {
  return { hour: PART_DEFAULT_HOUR[part], minute: 0 };
}

/** `HH:MM`, zero-padded. */
export function toHHMM({ hour, minute }: ClockTime): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
