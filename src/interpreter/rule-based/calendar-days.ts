import { eachMatch, includesAny } from './text.js';

/** Which days a schedule runs on. */
export type DaySpec =
  /** Days of the week, cron numbering (0 = Sunday), sorted; seven days means every day. */
  | { kind: 'week'; days: readonly number[]; approx?: string }
  /**
   * One day of every month; `more`: the other days it also runs on ("twice a month": the 1st and the 15th), which a
   * recurrence (one day of the month) cannot hold, so the schedule is then kept as its cron.
   */
  | { kind: 'month'; day: number; more?: readonly number[]; approx?: string };

const DAY = String.raw`(sun(?:day)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?)`;
const JOIN = String.raw`(?:\s*,\s*and\s+|\s*,\s*|\s*&\s*|\s*\+\s*|\s*\/\s*|\s+and\s+|\s+or\s+|\s+)`;
const DAY_LIST = new RegExp(
  String.raw`(?:\b(every|each|on every|weekly on|every week on|on)\s+)?\b(${DAY}s?(?:${JOIN}${DAY}s?)*)(?![a-z])`,
  'g',
);
const DAY_TOKEN = new RegExp(`${DAY}(s?)(?![a-z])`, 'g');
const DAY_RANGE = new RegExp(String.raw`\b${DAY}\s*(?:-|to|through|thru|till|until)\s*${DAY}(?![a-z])`);
const WEEKDAYS = new RegExp(
  String.raw`\b(?:every|each|on)\s+(?:weekday|work(?:ing)? ?day|business day)s?\b|\bweekdays\b|\bwk ?days\b` +
    String.raw`|\bweekday (?:morning|afternoon|evening|night)s?\b|\b(?:work(?:ing)?|business) ?days\b`,
);
const WEEKENDS = /\b(?:every|each|on)\s+weekends?\b|\bweekends\b|\bweekend (?:morning|afternoon|evening)s?\b/;
const DAILY = new RegExp(
  [
    String.raw`\b(?:every|each)\s+(?:single\s+)?day\b|\bdaily\b|\bonce (?:a|per) day\b`,
    String.raw`\b(?:every|each|in the)\s+(?:morning|afternoon|evening|night)s?\b|\b(?:mornings|afternoons|evenings|nights|nightly)\b`,
    String.raw`\bend of (?:each|every) (?:work)?day\b`,
  ].join('|'),
);
const EVERY_DAY_TOO = /\b(?:including|incl\.?|plus|and|even on) weekends\b|\bweekends (?:too|included|as well)\b|\b7 days a week\b|\bseven days a week\b/;
const WEEKLY = /\bweekly\b|\b(?:every|each|once a|per) week\b/;
const MONTHLY = /\bmonthly\b|\b(?:every|each|once a|per|of the|of every|of each) month\b/;
const MONTH_DAY = /\b(?:the\s+)?(?:(\d{1,2})(?:st|nd|rd|th)|(\d{1,2})(?=\s+of\s+(?:every|each|the)\s+month)|first)\b/;
/** "on the 28th", "just the 15th at 10" name a day of the month without saying "month" (agents recur: no one-off dates). */
const ON_MONTH_DAY = /\bon the (\d{1,2})(?:st|nd|rd|th)\b|\bthe (\d{1,2})(?:st|nd|rd|th)\s+(?=at\b|@)/;
/** "every 1st at 6am": only before a time or the end ("every 3rd email" is no day). */
const EVERY_MONTH_DAY = /\b(?:every|each) (\d{1,2})(?:st|nd|rd|th)\b(?=\s*(?:$|[,.;!?]|at\b|@|\d))/;
/** Days left out, one by one or as a group: "but Sunday", "except Fridays", "no weekends", "not on weekends". */
const LEFT_OUT = String.raw`(?:${DAY}s?|weekends?|weekdays?)`;
const EXCEPT = new RegExp(
  // "No" with a plural only: "monday wait no tuesday" takes a day back (see taken-back.ts); "no mondays" leaves them out.
  // "But on weekdays", "but only weekdays", "but weekdays only" narrow the days to those, not leave them out.
  String.raw`\b(?:except(?: for)?|but not|but(?!\s+(?:on|only|just)\b)|not(?: on)?|no(?=\s+(?:weekend|[a-z]+s\b))|never on|excluding|other than|apart from|skip(?:ping)?|minus|without)\s+(?:on\s+)?(?:the\s+)?` +
    String.raw`(?<list>${LEFT_OUT}(?:${JOIN}${LEFT_OUT})*)(?![a-z])(?!\s+only\b)|\b(?<off>weekends?) off\b`,
);
const LEFT_OUT_TOKEN = new RegExp(`${DAY}s?(?![a-z])|(weekend|weekday)s?`, 'g');
const WEEKEND = [0, 6];
const WEEKDAY = [1, 2, 3, 4, 5];
/**
 * The end of the month ("last day of the month", "end of every month", "month end", "last friday of the month"): five-field
 * cron has no last day (`L` is an extension), so it runs on the 28th, the last day every month has.
 */
const END_OF_MONTH = /\blast (?:day|business day|weekday|working day|work day|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|\bend of (?:the|each|every|a|the) month\b|\bmonth[- ]?end\b|\beom\b/;
const LAST_DAY_EVERY_MONTH_HAS = 28;
/** "At month end", "every month-end": monthly, though "of the month" is not said. */
const MONTH_END = /\bmonth[- ]?end\b/;
/** "The first monday of the month", "2nd tuesday of every month": cron cannot say which week, so it runs on the first day that week can start. */
const NTH_WEEKDAY = new RegExp(String.raw`\b(first|1st|second|2nd|third|3rd|fourth|4th)\s+${DAY}\s+(?:of|in)\b`);
const NTH: Readonly<Record<string, number>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };
const ORDINAL_WORDS = ['first', 'second', 'third', 'fourth', '1st', '2nd', '3rd', '4th'];
/** A day said by its number, not by "first": "the 15th", "15 of every month". */
const NUMBERED_MONTH_DAY = /\b\d{1,2}(?:st|nd|rd|th)\b(?!\s+(?:mon|tue|wed|thu|fri|sat|sun))|\b\d{1,2}(?=\s+of\s+(?:every|each|the)\s+month)/;
/** "Every other day", "every 2 days", "on alternate days": cron cannot skip days evenly across weeks; Monday, Wednesday and Friday run every other day of the working week. */
/** "Every 3 days" (the group): about twice a week, which Monday and Thursday run. */
const EVERY_OTHER_DAY: DaySpec = { kind: 'week', days: [1, 3, 5], approx: 'the closest to every other day a weekly schedule can say; say other days to change them' };
const EVERY_THIRD_DAY: DaySpec = { kind: 'week', days: [1, 4], approx: 'the closest to every 3 days a weekly schedule can say; say other days to change them' };
const OTHER_DAY = /\bevery (?:other|second|2nd|2|two|couple(?: of)?|(3|three|third)) days?\b|\b(?:on )?alternat(?:e|ing) days\b/;
/** "Twice a week", "3x per week", "three times weekly": days picked for the count, spread over the week. */
const TIMES_A_WEEK = /\b(?:(twice|two times|2 ?x|2 times)|(thrice|three times|3 ?x|3 times)|(four times|4 ?x|4 times))\s*(?:(?:a|per|each|\/)\s*week\b|weekly\b)/;
const DAYS_FOR_COUNT: readonly (readonly number[])[] = [[1, 4], [1, 3, 5], [1, 2, 4, 5]];
/** Guard: TIMES_A_WEEK needs one of these. */
const COUNT_WORDS_ALL = ['twice', 'thrice', 'times', 'x'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** "Twice a month", "2x per month", "semi-monthly": a cron can run on two days of the month, which are picked for the count. */
const TWICE_A_MONTH = /\b(?:twice|two times|2 ?x|2 times)\s*(?:(?:a|per|each|every|\/)\s*month\b|monthly\b)|\bsemi[- ]?monthly\b/;
/** Guard: TWICE_A_MONTH needs one of these (and "month"). */
const TWICE_WORDS = ['twice', 'two times', '2', 'semi'];
/** The days picked for "twice a month": the 1st and the 15th, half a month apart. */
const TWICE_A_MONTH_DAYS: DaySpec = { kind: 'month', day: 1, more: [15], approx: 'twice a month: days picked for you; say other days to change them' };
/** Several days of the month listed by their number ("the 1st and 15th", "5th & 20th"), not a weekday's place ("2nd tuesday"). */
const MONTH_DAY_LIST = /\b\d{1,2}(?:st|nd|rd|th)(?:\s*(?:,\s*and|,|and|&|\+|\/)\s*(?:the\s+)?\d{1,2}(?:st|nd|rd|th))+\b(?!\s+(?:mon|tue|wed|thu|fri|sat|sun))/;
const NUMBER = /\d{1,2}/g;
/** "Biweekly", "every other week", "every 2 weeks", "fortnightly", "every other friday": cron cannot skip weeks, so it runs weekly. */
const OTHER_WEEK = new RegExp(String.raw`\bbi-?weekly\b|\bfortnight(?:ly)?\b|\bevery (?:other|second|2nd|2|two) (?:weeks?|${DAY})\b|\bonce every (?:two|2) weeks\b`);
/** Guard: OTHER_WEEK says "week" or "fortnight", or "every" before a day's name. */
const OTHER_WEEK_WORDS = ['week', 'fortnight'];
// Guards, each what a pattern above cannot match without: DAY_LIST, DAY_RANGE and EXCEPT a day's first
// three letters; WEEKDAYS "weekday", "work", "business" or "wk"; DAILY "day", "daily" or a part of the day.
const DAY_STEMS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_WORDS = ['weekday', 'work', 'business', 'wk'];
const EVERY_DAY_WORDS = ['weekend', 'days a week'];
/** Guard: EXCEPT without a day's name leaves out "weekends" or "weekdays". */
const WEEK_PART_WORDS = ['weekend', 'weekday'];
const DAILY_WORDS = ['day', 'daily', 'morning', 'afternoon', 'evening', 'night'];
const DIGIT = /\d/;

function dayNumber(token: string): number {
  const key = token.slice(0, 2);
  return ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'].indexOf(key);
}

function week(days: Iterable<number>): DaySpec {
  return { kind: 'week', days: [...new Set(days)].sort((a, b) => a - b) };
}

function listedDays(text: string, weekly: boolean, timed = false): number[] | null {
  // Every recurring group counts: "tuesday at 7am and friday at 7am" runs on both.
  let found: number[] | null = null;
  eachMatch(DAY_LIST, text, (m) => {
    const lead = m[1];
    const days: number[] = [];
    let plural = false;
    let abbreviated = false;
    eachMatch(DAY_TOKEN, m[2] ?? '', (t) => {
      const token = t[1] ?? '';
      days.push(dayNumber(token));
      if (t[2] === 's') plural = true;
      if (!token.endsWith('day')) abbreviated = true;
    });
    // "on Monday" and "the sun" are too often a one-off or a plain word: a recurring day needs
    // "every"/"each", a plural ("Mondays"), or a weekly context; abbreviations need a lead word.
    // With a time said ("mon wed fri at 8", "friday 5pm") a day is when the agent runs: agents recur.
    const recurring = (lead !== undefined && lead !== 'on') || plural || weekly || timed;
    const theSun = /\bthe\s+$/.test(text.slice(Math.max(0, m.index - 5), m.index));
    if (recurring && !theSun && !(abbreviated && lead === undefined && !timed)) found = [...(found ?? []), ...days];
  });
  return found;
}

/** The days a list of day words names ("mondays and fridays", "weekends", "tues"), in order. */
export function daysNamed(list: string): number[] {
  const days = new Set<number>();
  eachMatch(LEFT_OUT_TOKEN, list, (t) => {
    for (const day of t[1] !== undefined ? [dayNumber(t[1])] : t[2] === 'weekend' ? WEEKEND : WEEKDAY) days.add(day);
  });
  return [...days].sort((a, b) => a - b);
}

/** The days a schedule in `text` runs on, or null when none are named; `timed` when a time of day is said. */
export function findDays(text: string, timed = false, base: readonly number[] | null = null): DaySpec | null {
  const days = includesAny(text, DAY_STEMS);
  const except = days || includesAny(text, WEEK_PART_WORDS) ? EXCEPT.exec(text) : null;
  const spec = daysSaid(except ? text.replace(EXCEPT, ' ') : text, timed, days);
  if (!except || spec?.kind === 'month') return spec;
  // "every day but Sunday", "weekdays except Wednesdays", "every day at 9 no weekends": the named days come off.
  const dropped = new Set(daysNamed(except.groups?.['list'] ?? except.groups?.['off'] ?? ''));
  // "Wait no thursdays" of a Friday schedule: a "no" that would leave out days not set is a day taken back, not left out.
  if (!spec && base && except[0].startsWith('no') && ![...dropped].some((d) => base.includes(d))) return week([...dropped]);
  // "Skip Fridays" alone takes them off the days already set.
  const from = spec?.kind === 'week' ? spec.days : (base ?? [0, 1, 2, 3, 4, 5, 6]);
  return week(from.filter((d) => !dropped.has(d)));
}

/** Two or more days of the month listed by number, or null. */
function monthDaysListed(text: string): DaySpec | null {
  const list = MONTH_DAY_LIST.exec(text)?.[0];
  const days = [...new Set((list?.match(NUMBER) ?? []).map(Number))].filter((d) => d >= 1 && d <= 31).sort((a, b) => a - b);
  const [day, ...more] = days;
  return day !== undefined && more.length > 0 ? { kind: 'month', day, more } : null;
}

/** The days "every N days" runs on, for the N a weekly schedule comes close to (2 and 3), else null. */
export function everyFewDays(n: number): DaySpec | null {
  return n === 2 ? EVERY_OTHER_DAY : n === 3 ? EVERY_THIRD_DAY : null;
}

/** `days`: whether `text` holds a day's first three letters (see DAY_STEMS). */
function daysSaid(text: string, timed: boolean, days: boolean): DaySpec | null {
  const month = text.includes('month');
  const twice = month && includesAny(text, TWICE_WORDS) && TWICE_A_MONTH.test(text);
  const monthly = twice || (month && (MONTHLY.test(text) || MONTH_END.test(text)));
  const onDay = DIGIT.test(text) ? (ON_MONTH_DAY.exec(text) ?? EVERY_MONTH_DAY.exec(text)) : null;
  if (onDay && !monthly) {
    const day = Number(onDay[1] ?? onDay[2]);
    return monthDaysListed(text) ?? (day >= 1 && day <= 31 ? { kind: 'month', day } : null);
  }
  if (monthly) {
    const said = DIGIT.test(text) && NUMBERED_MONTH_DAY.test(text);
    // "The 1st and 15th of every month", "twice a month on the 5th and 20th": the days listed.
    const listed = said ? monthDaysListed(text) : null;
    if (listed) return listed;
    if (twice) return TWICE_A_MONTH_DAYS;
    // A number of the day said wins ("at the end of each month... say the 28th").
    if (!said && END_OF_MONTH.test(text)) {
      return { kind: 'month', day: LAST_DAY_EVERY_MONTH_HAS, approx: 'the 28th, the last day every month has: the closest to the end of the month a schedule can say' };
    }
    const nth = !said && days && includesAny(text, ORDINAL_WORDS) ? NTH_WEEKDAY.exec(text) : null;
    if (nth) {
      const day = 7 * ((NTH[nth[1] ?? ''] ?? 1) - 1) + 1;
      const named = `${nth[1]} ${DAY_NAMES[dayNumber(nth[2] ?? '')] ?? ''}`;
      return { kind: 'month', day, approx: `the closest to the ${named} of the month a schedule can say, which cannot pick a week of the month` };
    }
    const m = MONTH_DAY.exec(text);
    const day = Number(m?.[1] ?? m?.[2] ?? 1);
    return day >= 1 && day <= 31 ? { kind: 'month', day } : null;
  }
  const range = days ? DAY_RANGE.exec(text) : null;
  if (range) {
    const from = dayNumber(range[1] ?? '');
    const to = dayNumber(range[2] ?? '');
    const days: number[] = [];
    for (let d = from; days.length < 7; d = (d + 1) % 7) {
      days.push(d);
      if (d === to) break;
    }
    return week(days);
  }
  // "every day, weekends too": every day.
  if (includesAny(text, EVERY_DAY_WORDS) && EVERY_DAY_TOO.test(text)) return week([0, 1, 2, 3, 4, 5, 6]);
  if (includesAny(text, WEEKDAY_WORDS) && WEEKDAYS.test(text)) return week([1, 2, 3, 4, 5]);
  if (text.includes('weekend') && WEEKENDS.test(text)) return week([0, 6]);
  const otherWeek = (includesAny(text, OTHER_WEEK_WORDS) || (days && text.includes('every '))) && OTHER_WEEK.test(text);
  const weekly = otherWeek || (text.includes('week') && WEEKLY.test(text));
  const listed = days ? listedDays(text, weekly, timed) : null;
  if (otherWeek) {
    return { ...week(listed ?? [1]), approx: 'every week: a schedule cannot skip weeks, so this is the closest to every other week; say so if weekly is too often' };
  }
  if (listed) return week(listed);
  const count = text.includes('week') && includesAny(text, COUNT_WORDS_ALL) ? TIMES_A_WEEK.exec(text) : null;
  if (count) {
    const runs = count[1] !== undefined ? 0 : count[2] !== undefined ? 1 : 2;
    return { ...week(DAYS_FOR_COUNT[runs] ?? [1, 4]), approx: 'days picked for you; say others to change them' };
  }
  const otherDay = (text.includes('every ') || text.includes('alternat')) && text.includes('day') ? OTHER_DAY.exec(text) : null;
  if (otherDay) return otherDay[1] !== undefined ? EVERY_THIRD_DAY : EVERY_OTHER_DAY;
  if (includesAny(text, DAILY_WORDS) && DAILY.test(text)) return week([0, 1, 2, 3, 4, 5, 6]);
  // A bare "weekly" runs on Mondays.
  return weekly ? week([1]) : null;
}
