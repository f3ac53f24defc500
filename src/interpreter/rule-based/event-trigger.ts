import type { Trigger } from '../../conversation/requirements/requirements.js';
import { getIntegration } from '../../oauth/integration-catalog.js';
import type { IntegrationMention } from './integrations.js';
import { eachMatch, oneOf, type Span } from './text.js';

/** An event trigger. */
export type EventTrigger = Extract<Trigger, { type: 'event' }>;

/** An event trigger and the clause that states it ("when a new email arrives"). */
export interface EventReading {
  trigger: EventTrigger;
  span: Span;
}

type Candidate = readonly [integration: string, event: string];
/** A kind of thing that happens, the catalog events it can be (usual first), and whether its words already say it happened. */
type Concept = readonly [pattern: RegExp, candidates: readonly Candidate[], happens?: true];

const CONCEPTS: readonly Concept[] = [
  [
    /\b(?:payment|charge)s?\b[^,.;!?]{0,60}?\b(?:fails?|failed|failing|declined|bounces?|bounced)\b|\bfailed (?:payment|charge)s?\b/,
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
  [/\bpull requests?\b|\bprs?\b/, [['github', 'new_pull_request']]],
  [/\b(?:issues?|bugs?)\b/, [['github', 'new_issue'], ['jira', 'new_issue'], ['linear', 'new_issue']]],
  [/\btickets?\b/, [['zendesk', 'new_ticket'], ['jira', 'new_issue'], ['linear', 'new_issue']]],
  [/\b(?:e-?mails?|mail)\b/, [['gmail', 'new_email'], ['outlook', 'new_email']]],
  [/\brows?\b/, [['google_sheets', 'new_row'], ['airtable', 'new_record']]],
  [/\brecords?\b/, [['airtable', 'new_record']]],
  [/\bmeetings?\b[^,.;!?]{0,60}?\b(?:starts?|starting|begins?|about to)\b/, [['google_calendar', 'event_starting']]],
  [/\b(?:calendar )?events?\b|\bmeetings?\b/, [['google_calendar', 'new_event']]],
  [/\bleads?\b/, [['salesforce', 'new_lead']]],
  [/\bopportunit(?:y|ies)\b/, [['salesforce', 'new_opportunity']]],
  [/\bdeals?\b/, [['hubspot', 'new_deal']]],
  [/\bcontacts?\b/, [['hubspot', 'new_contact']]],
  [/\borders?\b/, [['shopify', 'new_order']]],
  [/\bcards?\b/, [['trello', 'new_card']]],
  [/\btasks?\b/, [['asana', 'new_task']]],
  [/\bpages?\b/, [['notion', 'new_page'], ['confluence', 'new_page']]],
  [/\b(?:files?|documents?|docs?|uploads)\b/, [['google_drive', 'new_file'], ['dropbox', 'new_file']]],
  [/\bmentions?\b|\bmentioned\b|\btweets\b/, [['twitter', 'new_mention']]],
  [/\bentries\b/, [['notion', 'new_page'], ['airtable', 'new_record']]],
  // "posts" only as a noun in the plural: "post new cards" is what the agent does.
  [/\b(?:messages?|dms?|posts)\b/, [['slack', 'new_message'], ['teams', 'new_message'], ['discord', 'new_message']]],
];

const MARKER =
  /\b(?:when(?:ever)?|every time|each time|any ?time|as soon as|once|if|after|(?:on|for) (?:every|each|any)(?= new\b)|on(?= new\b))\s+/g;
const CLAUSE_END = /[,.;!?]|\bthen\b/;
const STRICT_CLAUSE_END = /[,.;!?]|\bthen\b|->|→|=>/;
const CLAUSE_SEPARATOR = /[,.;!?:]|->|→|=>/g;
const SCHEDULED = /\b(?:every|each)\s+(?:day|morning|afternoon|evening|night|week|weekday|hour|minute|month|\d+|mon|tue|wed|thu|fri|sat|sun)|\b(?:daily|weekly|hourly|monthly|nightly)\b/;

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
const PLURAL_THINGS = /\b(?:mentions|tweets|uploads|files|emails|messages|posts|issues|tickets|rows|records|entries|leads|deals|contacts|orders|cards|tasks|pages|payments)\b/;

/** Something new happening, said without "when". */
const NEW_THING = /\b(?:new|newly|incoming|every new|each new|any new|fresh)\b|\b(?:added|created|opened|published|placed|submitted|arrives?|comes? in|fails?|failed)\b/;
// An event clause is short; the cap keeps a long message with many "when"s linear.
const MAX_CLAUSE = 160;
// Something has to happen: "when I get an email" is an event, "when I read my email" is not.
const OCCURS = new RegExp(
  [
    String.raw`\bnew\b|\barriv\w*|\bcomes? in\b|\blands?\b|\bshows? up\b|\bappears?\b|\bfails?\b|\bsucceeds?\b`,
    String.raw`\bstarts?\b|\bbegins?\b|\babout to\b`,
    // "when the school sends an email", "when my landlord writes": someone sends something.
    String.raw`\b(?:sends?|writes?|replies|emails? me|messages? me)\b`,
    String.raw`\b(?:is|are|gets?|was|were|been)\s+(?:\w+\s+)?${oneOf([
      'added', 'created', 'opened', 'posted', 'filed', 'received', 'published', 'placed', 'uploaded', 'assigned',
      'submitted', 'closed', 'merged', 'booked', 'scheduled', 'sent', 'shared', 'mentioned', 'dropped', 'raised',
    ])}\b`,
    String.raw`\b${oneOf([
      'i', 'we', 'someone', 'somebody', 'anyone', 'anybody', 'a customer', 'customers', 'a user', 'users', 'they', 'he',
      'she',
    ])}\s+(?:\w+\s+)?${oneOf([
      'gets?', 'receives?', 'opens?', 'creates?', 'files?', 'posts?', 'sends?', 'adds?', 'mentions?', 'books?',
      'submits?', 'uploads?', 'places?', 'pays?', 'shares?', 'signs? up', 'writes?', 'tweets?', 'drops?', 'raises?',
    ])}\b`,
  ].join('|'),
);

function pick(candidates: readonly Candidate[], ...preferences: (readonly string[])[]): Candidate | undefined {
  for (const ids of preferences) {
    const hit = candidates.find(([id]) => ids.includes(id));
    if (hit) return hit;
  }
  return candidates[0];
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
  let found: EventReading | null = null;
  const read = (start: number, from: number, strict: boolean, arrowSource = false): void => {
    const rest = text.slice(from, from + MAX_CLAUSE);
    const end = (strict ? STRICT_CLAUSE_END : CLAUSE_END).exec(rest);
    const clause = end ? rest.slice(0, end.index) : rest;
    const to = from + clause.length;
    const matching = CONCEPTS.filter(([re]) => re.test(clause));
    if (matching.length === 0) return;
    const inClauseMentions = mentions.filter((m) => m.start >= from && m.end <= to);
    const inClause = inClauseMentions.map((m) => m.id);
    // Of the kinds with a tool named in the clause, the one said first is what happens ("posts in #requests on Slack, create an Asana task").
    const withTool = matching.filter(([, c]) => c.some(([id]) => inClause.includes(id)));
    const concept = withTool.sort((a, b) => conceptStart(a[0], clause) - conceptStart(b[0], clause))[0] ?? matching[0];
    if (!concept) return;
    const [, candidates, happens] = concept;
    if (!happens && !arrowSource && !OCCURS.test(clause)) return;
    const choice = pick(candidates, inClause, mentions.map((m) => m.id), known);
    if (!choice) return;
    const [integration, event] = choice;
    const catalog = getIntegration(integration);
    const description = `when ${catalog.events[event] ?? event} in ${catalog.name}`;
    // Without "when" the clause runs on to where things go ("new records into a sheet"): the event ends with its words.
    const conceptEnd = strict ? from + conceptMatchEnd(concept[0], clause) : to;
    // Without "when" the event starts at its words: "text me every new order" asks for a text.
    const eventStart = strict ? from + Math.min(conceptStart(concept[0], clause), NEW_THING.exec(clause)?.index ?? clause.length) : start;
    const spanStart = strict ? Math.min(eventStart, ...inClauseMentions.map((m) => m.start)) : start;
    found = { trigger: { type: 'event', integration, event, description }, span: [spanStart, Math.max(conceptEnd, mentionsEnd(inClauseMentions, conceptEnd))] };
  };
  eachMatch(MARKER, text, (marker) => {
    if (!found) read(marker.index, marker.index + marker[0].length, false);
  });
  if (found || SCHEDULED.test(text)) return found;
  // Without "when": "HubSpot new contacts -> #growth", "new issues in Linear should go to #product",
  // "copy every new Airtable record": a clause that says something new happens.
  let clauseStart = 0;
  for (const separator of [...text.matchAll(CLAUSE_SEPARATOR), null]) {
    const clauseEnd = separator ? separator.index : text.length;
    const clause = text.slice(clauseStart, clauseEnd);
    // "Twitter mentions → #social": things named as the source of an arrow arrive one by one.
    const arrowSource = clauseStart === 0 && separator !== null && ARROW.test(separator[0]) && PLURAL_THINGS.test(clause);
    if (!found && (NEW_THING.test(clause) || arrowSource)) read(clauseStart, clauseStart, true, arrowSource);
    if (separator) clauseStart = separator.index + separator[0].length;
  }
  return found;
}
