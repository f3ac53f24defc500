import { includesAny } from './text.js';

/**
 * Rewrites the ways people say a time in words into digits the clock reader knows: "quarter to nine"
 * → "8:45", "ten past six" → "6:10", "half 8" → "8:30", "five thirty pm" → "5:30 pm", "0930" → "9:30",
 * "6.15pm" → "6:15pm". Only used on text read for a schedule (offsets do not matter there).
 */
const HOURS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};
const MINUTES: Readonly<Record<string, number>> = {
  five: 5, ten: 10, quarter: 15, 'a quarter': 15, twenty: 20, 'twenty five': 25, 'twenty-five': 25, half: 30,
};
const HOUR = String.raw`(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const MINUTE_WORD = String.raw`(a quarter|quarter|half|twenty[- ]five|twenty|ten|five|\d{1,2}(?: minutes)?)`;
const PAST_TO = new RegExp(String.raw`\b${MINUTE_WORD}\s+(past|after|to|before|till)\s+${HOUR}\b(?!:)`, 'g');
const HALF = new RegExp(String.raw`\bhalf\s+${HOUR}\b(?!:)`, 'g');
const WORD_CLOCK = new RegExp(
  String.raw`\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(o'?clock|thirty|fifteen|forty[- ]five|(?=a\.?m\.?\b|p\.?m\.?\b|am\b|pm\b))`,
  'g',
);
// "0930", "1300": four digits are a time only after "at", before am/pm or a schedule word, or with a leading 0.
const FOUR_DIGITS = /(?<![\d$£€.,>])\b(?:(at\s+)?)([01]\d|2[0-3])([0-5]\d)\b(?!\s*(?:dollars|usd|eur|items|emails|orders|rows|%))/g;
const FOUR_DIGIT_CONTEXT = /^\s*(?:h\b|hrs?\b|hours\b|daily\b|every\b|each\b|on\b|weekdays\b|a\.?m|p\.?m|,|$)/;
// The space before am/pm belongs to it: "9.30 weekdays" keeps its space ("9:30weekdays" is no time).
const DOTTED = /(?<![\d$£€.,])\b(\d{1,2})\.([0-5]\d)(?:\s*(a\.?m\.?|p\.?m\.?))?(?![\d.])/g;

/** Marks a time rewritten from words ("twenty to five" → "4:40~"), which the clock reader treats as a bare hour. */
export const SAID_IN_WORDS = '~';

const hourOf = (word: string): number => HOURS[word] ?? Number(word);
const minuteOf = (word: string): number => MINUTES[word] ?? Number(word.replace(' minutes', ''));
const clock = (hour: number, minute: number): string => `${hour}:${String(minute).padStart(2, '0')}`;

const AT_WORD = /\b(at|around)\s+(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?!\s+(?:past|to|after|before|till|minutes|hours|times|days|thirty|fifteen|forty))/g;

/**
 * "every morning 9", "every evening 7 post the summary": an hour right after a part of the day, before the end,
 * a time word, a schedule word or what the agent is told to do (a verb in its plain form).
 */
const PART_HOUR = /\b(mornings?|afternoons?|evenings?|nights?)\s+(\d{1,2})(?=\s*(?:$|[,.;!?]|a\.?m\b|p\.?m\b|o'?clock\b|sharp\b|each\b|every\b|on\b|daily\b|weekdays\b)|\s+[a-z]+\b)/g;
/**
 * After the hour, a word that counts things rather than orders something ("every morning 5 new emails", "each
 * evening 3 tickets", "mornings 9 to 5"): a plural ("emails", not "pass"), a unit, or a word that describes.
 */
const COUNTED_AFTER = /^\s+(?:[a-z]*[^s\W]s|new|more|of|or|and|to|per|a|an|x|k|min|hr|hour|minute|day|week|month|people|person|percent|pct|other|different|most|latest|top|unread|urgent|open|old|big|important)\b/;

/** Guard: every rewrite needs a digit or an hour said in words ("half" and "quarter" come with an hour). */
const HOUR_WORDS = Object.keys(HOURS);
const DIGIT = /\d/;

export function timesInDigits(text: string): string {
  if (!DIGIT.test(text) && !includesAny(text, HOUR_WORDS)) return text;
  return text
    .replace(AT_WORD, (_whole, at: string, hourWord: string) => `${at} ${hourOf(hourWord)}`)
    .replace(PART_HOUR, (whole, part: string, hour: string, offset: number, all: string) =>
      Number(hour) >= 1 && Number(hour) <= 12 && !COUNTED_AFTER.test(all.slice(offset + whole.length, offset + whole.length + 24)) ? `${part} at ${hour}` : whole,
    )
    .replace(PAST_TO, (whole, minuteWord: string, relation: string, hourWord: string) => {
      const minute = minuteOf(minuteWord);
      const hour = hourOf(hourWord);
      if (!(minute > 0 && minute < 60) || !(hour >= 0 && hour <= 24)) return whole;
      if (relation === 'past' || relation === 'after') return clock(hour, minute) + SAID_IN_WORDS;
      return clock(hour === 0 ? 23 : hour - 1 === 0 ? 12 : hour - 1, 60 - minute) + SAID_IN_WORDS;
    })
    .replace(HALF, (whole, hourWord: string) => {
      const hour = hourOf(hourWord);
      return hour >= 0 && hour <= 23 ? clock(hour, 30) + SAID_IN_WORDS : whole;
    })
    .replace(WORD_CLOCK, (_whole, hourWord: string, rest: string) => {
      const hour = hourOf(hourWord);
      if (rest.startsWith('o')) return `${hour} o'clock`;
      if (rest === '') return `${hour} `;
      const minute = rest === 'thirty' ? 30 : rest === 'fifteen' ? 15 : 45;
      return clock(hour, minute) + SAID_IN_WORDS;
    })
    .replace(FOUR_DIGITS, (whole, at: string | undefined, hh: string, mm: string, offset: number, all: string) => {
      const after = all.slice(offset + whole.length, offset + whole.length + 12);
      if (!at && !hh.startsWith('0') && !FOUR_DIGIT_CONTEXT.test(after)) return whole;
      // Written as four digits, the time is on a 24-hour clock: "0530" is morning.
      return `${at ?? ''}${Number(hh)}:${mm}${Number(hh) < 12 ? ' am' : ''}`;
    })
    .replace(DOTTED, (whole, hh: string, mm: string, meridiem: string | undefined, offset: number, all: string) => {
      const before = all.slice(Math.max(0, offset - 4), offset);
      if (!meridiem && !/\bat\s+$/.test(before) && !/^\s+(?:every|each|daily|on|weekdays|mon|tue|wed|thu|fri|sat|sun)/.test(all.slice(offset + whole.length))) {
        return whole;
      }
      return `${Number(hh)}:${mm}${meridiem ? ` ${meridiem}` : ''}`;
    });
}
