import { distance } from 'fastest-levenshtein';
import { isUnsupportedToolWord } from './unsupported-tools.js';

/** Tool words people misspell, each the spelling the catalog's synonyms know. */
const TOOL_WORDS = [
  'gmail', 'google', 'calendar', 'sheets', 'spreadsheet', 'slack', 'outlook', 'teams', 'notion', 'github', 'jira',
  'trello', 'asana', 'linear', 'hubspot', 'salesforce', 'zendesk', 'stripe', 'discord', 'dropbox', 'airtable',
  'twitter', 'shopify', 'confluence', 'payments',
  // Not tools, but the things whose arrival starts an agent ("a new zendesk tikcet comes in").
  'ticket', 'tickets',
];

/**
 * Ordinary words one edit away from a tool word: never corrected ("team" is not "teams", "nation" not
 * "notion"). Words of three letters or fewer are never corrected at all.
 */
const ORDINARY = new Set([
  'team', 'teas', 'tems', 'lack', 'slacks', 'asanas', 'nation', 'notions', 'motion', 'linen', 'liner', 'lines', 'lineal',
  'discard', 'discords', 'stride', 'strive', 'stripes', 'striped', 'strips', 'twister', 'titter', 'googled', 'googles',
  'goggles', 'confluent', 'pavements', 'payment', 'calendars', 'sheet', 'sheep', 'shoots', 'sweets', 'sheer', 'jiras',
  'mail', 'email', 'gmails', 'outlooks', 'shopping', 'trellis', 'hello', 'steams', 'steam', 'teal', 'teams', 'tease',
  'parents', 'patents', 'pagers', 'ticked', 'ticker', 'tickers', 'picket', 'wicket', 'tickle', 'tickles',
]);

/**
 * Letters that sound alike, which people swap when they spell a name by ear ("slakk", "teems"); a short
 * tool word accepts one such swap where it accepts no other wrong letter.
 */
const SOUND_ALIKE: ReadonlySet<string> = new Set(['ck', 'kc', 'ae', 'ea', 'sz', 'zs', 'iy', 'yi', 'kq', 'qk']);
/** Spelled-by-ear endings put back before comparing: "dropboks" is "dropbox". */
const SPOKEN_X = /ks$|cks$|kz$/;

/** Whether `a` is `b` with one letter swapped for one that sounds alike ("slakk" for "slack"). */
function soundsAlike(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let swaps = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (i === 0 || !SOUND_ALIKE.has(`${a[i]}${b[i]}`)) return false;
    swaps++;
  }
  return swaps === 1;
}

/** Whether `a` is `b` with two neighbouring letters swapped ("jria" for "jira"). */
function transposed(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/**
 * The tool word `word` misspells, or null. Short tool words (five letters or fewer) accept one letter
 * missing, doubled or added, two swapped, or one swapped for a sound-alike; longer ones also one wrong letter (same first letter),
 * and from eight letters two edits. Ordinary words near a tool word are never corrected.
 */
export function correctToolWord(word: string): string | null {
  // "Calendly" is a tool of its own, not a misspelled "calendar".
  if (word.length < 4 || ORDINARY.has(word) || TOOL_WORDS.includes(word) || isUnsupportedToolWord(word)) return null;
  const spoken = word.replace(SPOKEN_X, 'x');
  if (spoken !== word && TOOL_WORDS.includes(spoken)) return spoken;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const tool of TOOL_WORDS) {
    if (Math.abs(tool.length - word.length) > 2) continue;
    if (transposed(word, tool) || soundsAlike(word, tool)) return tool;
    const d = distance(word, tool);
    const allowed = tool.length >= 8 ? 2 : 1;
    if (d > allowed || d >= bestDistance) continue;
    const substitution = word.length === tool.length;
    if (tool.length <= 5 && substitution) continue;
    if (word[0] !== tool[0]) continue;
    best = tool;
    bestDistance = d;
  }
  return best;
}

/**
 * Misspellings of the few ordinary words the readers turn on ("evry" for "every" is no schedule and no "for every
 * …"; "exept weekends" would read as weekends). Exact words only: no distance, which would reach real words.
 */
const WORD_TYPOS: Readonly<Record<string, string>> = {
  evry: 'every', evrey: 'every', everey: 'every', evey: 'every', eveyr: 'every', everytime: 'every time', evrytime: 'every time',
  exept: 'except', excpet: 'except', excpt: 'except',
  wekdays: 'weekdays', weekdys: 'weekdays', weekdyas: 'weekdays',
  wekends: 'weekends', weeknds: 'weekends', weekneds: 'weekends',
  dialy: 'daily', daliy: 'daily', dayly: 'daily',
  wehn: 'when', whne: 'when', whenver: 'whenever', wheneverr: 'whenever', whenevr: 'whenever',  // Shorthand typed in a hurry: "smth new", "mtgs", "tix".
  smth: 'something', mtgs: 'meetings', mtng: 'meeting', mtngs: 'meetings',
};
/** Words of three letters are never looked up by distance; these few are "when" typed fast, and shorthand. */
const SHORT_TYPOS: ReadonlyMap<string, string> = new Map([
  ['wen', 'when'], ['whn', 'when'],
  // "lmk on teams", "10 min b4 every mtg", "closed linear tix".
  ['lmk', 'let me know'], ['mtg', 'meeting'], ['tix', 'tickets'], ['sth', 'something'],
]);
/** The first letters of SHORT_TYPOS' words (l, m, s, t, w) as bits from "a": most three-letter words start otherwise and are not looked up. */
const SHORT_FIRST_LETTERS = (1 << 11) | (1 << 12) | (1 << 18) | (1 << 19) | (1 << 22);

/** A three-letter word's correction: looked up as typed, lower-cased only when it starts with a capital ("Wen", "LMK"). */
function shortCorrection(word: string): string | null {
  const first = word.charCodeAt(0);
  if (((SHORT_FIRST_LETTERS >> ((first | 32) - 97)) & 1) === 0) return null;
  return SHORT_TYPOS.get(first < 97 ? word.toLowerCase() : word) ?? null;
}

const WORD = /[A-Za-z]+/g;

/**
 * Each word's correction once per process (the edit distances against every tool word were a fifth of
 * the interpreter's time): people's vocabulary is small, and the memo starts over when it is full.
 */
const corrections = new Map<string, string | null>();

function correctionOf(word: string): string | null {
  let known = corrections.get(word);
  if (known === undefined) {
    known = WORD_TYPOS[word] ?? correctToolWord(word);
    if (corrections.size >= 20_000) corrections.clear();
    corrections.set(word, known);
  }
  return known;
}

/**
 * `raw` with misspelled tool names put right ("slakc" → "slack", "Notoin" → "notion"), so every later
 * reader sees the tool; words inside addresses, channels and handles are left alone.
 */
export function correctTypos(raw: string): string {
  return raw.replace(WORD, (word, offset: number) => {
    // Most words have no correction: look that up (words under four letters never have one) before the context.
    const correction = word.length >= 4 ? correctionOf(word.toLowerCase()) : word.length === 3 ? shortCorrection(word) : null;
    if (correction === null) return word;
    const before = raw[offset - 1] ?? ' ';
    const after = raw[offset + word.length] ?? ' ';
    if (/[#@._\-/\w]/.test(before) || /[@\w-]/.test(after) || (after === '.' && /\w/.test(raw[offset + word.length + 1] ?? ''))) return word;
    return correction;
  });
}
