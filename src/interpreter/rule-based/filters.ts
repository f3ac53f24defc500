import { findMentions } from './integrations.js';
import { eachMatch, oneOf, overlaps, type Span } from './text.js';
import { findTypedFilters } from './typed-filters.js';

/** Filters found in a message, and the spans of their values (which name no integration). */
export interface FilterReading {
  /** Readable filters in order of appearance: `from my manager`, `unread`, `label: Invoices`. */
  filters: string[];
  spans: Span[];
}

const ADDRESS = String.raw`[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}`;
// Where a free-text value ("from my manager") ends: punctuation or a word that starts a new idea.
const STOP = String.raw`(?=\s+${oneOf([
  'and', 'or', 'but', 'then', 'every', 'each', 'daily', 'weekly', 'hourly', 'at', 'on', 'to', 'into', 'in', 'via',
  'with', 'that', 'which', 'who', 'before', 'after', 'when', 'whenever', 'if', 'please', 'only', 'so',
])}\b|\s*[,.;!?:]|\s+-\s|\s*->|\s*→|$)`;
const VALUE = String.raw`(?:"([^"]+)"|'([^']+)'|([a-z0-9][\w-]*))`;
const QUOTED_VALUE = String.raw`(?:"([^"]+)"|'([^']+)')`;
const NOUN = oneOf([
  'e-?mails?', 'mails?', 'messages?', 'dms?', 'ones', 'those', 'anything', 'everything', 'stuff', 'tickets?', 'issues?',
  'notifications?', 'updates', 'threads?', 'only', 'just', 'gmail', 'outlook',
]);
// "new mail in Outlook from HR": the mailbox may be named between the mail and its sender.
const MAILBOX = String.raw`(?:\s+(?:in|on|to)\s+(?:my\s+)?(?:gmail|outlook|inbox))?`;
const ARRIVING = String.raw`(?:\s+(?:that|which|who))?(?:\s+(?:arrives?|arriving|comes?|coming|came|(?:are|is|was|were) sent|sent|received))?`;

const DOMAIN = String.raw`[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w.@])`;
const FROM = new RegExp(String.raw`\b${NOUN}${MAILBOX}${ARRIVING}\s+from\s+(?:(${ADDRESS})|(${DOMAIN})|(.+?)${STOP})`, 'dg');
/** "skip anything from noreply": an exclusion, read by the typed filters. */
const EXCLUDED_BEFORE = /\b(?:skip(?:ping)?|except|excluding|ignore|ignoring|nothing|not|no|but)\s+(?:\w+\s+)?$/;
const SENT_BY = new RegExp(String.raw`\b(?:sent|written|posted) by\s+(?:(${ADDRESS})|(.+?)${STOP})`, 'dg');
/** "when my landlord emails", "whenever the school writes": a known sender of the event. */
const SENDS = new RegExp(
  String.raw`\b(?:when(?:ever)?|every time|each time|any ?time|if|once|as soon as)\s+((?:my|our|the)\s+(?:[a-z-]+\s+){0,2}?[a-z-]+)\s+(?:e-?mails|writes|messages|texts|replies|sends)\b`,
  'dg',
);
const FROM_ADDRESS = new RegExp(String.raw`\bfrom\s+(${ADDRESS})`, 'dg');
const LABEL = new RegExp(
  String.raw`\b(?:with (?:the |a )?label|labell?ed(?: as| with)?|under (?:the )?label|tagged(?: as| with)?|in (?:the )?label)` +
    String.raw`\s+${VALUE}|\bin (?:the |my )?${VALUE} label\b` +
    // A folder is where a tool keeps things, the way a label is ("in the contracts folder", 'folder "clients"').
    String.raw`|\bin (?:the |my |our )?(?:shared |team )?(?:"([^"]+)"|([a-z0-9][\w-]*)) folder\b|\bfolder (?:called |named )?"([^"]+)"`,
  'dg',
);
const SUBJECT = new RegExp(
  String.raw`\bwith\s+${VALUE}\s+in (?:the )?subject(?: line)?\b|` +
    String.raw`\bsubject(?: line)?\s+(?:contains|containing|includes|including|with|says|mentions|mentioning|of)\s+${VALUE}`,
  'dg',
);
const KEYWORD = String.raw`(?:word|phrase|keyword|term)`;
const MENTIONS = new RegExp(
  String.raw`\b(?:mention|mentions|mentioning|contain|contains|containing|with the ${KEYWORD})\s+(?:the ${KEYWORD}\s+)?${VALUE}|` +
    String.raw`\b(?:include|includes|including|about)\s+${QUOTED_VALUE}`,
  'dg',
);
const NOT_A_KEYWORD = new Set([
  'a', 'an', 'the', 'any', 'some', 'me', 'us', 'you', 'my', 'our', 'it', 'them', 'this', 'that', 'attachments',
]);
const FLAG = String.raw`(starred|important|flagged|unanswered|high[- ]priority)`;
const FLAGGED_THING = String.raw`(?:e-?mails?|mails?|messages?|ones|tickets?|issues?|dms?|notifications?|threads?)`;
// "Unread" is always a filter; "important" only next to a thing that can be flagged ("it is important that…" is not).
const ADJECTIVE = new RegExp(
  String.raw`\b(unread|unopened)\b|\b(?:only |just )${FLAG}\b|\b${FLAG}(?=\s+(?:\w+\s+){0,2}?${FLAGGED_THING}\b)`,
  'g',
);
const ATTACHMENTS = /\b(?:with|that have|having|has|containing) (?:an? |any )?attachments?\b/g;
const POSSESSIVE = /^(?:my|the|our|your)\s+/;
const INTEGRATION_TAIL = /^\s*(?:account|inbox|app|workspace|channel)?\s*$/;

/** The first capture group that took part in the match (regexes built with the `d` flag). */
function captured(m: RegExpExecArray): { text: string; start: number } | null {
  for (let i = 1; i < m.length; i++) {
    const text = m[i];
    const at = m.indices?.[i];
    if (text !== undefined && at) return { text, start: at[0] };
  }
  return null;
}

// "messages from Slack" names the source, not a filter; "from 9 to 5" is a time window.
function isSourceOrTime(value: string): boolean {
  if (/^\d/.test(value)) return true;
  const rest = value.replace(POSSESSIVE, '');
  const offset = value.length - rest.length;
  const first = findMentions(rest)[0];
  return first !== undefined && first.start === 0 && INTEGRATION_TAIL.test(value.slice(offset + first.end));
}

/** Reads filters from `norm` (normalised); values keep the spelling of `raw`. */
export function findFilters(norm: string, raw: string): FilterReading {
  const found: { at: number; text: string }[] = [];
  const spans: Span[] = [];
  const add = (at: number, text: string, span?: Span): void => {
    found.push({ at, text });
    if (span) spans.push(span);
  };
  const valued = (re: RegExp, format: (value: string) => string, check?: (value: string, at: number) => boolean): void => {
    eachMatch(re, norm, (m) => {
      const value = captured(m);
      if (!value || overlaps(value.start, value.start + value.text.length, spans)) return;
      const text = raw.slice(value.start, value.start + value.text.length).trim();
      if (check && !check(value.text.trim(), m.index)) return;
      add(m.index, format(text), [value.start, value.start + value.text.length]);
    });
  };
  valued(FROM, (v) => `from ${v}`, (v, at) => !isSourceOrTime(v) && !EXCLUDED_BEFORE.test(norm.slice(Math.max(0, at - 30), at)));
  valued(SENT_BY, (v) => `from ${v}`, (v) => !isSourceOrTime(v));
  valued(FROM_ADDRESS, (v) => `from ${v}`);
  valued(SENDS, (v) => `from ${v}`, (v) => !isSourceOrTime(v));
  valued(LABEL, (v) => `label: ${v}`, (v, at) => !/folder/.test(norm.slice(at, at + 60)) || !isSourceOrTime(v));
  valued(SUBJECT, (v) => `subject contains "${v}"`);
  valued(MENTIONS, (v) => `mentions "${v}"`, (v) => !NOT_A_KEYWORD.has(v));
  eachMatch(ADJECTIVE, norm, (m) => {
    const word = (m[1] ?? m[2] ?? m[3] ?? '').replace('-', ' ').replace('unopened', 'unread');
    add(m.index, word);
  });
  eachMatch(ATTACHMENTS, norm, (m) => add(m.index, 'with attachments'));
  for (const typed of findTypedFilters(norm)) {
    if (overlaps(typed.span[0], typed.span[1], spans)) continue;
    add(typed.at, typed.text, typed.span);
  }
  found.sort((a, b) => a.at - b.at);
  return { filters: [...new Set(found.map((f) => f.text))], spans };
}
