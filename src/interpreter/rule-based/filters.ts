import { findMentions } from './integrations.js';
import { eachMatch, includesAny, oneOf, overlaps, type Span } from './text.js';
import { findExclusions } from './exclusions.js';
import { findTypedFilters, type FoundFilter } from './typed-filters.js';

/** Filters found in a message, and the spans of their values (which name no integration). */
export interface FilterReading {
  /** Readable filters in order of appearance: `from my manager`, `unread`, `label: Invoices`. */
  filters: string[];
  spans: Span[];
}

// Starts only where a run of address characters starts (see destination.ts: O(n²) otherwise).
const ADDRESS = String.raw`(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}`;
// Where a free-text value ("from my manager") ends: punctuation or a word that starts a new idea.
const STOP = String.raw`(?=\s+${oneOf([
  'and', 'or', 'but', 'then', 'every', 'each', 'daily', 'weekly', 'hourly', 'at', 'on', 'to', 'into', 'in', 'via',
  'with', 'that', 'which', 'who', 'before', 'after', 'when', 'whenever', 'if', 'please', 'pls', 'plz', 'only', 'so', 'about', 'regarding',
  'tagged', 'labell?ed', 'marked',
])}\b|\s*[,.;!?:(]|\s+-\s|\s*->|\s*→|\s+[+&]\s|$)`;
/** Words that end a name of several words ("tagged good first issue and post them…"). */
const NAME_END = oneOf([
  'and', 'or', 'but', 'then', 'every', 'each', 'daily', 'weekly', 'hourly', 'monthly', 'at', 'on', 'to', 'into', 'in', 'via',
  'with', 'that', 'which', 'who', 'before', 'after', 'when', 'whenever', 'if', 'please', 'pls', 'only', 'so', 'from', 'for',
  'by', 'over', 'above', 'under', 'below', 'than', 'except', 'excluding', 'not', 'without', 'older', 'newer', 'since', 'due',
  'assigned', 'created', 'opened', 'as', 'go', 'goes', 'get', 'gets', 'should', 'must', 'will', 'can', 'are', 'is', 'were',
  'was', 'have', 'has', 'post', 'send', 'forward', 'save', 'copy', 'add', 'create', 'make', 'ping', 'text', 'email', 'dm',
  'notify', 'alert', 'me', 'us', 'this', 'today', 'tomorrow', 'yesterday', 'priority', 'status', 'about',
]);
/** A name of one to four words, the first free ("labelled to pay"), the others not ending it. */
const NAME = String.raw`([a-z0-9][\w-]*(?:\s+(?!${NAME_END}\b)[a-z0-9][\w-]*){0,3})`;
/** A topic: a name whose first word is checked too ("emails about into my calendar" has none). */
const TOPIC = String.raw`((?!${NAME_END}\b)[a-z0-9][\w-]*(?:\s+(?!${NAME_END}\b)[a-z0-9][\w-]*){0,2})`;
const NAME_END_WORD = new RegExp(String.raw`^${NAME_END}$`);
const VALUE = String.raw`(?:"([^"]+)"|'([^']+)'|([a-z0-9][\w-]*))`;
const NAME_VALUE = String.raw`(?:"([^"]+)"|'([^']+)'|${NAME})`;
const QUOTED_VALUE = String.raw`(?:"([^"]+)"|'([^']+)')`;
const NOUN = oneOf([
  'e-?mails?', 'mails?', 'messages?', 'dms?', 'ones', 'those', 'anything', 'everything', 'stuff', 'tickets?', 'issues?',
  'notifications?', 'updates', 'threads?', 'only', 'just', 'gmail', 'outlook', 'posts', 'tweets', 'texts', 'invites',
  'replies', 'contacts', 'invites?', 'invitations?',
]);
// "new mail in Outlook from HR": the mailbox may be named between the mail and its sender.
const MAILBOX = String.raw`(?:\s+(?:in|on|to)\s+(?:my\s+)?(?:gmail|outlook|inbox))?(?:\s+with (?:an? |any )?attachments?)?`;
const ARRIVING = String.raw`(?:\s+(?:that|which|who))?(?:\s+(?:arrives?|arriving|comes?|coming|came|(?:are|is|was|were) sent|sent|received))?`;

const DOMAIN = String.raw`[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w.@])`;
/** "from anyone at acme.com", "from @acme.com": a domain said with a little padding. */
const ANYONE_AT = String.raw`(?:(?:anyone|anybody|someone|somebody|people|folks|everyone|everybody)\s+(?:at\s+|from\s+)?)?@?`;
/** A sender said in words; "stuff from my gmail from school" is read from its second "from". */
const SENDER = String.raw`((?:(?! from\b).)+?)`;
const FROM = new RegExp(String.raw`\b${NOUN}${MAILBOX}${ARRIVING}\s+from\s+(?:${ANYONE_AT}(?:(${ADDRESS})|(${DOMAIN}))|${SENDER}${STOP})`, 'dg');
/** A sender at the start of a list item: "gmail, unread only, from the accountant, …". */
// "also from my boss only", "and from the accountant": a sender added in a follow-up, after a joining word.
const FROM_CLAUSE = new RegExp(
  String.raw`(?:^|[,;(]\s*)(?:(?:also|and|but|plus|only|just|oh|ok|actually)\s+)*from:?\s+(?:${ANYONE_AT}(?:(${ADDRESS})|(${DOMAIN}))|((?:my|the|our|his|her)\s+.+?)${STOP})`,
  'dg',
);
const FROM_DOMAIN = new RegExp(String.raw`\bfrom\s+${ANYONE_AT}(${DOMAIN})`, 'dg');
/** "from the landlord or the letting agent": the second sender. */
const OR_SENDER = new RegExp(String.raw`\bfrom\s+(?:my|the|our)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?\s+(?:or|and)\s+((?:my|the|our)\s+.+?)${STOP}`, 'dg');
/** "sent by our lawyers (lawfirm.example.com)": the domain in brackets is the sender. */
const FROM_BRACKETED = new RegExp(String.raw`\b(?:from|by)\s+[^(),;\n]{1,40}?\s*\((${ADDRESS}|${DOMAIN})\)`, 'dg');
/** "when my landlord emails", "whenever the school writes": the one who writes is the sender. */
const WHEN_WRITES = new RegExp(
  String.raw`\b(?:when(?:ever)?|if|once|as soon as|every time|each time|any ?time)\s+((?:my|the|our|a|an)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?|[a-z][\w'-]*)` +
    String.raw`\s+(?:e-?mails|writes|mails|messages|texts|slacks|replies|reaches out|gets in touch|sends (?:me )?(?:an? )?(?:e-?mail|message|something|anything))\b`,
  'dg',
);
/** Not a sender: nobody in particular, or a kind of mail ("when new emails…", "when important ones…"). */
const NOT_A_SENDER = /^(?:(?:my|the|our|a|an)\s+)?(?:anyone|anybody|someone|somebody|everyone|everybody|people|it|he|she|they|i|we|you|one|nobody|something|there|this|that|new|unread|important|latest|incoming|urgent|next|first|any|all|every|each|my|the|our|a|an)$|\s(?:new|unread|important|latest|incoming|urgent|next|first)$/;
/** "skip anything from noreply": an exclusion, read by the typed filters. */
const EXCLUDED_BEFORE = /\b(?:skip(?:ping)?|except|excluding|ignore|ignoring|nothing|not|no|but)\s+(?:\w+\s+)?$/;
const SENT_BY = new RegExp(String.raw`\b(?:sent|written|posted) by\s+(?:(${ADDRESS})|(.+?)${STOP})`, 'dg');
const FROM_ADDRESS = new RegExp(String.raw`\bfrom\s+(${ADDRESS})`, 'dg');
// Guards: every sender pattern but the three below says "from" literally; FROM_BRACKETED needs its '(',
// SENT_BY " by", and WHEN_WRITES one of its verbs ("e-mails", "mails" and "emails" all hold "mails").
const FROM_WORD = 'from';
const WHEN_WRITES_VERBS = ['mails', 'writes', 'messages', 'texts', 'slacks', 'replies', 'reaches out', 'gets in touch', 'sends'];
const LABEL = new RegExp(
  String.raw`\b(?:(?:with|w\/|gets?|got|getting|has|have|having) (?:the |a )?label|labell?ed(?: as| with)?|under (?:the )?label|tagged(?: as| with)?|in (?:the )?label)` +
    String.raw`\s+${NAME_VALUE}|\b(?:in|with) (?:the |my |a )?${VALUE} label\b|\blabel:?\s+${QUOTED_VALUE}|\blabel:\s*${VALUE}`,
  'dg',
);
/** Where a tool keeps files, read like a label ("my dropbox invoices folder", 'the "scans" folder', "in /invoices"). */
const FOLDER_TOOL = String.raw`(?:google drive|gdrive|drive|dropbox|onedrive|one drive|box|outlook|gmail|sharepoint)`;
const NOT_A_FOLDER_NAME = oneOf([
  'same', 'new', 'right', 'correct', 'that', 'this', 'one', 'shared', 'team', 'whole', 'entire', 'root', 'main', 'default',
  'designated', 'specific', 'particular', 'certain', 'a', 'the', 'my', 'our', 'your', 'which', 'whatever', 'any', 'each',
  'every', 'another', 'separate', 'dedicated', 'special', 'its', 'their', 'some', 'to', 'in', 'into', 'from', 'and',
]);
const FOLDER_WORD = String.raw`(?!${NOT_A_FOLDER_NAME}\b)[a-z0-9][\w-]*`;
const FOLDER = new RegExp(
  String.raw`(?:\b(?:the|my|our|in|from|inside)\s+(?:(?:shared|team)\s+)?(?:${FOLDER_TOOL}\s+)?|\b${FOLDER_TOOL}\s+)` +
    String.raw`(?:"([^"]+)"|'([^']+)'|(${FOLDER_WORD}(?:\s+${FOLDER_WORD})?))\s+folder\b` +
    String.raw`|\b(?:in|from|inside|under)\s+(?:the\s+|my\s+)?(?:${FOLDER_TOOL}\s+)?(?:folder\s+)?\/([\w.-]+(?:\/[\w.-]+)*)`,
  'dg',
);
/** 'my outlook folder "receipts"', "a folder called scans": read before the folder named by the words before it. */
// Guards: LABEL says "label" or "tagged"; FOLDER "folder" or '/'; FOLDER_CALLED "folder"; GROUP one of its nouns.
const LABEL_WORDS = ['label', 'tagged'];
const FOLDER_WORDS = ['folder', '/'];
const GROUP_WORDS = ['group', 'queue', 'category', 'view', 'segment', 'project'];
const FOLDER_CALLED = new RegExp(String.raw`\bfolder\s+(?:called |named )?${QUOTED_VALUE}|\bfolder (?:called|named)\s+([a-z0-9][\w-]*)`, 'dg');
/** A group or queue of a help desk or project tool ("zendesk tickets in the billing group"). */
const GROUP = new RegExp(String.raw`\bin (?:the |my |our )?(${FOLDER_WORD}(?:\s+${FOLDER_WORD})?) (?:group|queue|category|view|segment|project)\b`, 'dg');
const SUBJECT = new RegExp(
  String.raw`\bwith\s+${VALUE}\s+in (?:the )?(?:subject|title|heading|name)(?: line)?\b|` +
    String.raw`\b(?:subject|title)(?: line)?\s+(?:contains|containing|includes|including|with|says|mentions|mentioning|of)\s+${VALUE}|` +
    String.raw`\b(?:subject|title)(?: line)?\s+(?:starts|begins|ends|starting|beginning|ending) with\s+(?:${VALUE}|(\[[^\]]+\]))|` +
    String.raw`\bwith (?:the |a )?(?:subject|title)(?: line)?(?: of)?\s+${QUOTED_VALUE}`,
  'dg',
);
// Guard: SUBJECT's first form may say "heading" or "name" instead of "subject" or "title".
const SUBJECT_WORDS = ['subject', 'title', 'heading', 'name'];
const KEYWORD = String.raw`(?:word|phrase|keyword|term)`;
/** A quoted word a few words after the verb: 'mentioning our product name "widgetly"'. */
const MENTIONS_QUOTED = new RegExp(
  String.raw`\b(?:mention|mentions|mentioning|contain|contains|containing|include|includes|including|about|with the ${KEYWORD})\s+(?:[a-z]+\s+){0,4}?${QUOTED_VALUE}`,
  'dg',
);
/** 'convos with "refund" in them', 'anything with "invoice" in it': a quoted word the things hold. */
const WITH_QUOTED_IN = new RegExp(String.raw`\b(?:with|w\/)\s+${QUOTED_VALUE}\s+in (?:them|it|the (?:body|text|message|description))\b`, 'dg');
// "Mentions with the word outage", "mentions of our brand": a preposition after the verb starts no keyword.
const MENTIONS = new RegExp(
  String.raw`\b(?:mention|mentions|mentioning|contain|contains|containing|with the ${KEYWORD}|(?:that|which) says?)\s+(?:the ${KEYWORD}\s+)?(?!(?:with|of|on|in|from|to|for|by|about)\b)${VALUE}`,
  'dg',
);
/** "emails about the field trip", "when a tenant emails about a repair": the topic of the messages read ("post a message about the launch" is what to write). */
const ABOUT = new RegExp(
  String.raw`\b(?:e-?mails|mails|messages|tickets|issues|posts|tweets|threads|dms)\b[^,.;!?→]{0,40}?\s+about\s+(?:the |a |an |any |our |my )?${TOPIC}`,
  'dg',
);
// Guards: MENTIONS_QUOTED ends in a quoted value; MENTIONS needs its verb or "with the"; ABOUT says "about".
const QUOTE_MARKS = ['"', "'"];
const MENTIONS_WORDS = ['mention', 'contain', 'with the', ' say'];
const NOT_A_TOPIC = /^(?:new|unread|recent|latest|all|any|every|each|it|them|this|that|what|how|whether|when|each|those|these|me|us|you|him|her)\b/;
const NOT_A_KEYWORD = new Set([
  'a', 'an', 'the', 'any', 'some', 'me', 'us', 'you', 'my', 'our', 'it', 'them', 'this', 'that', 'attachments',
]);
/** "the messages i haven't read", "things i have not opened yet": unread, said the long way. */
const UNREAD_PHRASE = new RegExp(
  String.raw`\b(?:${NOUN}|things|mail)\s+(?:that\s+)?(?:i|we)\s+(?:have not|haven't|havent|did not|didn't|didnt|have yet to|never)\s+(?:yet\s+)?(?:read|opened?|seen|looked at|checked)\b` +
    String.raw`|\b(?:${NOUN}|things|mail)\s+(?:that\s+)?(?:are\s+|were\s+)?(?:not|never)\s+(?:yet\s+)?(?:been\s+)?(?:read|opened)\b`,
  'g',
);
const FLAG = String.raw`(starred|important|flagged|unanswered)`;
const FLAGGED_THING = String.raw`(?:e-?mails?|mails?|messages?|ones|tickets?|issues?|dms?|notifications?|threads?)`;
// "Unread" is always a filter; "important" only next to a thing that can be flagged ("it is important that…" is not).
const ADJECTIVE = new RegExp(
  String.raw`\b(unread|unopened)\b|\b(?:only |just )${FLAG}\b|\b${FLAG}(?=\s+(?:\w+\s+){0,2}?${FLAGGED_THING}\b)`,
  'g',
);
// Guards: UNREAD_PHRASE ends with one of these verbs; ADJECTIVE is one of these words.
const UNREAD_VERBS = ['read', 'open', 'seen', 'looked', 'checked'];
const ADJECTIVE_WORDS = ['unread', 'unopened', 'starred', 'important', 'flagged', 'unanswered'];
const ATTACHMENTS = /\b(?:with|that have|having|has|containing) (?:an? |any )?attachments?\b/g;
const POSSESSIVE = /^(?:my|the|our|your)\s+/;
const INTEGRATION_TAIL = /^\s*(?:account|inbox|app|workspace|channel)?\s*$/;

/** "save it to the invoices folder": a folder things are put in is a destination, not a filter. */
const PUT_BEFORE = /\b(?:save|put|move|copy|upload|store|send|back ?up|drop|archive|dump|add)\b[^→,.;]*\b(?:to|into|onto|in)\s*$/;

function isPlaceToPut(norm: string, at: number): boolean {
  const before = norm.slice(Math.max(0, at - 50), at);
  // The match may start with its preposition ("in the receipts folder").
  return PUT_BEFORE.test(before) || PUT_BEFORE.test(before + norm.slice(at, at + 3));
}

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
  return /^\d/.test(value) || isToolName(value, false);
}

/** Whether `value` is a tool and nothing more ("my Gmail account"); `byName`: only by its name ("invoices" may name a folder). */
function isToolName(value: string, byName: boolean): boolean {
  const rest = value.replace(POSSESSIVE, '');
  const offset = value.length - rest.length;
  const first = findMentions(rest)[0];
  if (first === undefined || (byName && first.keyword)) return false;
  return first.start === 0 && INTEGRATION_TAIL.test(value.slice(offset + first.end));
}

/** Reads filters from `norm` (normalised); values keep the spelling of `raw`. */
export function findFilters(norm: string, raw: string): FilterReading {
  const found: { at: number; text: string }[] = [];
  const spans: Span[] = [];
  const add = (at: number, text: string, span?: Span): void => {
    found.push({ at, text });
    if (span) spans.push(span);
  };
  /** Reads `re`'s first capture as a value; `check` sees it, where the match starts and where the value starts. */
  const valued = (re: RegExp, format: (value: string) => string, check?: (value: string, at: number, valueAt: number) => boolean): void => {
    eachMatch(re, norm, (m) => {
      const value = captured(m);
      if (!value || overlaps(value.start, value.start + value.text.length, spans)) return;
      const text = raw.slice(value.start, value.start + value.text.length).trim();
      if (check && !check(value.text.trim(), m.index, value.start)) return;
      add(m.index, format(text), [value.start, value.start + value.text.length]);
    });
  };
  const spanned = (typed: FoundFilter): void => {
    if (!overlaps(typed.span[0], typed.span[1], spans)) add(typed.at, typed.text, typed.span);
  };
  // What is left out first: "except the ones labelled wontfix" is no wanted label.
  findExclusions(norm).forEach(spanned);
  // "Every message from #decisions": a channel is where things are read, not who sent them.
  const sender = (v: string, at: number): boolean =>
    !v.startsWith('#') && !isSourceOrTime(v) && !NOT_A_SENDER.test(v) && !EXCLUDED_BEFORE.test(norm.slice(Math.max(0, at - 30), at));
  const named = (v: string): boolean => !isSourceOrTime(v);
  // A folder or label may be called like a tool's keyword ("invoices"), not like the tool; quoted, it is a name.
  const place = (v: string, valueAt: number): boolean => norm[valueAt - 1] === '"' || !isToolName(v, true);
  const from = (v: string): string => `from ${v}`;
  const label = (v: string): string => `label: ${v}`;
  // Each pattern is skipped when the message lacks what it cannot match without (guards beside the patterns).
  const saysFrom = norm.includes(FROM_WORD);
  if (norm.includes('(')) {
    eachMatch(FROM_BRACKETED, norm, (m) => {
      const at = m.indices?.[1];
      if (at && !overlaps(m.index, m.index + m[0].length, spans)) add(m.index, from(raw.slice(at[0], at[1])), [m.index, m.index + m[0].length]);
    });
  }
  if (saysFrom) {
    valued(FROM, from, sender);
    valued(FROM_CLAUSE, from, sender);
    valued(OR_SENDER, from, sender);
  }
  if (includesAny(norm, WHEN_WRITES_VERBS)) valued(WHEN_WRITES, from, sender);
  if (norm.includes(' by')) valued(SENT_BY, from, named);
  if (saysFrom && norm.includes('@')) valued(FROM_ADDRESS, from);
  if (saysFrom) valued(FROM_DOMAIN, from);
  if (includesAny(norm, LABEL_WORDS)) valued(LABEL, label, (v, at) => !/folder/.test(norm.slice(at, at + 60)) || named(v));
  if (norm.includes('folder')) valued(FOLDER_CALLED, label, (_v, at) => !isPlaceToPut(norm, at));
  if (includesAny(norm, FOLDER_WORDS)) valued(FOLDER, label, (v, at, valueAt) => place(v, valueAt) && !isPlaceToPut(norm, at));
  if (includesAny(norm, GROUP_WORDS)) valued(GROUP, label, (v, _at, valueAt) => place(v, valueAt));
  if (includesAny(norm, SUBJECT_WORDS)) valued(SUBJECT, (v) => `subject contains "${v}"`);
  if (includesAny(norm, QUOTE_MARKS)) {
    valued(WITH_QUOTED_IN, (v) => `mentions "${v}"`);
    valued(MENTIONS_QUOTED, (v) => `mentions "${v}"`);
  }
  if (includesAny(norm, MENTIONS_WORDS)) valued(MENTIONS, (v) => `mentions "${v}"`, (v) => !NOT_A_KEYWORD.has(v) && !NAME_END_WORD.test(v));
  if (norm.includes('about')) valued(ABOUT, (v) => `mentions "${v}"`, (v) => !NOT_A_TOPIC.test(v) && !NOT_A_KEYWORD.has(v) && named(v));
  if (includesAny(norm, ADJECTIVE_WORDS)) {
    eachMatch(ADJECTIVE, norm, (m) => {
      const word = (m[1] ?? m[2] ?? m[3] ?? '').replace('-', ' ').replace('unopened', 'unread');
      add(m.index, word);
    });
  }
  if (includesAny(norm, UNREAD_VERBS)) eachMatch(UNREAD_PHRASE, norm, (m) => add(m.index, 'unread'));
  if (norm.includes('attachment')) eachMatch(ATTACHMENTS, norm, (m) => add(m.index, 'with attachments'));
  findTypedFilters(norm).forEach(spanned);
  found.sort((a, b) => a.at - b.at);
  return { filters: [...new Set(found.map((f) => f.text))], spans };
}
