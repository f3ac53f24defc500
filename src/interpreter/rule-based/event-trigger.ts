import type { Trigger } from '../../conversation/requirements/requirements.js';
import { getIntegration } from '../../oauth/integration-catalog.js';
import type { IntegrationMention } from './integrations.js';
import { eachMatch, includesAny, oneOf, type Span } from './text.js';

/** An event trigger. */
export type EventTrigger = Extract<Trigger, { type: 'event' }>;

/** An event trigger and the clause that states it ("when a new email arrives"). */
export interface EventReading {
  trigger: EventTrigger;
  span: Span;
  /**
   * Read without "when", "watch" or "every…" ("new gmail → slack"): a clock time or a loose schedule in the
   * same message says the agent runs on a schedule instead.
   */
  implied?: true;
}

type Candidate = readonly [integration: string, event: string];
/**
 * A kind of thing that happens, the catalog events it can be (usual first), whether its words already say it happened,
 * and words the pattern cannot match without (its guard, checked once a message; none: always tried).
 */
type Concept = readonly [pattern: RegExp, candidates: readonly Candidate[], happens?: true, needs?: readonly string[]];

/** Guard of the dispute concepts. */
const DISPUTE_WORDS = ['disput', 'chargeback', 'charge-back', 'charge back'];

const CONCEPTS: readonly Concept[] = [
  [
    /\b(?:payment|charge)s?\b[^,.;!?]{0,60}?\b(?:fails?|failed|failing|declined|bounces?|bounced)\b|\b(?:failed|declined|bounced) (?:stripe )?(?:payment|charge)s?\b/,
    [['stripe', 'payment_failed']],
    true,
  ],
  [
    new RegExp(
      String.raw`\b(?:payment|charge)s?\b[^,.;!?]{0,60}?\b(?:succeeds?|succeeded|goes through|went through|is received|comes in|clears)\b` +
        String.raw`|\b(?:successful|new) (?:stripe )?(?:payment|charge)s?\b|\b(?:get|gets|receive|receives) (?:an? |new )*payments?\b|\bpays\b`,
    ),
    [['stripe', 'payment_succeeded']],
    true,
  ],
  // "When a customer disputes a charge", "opens a dispute", "a chargeback is filed": a payment disputed (only Stripe has it).
  [
    /\bdisputes? (?:a|an|the|their|his|her|my|our) (?:payment|charge|transaction|purchase|order)\b|\b(?:opens?|opened|files?|filed|raises?|raised) (?:a |an )?(?:dispute|charge-?\s?back)\b|\b(?:disputed|charged back)\b|\b(?:disputes?|charge-?\s?backs?) (?:is|are|gets?|was|were|got) (?:opened|filed|raised|created)\b/,
    [['stripe', 'new_dispute']],
    true,
    DISPUTE_WORDS,
  ],
  // "New stripe disputes", "chargebacks": disputes named, which something new or "when" makes the event (as payments are).
  [/\bdisputes?\b|\bcharge-?\s?backs?\b/, [['stripe', 'new_dispute']], undefined, DISPUTE_WORDS],
  // "When my linear issue gets a comment", "new comments on linear tickets": a comment, said with Linear (the catalog keeps no other tool's).
  [
    /\blinear\b[^,.;!?]{0,60}?\bcomment(?:s|ed)?\b|\bcomment(?:s|ed)?\b[^,.;!?]{0,60}?\blinear\b/,
    [['linear', 'new_comment']],
    true,
    ['comment'],
  ],
  // "before each meeting", "15 min before my calls": a meeting about to start.
  [/\b(?:before|b4) (?:each|every|any|all|my|the|a|an|our)?\s*(?:meetings?|calls?|(?:calendar )?events?|appointments?)\b/, [['google_calendar', 'event_starting']], true],
  [/\bpull requests?\b|\bprs?\b/, [['github', 'new_pull_request']]],
  // "a p1", "sev2", "blockers": issues named by their priority.
  [/\b(?:issues?|bugs?|p[0-4]s?|sev ?[0-4]s?|blockers?)\b/, [['github', 'new_issue'], ['jira', 'new_issue'], ['linear', 'new_issue']]],
  [/\btickets?\b/, [['zendesk', 'new_ticket'], ['jira', 'new_issue'], ['linear', 'new_issue']]],
  [/\b(?:e-?mails?|mail)\b/, [['gmail', 'new_email'], ['outlook', 'new_email']]],
  [/\brows?\b/, [['google_sheets', 'new_row'], ['airtable', 'new_record']]],
  [/\brecords?\b/, [['airtable', 'new_record']]],
  [/\bmeetings?\b[^,.;!?]{0,60}?\b(?:starts?|starting|begins?|about to)\b/, [['google_calendar', 'event_starting']]],
  [/\b(?:calendar )?(?:events?|invites?|invitations?)\b|\bmeetings?\b/, [['google_calendar', 'new_event']]],
  [/\bleads?\b/, [['salesforce', 'new_lead']]],
  // "New opps > 100k": opportunities, shortened.
  [/\bopportunit(?:y|ies)\b|\bopps?\b/, [['salesforce', 'new_opportunity']]],
  [/\bdeals?\b/, [['hubspot', 'new_deal']]],
  [/\bcontacts?\b/, [['hubspot', 'new_contact']]],
  [/\borders?\b|\b(?:buys?|bought|purchases?|checks? out)\b/, [['shopify', 'new_order'], ['stripe', 'payment_succeeded']]],
  [/\bcards?\b/, [['trello', 'new_card']]],
  [/\btasks?\b/, [['asana', 'new_task']]],
  [/\bpages?\b/, [['notion', 'new_page'], ['confluence', 'new_page']]],
  [/\b(?:files?|documents?|docs?|uploads)\b/, [['google_drive', 'new_file'], ['dropbox', 'new_file']]],
  // "Someone mentions me in slack", "i get mentioned on teams": a message in that chat tool, not an X (Twitter) mention.
  [
    /\b(?:@?mentions?|mentioned)(?: (?:me|us|you|him|her|them))? (?:in|on) (?:a |the )?(?:slack|(?:ms |microsoft )?teams|discord)\b/,
    [['slack', 'new_message'], ['teams', 'new_message'], ['discord', 'new_message']],
  ],
  [/\bmentions?\b|\bmentioned\b|\btweets?\b/, [['twitter', 'new_mention']]],
  [/\bentr(?:y|ies)\b/, [['notion', 'new_page'], ['airtable', 'new_record']]],
  // "posts" only as a noun in the plural: "post new cards" is what the agent does.
  // "dm me …" / "message us …" is what the agent does, not a message read.
  [/\b(?:messages?|msgs?|dms?|posts)\b(?!\s+(?:me|us|him|her|them|it)\b)/, [['slack', 'new_message'], ['teams', 'new_message'], ['discord', 'new_message']]],
  // "whenever she writes", "when someone replies": a message, in the mail or chat tool named.
  // "When my boss slacks me": a message, said with the chat tool as the verb.
  [/\b(?:writes|replies|texts|slacks)\b/, [['gmail', 'new_email'], ['outlook', 'new_email'], ['slack', 'new_message'], ['teams', 'new_message'], ['discord', 'new_message']]],
  // A payment said with no verb ("big stripe payments → text me"): one received.
  [/\b(?:payments?|charges)\b/, [['stripe', 'payment_succeeded']]],
];

const MARKER =
  /\b(?:when(?:ever)?|every time|each time|any ?time|as soon as|the (?:moment|minute|second|instant)|once|if|after|(?:on|for) (?:every|each|any)(?= new\b)|(?:on|per)(?= new\b))\s+/g;
const CLAUSE_END = /[,.;!?]|\bthen\b/;
/** The markers that count things ("for every new", "on each new", "per new"), not "when" or "if". */
const COUNTING_MARKER = /^(?:on|for|per)\b/;
const STRICT_CLAUSE_END = /[,.;!?]|\bthen\b|->|→|=>/;
const CLAUSE_SEPARATOR = /[,.;!?:]|->|→|=>/g;
const SENTENCE_END = /[.;!?]|\.\.\./;
const SCHEDULED = /\b(?:every|each)\s+(?:day|morning|afternoon|evening|night|week|weekday|hour|minute|month|\d+|mon|tue|wed|thu|fri|sat|sun)|\b(?:daily|weekly|hourly|monthly|nightly)\b/;
/**
 * Where the "when…" clause gives way to what the agent does, said without a comma ("when a PR is opened
 * link it to the issue", "whenever someone opens an issue make a trello card"): a verb in its plain form
 * with an object, not after a subject ("when I post a…", "when customers add a…") or an article ("an email the…").
 */
const ACTION = new RegExp(
  String.raw`(?<!\b(?:i|we|you|they|he|she|someone|somebody|sb|people|customers|users|clients|who|to|can|will|should|would|do|don't|a|an|the|new|my|our|any|each|every)) ` +
    String.raw`(?:(?:pls|please|then|and|just) )?${oneOf([
      'make', 'create', 'add', 'post', 'send', 'copy', 'link', 'text', 'ping', 'dm', 'email', 'forward', 'save', 'put', 'tell',
      'notify', 'log', 'alert', 'remind', 'let', 'slack', 'message', 'drop', 'open', 'file', 'share', 'move', 'push',
    ])} +(?:(?:a|an|the|it|them|me|us|my|our|to|in|into|on|this|that|him|her|everyone|someone)\b|\w+ know\b| {2})` +
    // "… fails page the on-call": paging reaches a person ("a confluence page a slack post" is no order).
    String.raw`| page (?:the|me|us|him|her|everyone|someone|whoever)\b`,
);
/** "Every time a payment fails i want a msg in #billing": the wish that follows the "when…" clause says what the agent does. */
const WISH = / (?:i|we) (?:really )?(?:want|need|would like|'d like|wanna)\b/;
const WISH_WORDS = ['want', 'need', 'like'];

function untilAction(clause: string): string {
  const action = ACTION.exec(clause)?.index ?? clause.length;
  const wish = includesAny(clause, WISH_WORDS) ? (WISH.exec(clause)?.index ?? clause.length) : clause.length;
  return clause.slice(0, Math.min(action, wish));
}
/** A "when…" clause about something already named ("the moment they come in", "when one arrives"). */
const ANAPHOR = /^(?:they|it|one|ones|those|these|something(?: new)?|anything(?: new)?|a new one|new ones)\b/;
/** Something arriving, whatever it is ("when a    comes in", its kind hidden as a filter): the message's source says what. */
const ARRIVES = /\b(?:comes? (?:in|through)|arriv\w*|lands?|shows? up|pops? up|appears?|(?:is|are|gets?) (?:created|added|opened|filed|raised|posted|logged|reported))\b/;
/** The agent's own delivery ("messages me on slack", "texts us"), which says nothing of what happens. */
const DELIVERY = /\b(?:messages?|e-?mails?|texts?|dms?|pings?|posts?)\s+(?:me|us)\b/g;
/** Watching a place: "watch my gmail for…", "keep an eye on #sales in teams", "monitor the #alerts channel". */
const WATCH = /\b(?:watch(?:es|ing)?|monitor(?:s|ing)?|keep (?:an eye|watch|tabs) on|listen (?:to|in on|on))\s+/g;
/** After an article the word is a thing: "when a datadog monitor fires" watches nothing. */
const THING_BEFORE = /\b(?:a|an|the|this|that|each|every|any|my|our|your|their)\s+$/;
/** Guard: WATCH names one of these. */
const WATCH_WORDS = ['watch', 'monitor', 'keep ', 'listen'];
const WATCHED_END = /[,.;!?]|\b(?:and|then|if|when(?:ever)?|so)\b|->|→|=>/;
/**
 * A standing copy, which runs as things arrive: "save every attachment from gmail", "forward anything from my
 * boss", "dropbox uploads mirrored to drive".
 */
const STANDING =
  /\b(?:forward|save|copy|archive|back up|log|record)\s+(?:(?:over|across)\s+)?(?:every|each|any|anything|everything|all (?:new|incoming))\b|\b(?:mirror(?:ed|s)?|sync(?:ed|s)?)\b|\b(?:should|must|to|will|shall) (?:be|get) (?:copied|forwarded|logged|mirrored|saved|turned into)\b|\b(?:should|must|will|shall) (?:become|turn into)\b/;

/** Guard: STANDING names one of these ("copied", "logged", "saved" and "turned into" in the passive: "messages in #x should be copied to jira"). */
const STANDING_WORDS = ['forward', 'save', 'copy', 'copied', 'archive', 'back up', 'log', 'record', 'mirror', 'sync', 'saved', 'turn', 'become'];
/**
 * "Post github issues labeled P0 to #war-room immediately": things sent on at once as they come (named in the plural). Its own
 * three words guard it: as one scan with STANDING, unguarded, it cost half a microsecond a message (measured on the table).
 */
const AT_ONCE = /\b(?:immediately|right away|asap)\b/;
const AT_ONCE_WORDS = ['immediately', 'right away', 'asap'];
/**
 * "add a row to my sheet for every stripe payment", "a trello card for each github issue", "a page per deal": each one of a kind of
 * thing starts the agent, whether or not "new" is said ("for every new …" is a MARKER). Not a time ("for every day").
 */
const FOR_EACH_WORDS = ['every ', 'each ', 'per '];
const FOR_EACH = /\b(?:(?:for|on) (?:every|each)|per) (?!new\b|(?:single |other )?(?:day|morning|afternoon|evening|night|week|weekday|weekend|month|hour|minute|time|one|of)s?\b|\d)/g;

function conceptStart(pattern: RegExp, clause: string): number {
  return pattern.exec(clause)?.index ?? clause.length;
}

function conceptMatchEnd(pattern: RegExp, clause: string): number {
  const m = pattern.exec(clause);
  return m ? m.index + m[0].length : clause.length;
}

/** Where the last mention that starts right after the event words ends ("new issues in Linear"). */
function mentionsEnd(mentions: readonly IntegrationMention[], after: number): number {
  return mentions.filter((m) => m.start <= after + 4).reduce((end, m) => Math.max(end, m.end), after);
}

const ARROW = /^(?:->|→|=>)$/;
/** Things in the plural, as a source: "mentions", "uploads", "tickets". */
const PLURAL_THINGS =
  /\b(?:e-?mail|mail|mentions|tweets|uploads|files|emails|messages|posts|issues|tickets|rows|records|entries|leads|deals|contacts|orders|cards|tasks|pages|payments|charges|msgs|dms|prs|meetings|invites|events|bugs|applications|applicants|submissions|sign-?ups|responses)\b/;

/** "from the #bugs slack channel", "from our hubspot": a tool things are read from. */
const FROM_BEFORE = /\bfrom\s+(?:(?:the|my|our)\s+)?(?:[#\w-]+\s+){0,2}$/;

/** One thing of a kind, as the source of an arrow whose other side makes one thing ("slack message in #bugs → linear issue"). */
const ONE_THING = /\b(?:msg|message|post|e-?mail|issue|ticket|row|record|entry|lead|deal|contact|order|card|task|page|payment|pr|meeting|invite|event|bug|file|upload|mention|tweet|submission|sign-?up|response)\b/;
const ONE_THING_AFTER = new RegExp(
  String.raw`^\s*(?:(?:create|make|add|open|file|log|start)\s+)?(?:(?:a|an|one|new)\s+)*(?:[\w-]+\s+){0,2}?(?:row|record|card|page|task|ticket|issue|contact|deal|lead|entry|note|doc|message|msg|post|event|file)s?\b`,
);

/** "when zendesk gets an urgent ticket": something arriving, said by who receives it (only beside a kind of thing named). */
const GETS_ONE = /\b(?:gets?|receives?)\s+(?:an?|any|another|new)\b/;
/** Something new happening, said without "when". */
const NEW_THING = /\b(?:new|newly|incoming|every new|each new|any new|fresh)\b|\b(?:added|created|opened|published|placed|submitted|arrives?|comes? in|fails?|failed)\b/;
/** New things as they come, not a new version of something ("new gmail from the bank", not "the new hubspot ui"). */
const NEW_ARRIVALS = /(?<!\b(?:the|a|an|this|that|its|their|his|her) )\b(?:new|incoming|fresh)\b/;
// An event clause is short; the cap keeps a long message with many "when"s linear.
const MAX_CLAUSE = 160;
// Something has to happen: "when I get an email" is an event, "when I read my email" is not.
const OCCURS = new RegExp(
  [
    String.raw`\bnew\b|\barriv\w*|\bcomes? (?:in|through)\b|\blands?\b|\bshows? up\b|\bpops? up\b|\bappears?\b|\bfails?\b|\bsucceeds?\b|\bhits\b|\breaches\b|\bgoes (?:live|up|out)\b`,
    String.raw`\bstart(?:s|ing)?\b|\bbegin(?:s|ning)?\b|\babout to\b`,
    // "when the school sends an email", "when my landlord writes": someone sends something.
    String.raw`\b(?:sends?|writes?|replies|emails? me|messages? me)\b`,
    // "when a tenant emails", "when my boss messages": a sender, then the verb (the sender may be masked as a filter).
    String.raw`^\s*(?:e-?mails|writes|messages|texts|slacks|replies)(?:\s+(?:me|us|my|our|about|in|on|to)\b|\s*$)`,
    String.raw`\b(?:my|our|a|an|the|any|some)\s+[a-z-]+\s+(?:e-?mails|messages|texts|slacks|pings|buys|orders|pays|posts|submits|uploads|books|shares)\b`,
    String.raw`\b(?:is|are|gets?|was|were|been)\s+(?:\w+\s+)?${oneOf([
      'added', 'created', 'opened', 'posted', 'filed', 'received', 'published', 'placed', 'uploaded', 'assigned',
      'submitted', 'closed', 'merged', 'booked', 'scheduled', 'sent', 'shared', 'mentioned', 'dropped', 'raised',
      'logged', 'reported',
    ])}\b`,
    String.raw`\b${oneOf([
      'i', 'we', 'someone', 'somebody', 'sb', 'anyone', 'anybody', 'people', 'a customer', 'customers', 'a user', 'users',
      'they', 'he', 'she',
    ])}\s+(?:\w+\s+)?${oneOf([
      'gets?', 'receives?', 'opens?', 'creates?', 'files?', 'posts?', 'sends?', 'adds?', 'mentions?', 'books?',
      'submits?', 'uploads?', 'places?', 'pays?', 'shares?', 'signs? up', 'writes?', 'tweets?', 'drops?', 'raises?',
      'replies', 'buys?', 'purchases?', 'orders?', 'checks? out', 'messages?', 'e-?mails?', 'texts?', 'logs?', 'reports?',
    ])}\b`,
  ].join('|'),
);

/** "to Slack", "into the sheet", "→ Discord", "go in the signups sheet": a tool named as where things go, not where they come from. */
const TOWARD = /(?:\b(?:to|into|onto|(?:go|goes|should go|end up|land) in)\s+(?:(?:my|our|the|a|an|its|their)\s+)?(?:[\w-]+\s+)?|(?:->|→|=>)\s*)$/;

/** Whether a tool is named as where things go ("to airtable", "→ discord"), not where they come from. */
export function namedAsTarget(text: string, mention: IntegrationMention): boolean {
  return TOWARD.test(text.slice(Math.max(0, mention.start - 28), mention.start));
}

/** Ids of `mentions` in the order they are said, tools that things come from first and tools things go to last. */
function sourcesFirst(text: string, mentions: readonly IntegrationMention[]): string[] {
  const toward = (m: IntegrationMention): boolean => namedAsTarget(text, m);
  // A tool called by its name comes before one a word only suggests ("our team wiki lives in notion").
  const ordered = [...mentions].sort((a, b) => Number(a.keyword) - Number(b.keyword) || a.start - b.start);
  return [...new Set([...ordered.filter((m) => !toward(m)), ...ordered.filter(toward)].map((m) => m.id))];
}

/** Of the candidates, the one whose tool comes first in the first ranking that has any. */
function pick(candidates: readonly Candidate[], ...rankings: (readonly string[])[]): Candidate | undefined {
  for (const ids of rankings) {
    let best: Candidate | undefined;
    let bestRank = Infinity;
    for (const candidate of candidates) {
      const rank = ids.indexOf(candidate[0]);
      if (rank >= 0 && rank < bestRank) [best, bestRank] = [candidate, rank];
    }
    if (best) return best;
  }
  return candidates[0];
}

/** A tool's usual event, for a tool said to have something new with no kind of thing named ("new gmail", "new airtable sign-ups"). */
function usualEvent(id: string): Candidate | undefined {
  const first = Object.keys(getIntegration(id).events)[0];
  return first === undefined ? undefined : [id, first];
}

function eventOf([integration, event]: Candidate): EventTrigger {
  const catalog = getIntegration(integration);
  return { type: 'event', integration, event, description: `when ${catalog.events[event] ?? event} in ${catalog.name}` };
}

/**
 * The event of a stretch of text that names where things come from ("my gmail for emails from the bank",
 * "dropbox uploads mirrored to drive"): the kind of thing said, in the first source tool that has it, else
 * the source tool's usual event. `last` prefers the kind said last (what "they" in "when they arrive" is).
 */
function sourceEvent(text: string, from: number, to: number, mentions: readonly IntegrationMention[], known: readonly string[], last = false): Candidate | undefined {
  const stretch = text.slice(from, to).replace(DELIVERY, (said) => ' '.repeat(said.length));
  const inside = mentions.filter((m) => m.start >= from && m.end <= to);
  const sources = sourcesFirst(text, inside);
  const kinds = conceptsFor(text).filter(([re]) => re.test(stretch))
    .map(([re, candidates]) => ({ candidates, at: last ? -lastIndexOf(re, stretch) : conceptStart(re, stretch) }))
    .sort((a, b) => a.at - b.at);
  const ranked = kinds.find(({ candidates }) => candidates.some(([id]) => sources.includes(id)));
  if (ranked) return pick(ranked.candidates, sources);
  const withEvents = sources.find((id) => usualEvent(id));
  if (withEvents) return usualEvent(withEvents);
  const first = kinds[0];
  return first ? pick(first.candidates, sourcesFirst(text, mentions), known) : undefined;
}

/** The kinds tried in every message, and the guard words of the others (a message without any tries only the first). */
const USUAL_CONCEPTS = CONCEPTS.filter(([, , , needs]) => needs === undefined);
const GUARD_WORDS = [...new Set(CONCEPTS.flatMap(([, , , needs]) => needs ?? []))];

/** The kinds worth trying in `text`: the guarded ones only when their words are said (most messages say none). */
function conceptsFor(text: string): readonly Concept[] {
  return includesAny(text, GUARD_WORDS) ? CONCEPTS : USUAL_CONCEPTS;
}

/** Each kind's pattern made global once, to find where it is said last. */
const GLOBAL_PATTERNS = new Map(CONCEPTS.map(([re]) => [re, new RegExp(re.source, 'g')] as const));

function lastIndexOf(pattern: RegExp, text: string): number {
  let at = -1;
  const global = GLOBAL_PATTERNS.get(pattern);
  if (global) eachMatch(global, text, (m) => (at = m.index));
  return at;
}

/** "watch my gmail for emails from the bank": the watched place is the source. */
function watchedEvent(text: string, mentions: readonly IntegrationMention[], known: readonly string[]): EventReading | null {
  let found: EventReading | null = null;
  if (!includesAny(text, WATCH_WORDS)) return found;
  eachMatch(WATCH, text, (m) => {
    if (found || THING_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) return;
    const from = m.index + m[0].length;
    const end = WATCHED_END.exec(text.slice(from, from + 100));
    const to = from + (end ? end.index : Math.min(100, text.length - from));
    if (!mentions.some((mention) => mention.start >= from && mention.end <= to)) return;
    const choice = sourceEvent(text, from, to, mentions, known);
    if (choice) found = { trigger: eventOf(choice), span: [m.index, to] };
  });
  return found;
}

/** "save every attachment from gmail to dropbox", "dropbox uploads mirrored to drive": a copy kept up as things arrive. */
function standingEvent(text: string, mentions: readonly IntegrationMention[], known: readonly string[]): EventReading | null {
  const m =
    (includesAny(text, STANDING_WORDS) ? STANDING.exec(text) : null) ??
    (includesAny(text, AT_ONCE_WORDS) && PLURAL_THINGS.test(text) ? AT_ONCE.exec(text) : null);
  if (!m) return null;
  const before = text.slice(0, m.index);
  const from = Math.max(...[...before.matchAll(/[.;!?]/g)].map((end) => end.index + 1), 0);
  const after = SENTENCE_END.exec(text.slice(m.index));
  const to = after ? m.index + after.index : text.length;
  const choice = sourceEvent(text, from, to, mentions, known);
  return choice ? { trigger: eventOf(choice), span: [from, from], implied: true } : null;
}

/**
 * The event that starts the agent, from a "when…/whenever…/every time…" clause of `text`.
 * The integration is the one named with it, else one named elsewhere, else one already in
 * `known` use, else the usual source of that kind of event.
 */
export function findEventTrigger(
  text: string,
  mentions: readonly IntegrationMention[],
  known: readonly string[],
): EventReading | null {
  const watched = watchedEvent(text, mentions, known);
  if (watched) return watched;
  const concepts = conceptsFor(text);
  let found: EventReading | null = null;
  const read = (start: number, from: number, strict: boolean, arrowSource = false): void => {
    const rest = text.slice(from, from + MAX_CLAUSE);
    const end = (strict ? STRICT_CLAUSE_END : CLAUSE_END).exec(rest);
    let clause = end ? rest.slice(0, end.index) : rest;
    if (!strict) clause = untilAction(clause);
    const to = from + clause.length;
    const inClauseMentions = mentions.filter((m) => m.start >= from && m.end <= to);
    const named = concepts.filter(([re]) => re.test(clause));
    // Words that already say something happened outrank a thing merely named ("10 min before any meeting dm me").
    const matching = named.some(([, , happens]) => happens) ? named.filter(([, , happens]) => happens) : named;
    if (matching.length === 0) {
      readWithoutKind(start, to, clause, strict, inClauseMentions);
      return;
    }
    const inClause = sourcesFirst(text, inClauseMentions);
    // Of the kinds with a tool named in the clause, the one said first is what happens ("posts in #requests on Slack, create an Asana task").
    const withTool = matching.filter(([, c]) => c.some(([id]) => inClause.includes(id)));
    // "Bug reports from the #bugs slack channel → linear issues": things read from a tool that keeps no such kind come as its usual event.
    if (strict && withTool.length === 0 && clause.includes('from')) {
      const read = inClauseMentions.find((m) => FROM_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start)) && usualEvent(m.id));
      const usual = read && usualEvent(read.id);
      if (usual) {
        found = { trigger: eventOf(usual), span: [from, to], implied: true };
        return;
      }
    }
    const concept = withTool.sort((a, b) => conceptStart(a[0], clause) - conceptStart(b[0], clause))[0] ?? matching[0];
    if (!concept) return;
    const [, candidates, happens] = concept;
    if (!happens && !arrowSource && !OCCURS.test(clause) && !GETS_ONE.test(clause) && !(strict && NEW_THING.test(clause))) return;
    const choice = pick(candidates, inClause, sourcesFirst(text, mentions), known);
    if (!choice) return;
    // Without "when" the clause runs on to where things go ("new records into a sheet"): the event ends with its words.
    const conceptEnd = strict ? from + conceptMatchEnd(concept[0], clause) : to;
    // Without "when" the event starts at its words: "text me every new order" asks for a text.
    const eventStart = strict ? from + Math.min(conceptStart(concept[0], clause), NEW_THING.exec(clause)?.index ?? clause.length) : start;
    const spanStart = strict ? Math.min(eventStart, ...inClauseMentions.map((m) => m.start)) : start;
    found = { trigger: eventOf(choice), span: [spanStart, Math.max(conceptEnd, mentionsEnd(inClauseMentions, conceptEnd))], ...(strict ? { implied: true as const } : {}) };
  };
  // No kind of thing named: "when something new lands in dropbox" (the tool's usual event), "the moment they
  // come in" (what was named before), "new gmail from the bank →" (the tool's usual event).
  const readWithoutKind = (start: number, to: number, clause: string, strict: boolean, inClause: readonly IntegrationMention[]): void => {
    const happens = strict ? NEW_ARRIVALS.test(clause) : OCCURS.test(clause);
    if (!happens) return;
    const source = sourcesFirst(text, inClause).find((id) => usualEvent(id));
    if (source) {
      const choice = usualEvent(source);
      if (choice) found = { trigger: eventOf(choice), span: [start, to], ...(strict ? { implied: true as const } : {}) };
      return;
    }
    if (strict || !(ANAPHOR.test(clause.trimStart()) || ARRIVES.test(clause))) return;
    const choice = sourceEvent(text, 0, start, mentions, known, true);
    if (choice) found = { trigger: eventOf(choice), span: [start, to] };
  };
  // "A sheet row for every new typeform response": the count says what starts the agent, even when it cannot be read.
  let counted = false;
  eachMatch(MARKER, text, (marker) => {
    if (found) return;
    read(marker.index, marker.index + marker[0].length, false);
    counted ||= COUNTING_MARKER.test(marker[0]);
  });
  if (!found && includesAny(text, FOR_EACH_WORDS)) {
    eachMatch(FOR_EACH, text, (each) => {
      if (found) return;
      read(each.index, each.index + each[0].length, false, true);
      counted = true;
    });
  }
  if (found || counted || SCHEDULED.test(text)) return found;
  const standing = standingEvent(text, mentions, known);
  if (standing) return standing;
  // Without "when": "HubSpot new contacts -> #growth", "new issues in Linear should go to #product",
  // "copy every new Airtable record": a clause that says something new happens.
  let clauseStart = 0;
  for (const separator of [...text.matchAll(CLAUSE_SEPARATOR), null]) {
    const clauseEnd = separator ? separator.index : text.length;
    const clause = text.slice(clauseStart, clauseEnd);
    // "Twitter mentions → #social": things named as the source of an arrow arrive one by one.
    // "Teams msg in #leads → trello card": one thing mapped to one thing is each one as it comes.
    const arrowSource = clauseStart === 0 && separator !== null && ARROW.test(separator[0]) &&
      (PLURAL_THINGS.test(clause) || OCCURS.test(clause) || (ONE_THING.test(clause) && ONE_THING_AFTER.test(text.slice(clauseEnd + separator[0].length, clauseEnd + 60))));
    if (!found && (NEW_THING.test(clause) || arrowSource || happening(clause, concepts))) read(clauseStart, clauseStart, true, arrowSource);
    if (separator) clauseStart = separator.index + separator[0].length;
  }
  return found;
}

/** A clause whose words already say something happens ("15 min before each meeting", "a payment fails"). */
function happening(clause: string, concepts: readonly Concept[]): boolean {
  return concepts.some(([re, , happens]) => happens === true && re.test(clause));
}
