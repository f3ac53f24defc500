/** A half-open range `[start, end)` of character offsets into a message. */
export type Span = readonly [start: number, end: number];

const SINGLE_QUOTES = /[\u2018\u2019\u201B\u2032]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201F\u2033]/g;
const DASHES = /[\u2013\u2014]/g;
const ASCII_UPPER = /[A-Z]+/g;
/** Arrows typed other ways ("➡️", "⇒"): one character each, so offsets stay; the emoji's variation selector becomes a space. */
const OTHER_ARROWS = /\u27A1|\u21D2|\u2794|\u279C|\uFE0F/g;
/**
 * "New sheet row = new hubspot contact": an equals sign between spaces maps one thing to another, as an arrow
 * does, unless it gives a field its value ("status = approved", "amount = 500").
 */
const EQUALS_ARROW =
  /(?<![=<>!]|\b(?:status|state|stage|priority|amount|total|price|cost|value|label|tag|subject|title|time|type|owner|assignee|sender|from|to|count|size|score|x|n))\s=\s(?![=>$\d.])/g;

/**
 * Lower-cases a message and straightens typographic quotes and dashes, keeping every offset:
 * a span found in the result can be cut from the original to keep the user's spelling.
 */
export function normalize(raw: string): string {
  const straight = raw.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-');
  const lower = straight.toLowerCase();
  // A few characters change length when lower-cased ("İ" becomes two code units), which would
  // shift every later offset; fall back to ASCII-only lower-casing then.
  const text = lower.length === straight.length ? lower : straight.replace(ASCII_UPPER, (s) => s.toLowerCase());
  const arrows = ARROW_CHARACTERS.test(text) ? text.replace(OTHER_ARROWS, toArrow).replace(EQUALS_ARROW, ' → ') : text;
  // "Someone @mentions us": the verb, not a handle.
  return arrows.includes('@mention') ? arrows.replace(AT_MENTION, ' ') : arrows;
}

const AT_MENTION = /(?<![\w.])@(?=mention)/g;

/** Guard: the characters OTHER_ARROWS and EQUALS_ARROW need. */
const ARROW_CHARACTERS = /[=\u27A1\u21D2\u2794\u279C]|\uFE0F/;
const toArrow = (c: string): string => (c === '\uFE0F' ? ' ' : '→');

/** Replaces each span with spaces, so later patterns cannot see what it held but offsets stay put. */
export function mask(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  // Spans in order of start, each cut to the text; what they cover (overlaps too) is written as spaces once.
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  let out = '';
  let done = 0;
  for (const [start, end] of sorted) {
    const to = Math.min(end, text.length);
    const from = Math.max(0, start, done);
    if (to <= from) continue;
    out += text.slice(done, from) + ' '.repeat(to - from);
    done = to;
  }
  return out + text.slice(done);
}

/** Calls `visit` for every match of a global regex, from the start of `text`. */
export function eachMatch(re: RegExp, text: string, visit: (match: RegExpExecArray) => void): void {
  // The shared, precompiled regexes are stateful through `lastIndex`: always start from zero.
  re.lastIndex = 0;
  for (let match = re.exec(text); match !== null; match = re.exec(text)) {
    visit(match);
    if (match[0] === '') re.lastIndex++;
  }
}

/** Whether `[start, end)` overlaps any of `spans`. */
export function overlaps(start: number, end: number, spans: readonly Span[]): boolean {
  return spans.some(([s, e]) => start < e && s < end);
}

/** The first character upper-cased. */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `7:05` style: hour without padding, minutes with. */
export function formatClock(hour: number, minute: number): string {
  return `${hour}:${String(minute).padStart(2, '0')}`;
}

// Starts only where a run of address characters starts (see destination.ts: O(n²) otherwise).
const ADDRESS = /(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/g;
const CHANNEL = /(?<![\w#&/])#[a-z][a-z0-9._-]*/g;
const HANDLE = /(?<![\w.@])@[a-z0-9][\w.-]*/g;
const QUOTED = /"[^"]*"|(?<![a-z])'[^']*'(?![a-z])/g;
const URL = /\bhttps?:\/\/\S+/g;
// Each pattern with the characters it cannot match without (an address and a handle need '@', a
// channel '#', a quote its quote mark, a link "http"): most messages hold none, and are not scanned.
const LITERALS: readonly (readonly [pattern: RegExp, needs: readonly string[]])[] = [
  [ADDRESS, ['@']],
  [CHANNEL, ['#']],
  [HANDLE, ['@']],
  [QUOTED, ['"', "'"]],
  [URL, ['http']],
];

/**
 * Spans holding addresses, channels, handles, quoted text and links: names the user chose, in
 * which an integration's synonym ("boss@gmail.com", "#drive-backups", "'Invoices'") means nothing.
 */
export function literalSpans(norm: string): Span[] {
  const spans: Span[] = [];
  for (const [re, needs] of LITERALS) {
    if (needs.some((part) => norm.includes(part))) eachMatch(re, norm, (m) => spans.push([m.index, m.index + m[0].length]));
  }
  return spans;
}

/** Whether `text` holds any of `parts`: a cheap test a pattern needs to pass before it can match. */
export function includesAny(text: string, parts: readonly string[]): boolean {
  for (const part of parts) if (text.includes(part)) return true;
  return false;
}

/** A non-capturing alternation of regex source parts: `oneOf(['a', 'b'])` is `(?:a|b)`. */
export function oneOf(parts: readonly string[]): string {
  return `(?:${parts.join('|')})`;
}
