import { INTEGRATION_CATALOG } from '../../oauth/integration-catalog.js';
import { eachMatch } from './text.js';

/** One integration named in a message, and where its name sits in the normalised text. */
export interface IntegrationMention {
  id: string;
  start: number;
  end: number;
  /** Named by a generic word ("email", "inbox") that a named product of the same kind overrides. */
  generic: boolean;
  /** Named by a word the tool is known for ("invoices", "orders", "wiki"), not by its name. */
  keyword: boolean;
}

// Names of a tool that are not its catalog name or id.
const BRAND_ALIASES = new Set(['gcal', 'gsheet', 'gsheets', 'gdrive', 'sfdc', 'x.com', 'hotmail', 'office 365 mail', 'google mail', 'exchange']);

// Synonyms that are ordinary nouns although the catalog name holds them: "the Airtable content calendar" is Airtable's.
const COMMON_NOUNS = new Set(['calendar']);

function isBrand(id: string, synonym: string): boolean {
  if (COMMON_NOUNS.has(synonym)) return false;
  const integration = INTEGRATION_CATALOG.find((candidate) => candidate.id === id);
  const name = (integration?.name ?? id).toLowerCase();
  const compact = (text: string): string => text.replace(/[\s_]+/g, '');
  return BRAND_ALIASES.has(synonym) || compact(synonym).includes(compact(name)) || compact(synonym).includes(compact(id)) || compact(name).includes(compact(synonym));
}

// Phrases people use that the catalog leaves out; a bare "sheet" is too vague to add there.
const EXTRA_SYNONYMS: readonly (readonly [id: string, synonym: string])[] = [
  ['google_sheets', 'my sheet'],
  ['google_sheets', 'the sheet'],
  ['google_sheets', 'our sheet'],
  ['slack', 'slack workspace'],
  // "When my boss slacks me": the tool said as the verb.
  ['slack', 'slacks'],
  ['slack', 'slacked'],
  // "New sheet row = new hubspot contact": a row of a sheet is a Google Sheets row.
  ['google_sheets', 'sheet row'],
  ['google_sheets', 'sheet rows'],
  // "PRs older than 2 days": pull requests, which GitHub holds (a keyword: a named tool's own PRs stay its own).
  ['github', 'prs'],
];

const GENERIC_EMAIL = new Set(['email', 'emails', 'e-mail', 'e-mails', 'inbox', 'mail', 'mailbox']);

/** Ordinary-English uses of a synonym: the words just before or after that veto the match. */
const VETOES: Readonly<Record<string, { before?: RegExp; after?: RegExp }>> = {
  slack: { before: /\b(?:some|(?:pick|take) up the)\s+$/, after: /^\s+off\b/ },
  drive: {
    before: /\b(?:test|long|short|hard|flash|usb|thumb|disk|road|scenic|a|donation|fund|fundraising|food|blood|toy|coat|charity|membership|recruiting|recruitment)\s+$/,
    after: /^-|^\s+(?:home|back|to|there|here|over|through|by|safely|more|sales|traffic|growth|engagement|revenue|adoption)\b/,
  },
  teams: {
    before: /\b(?:sports|other|different|multiple|several|many|both|two|three|four|all|some|across|between|small|large|remote|sales|dev|engineering|support|product|marketing|ops|our|my|the)\s+$/,
    after: /^\s+(?:of|who|which|are|were)\b/,
  },
  mail: { before: /\b(?:snail|voice)\s+$/ },
  // "Email campaign stats" is a marketing tool's, not a mailbox.
  email: { after: /^\s+(?:campaigns?|marketing|lists?|templates?|blasts?)\b/ },
  'e-mail': { after: /^\s+(?:campaigns?|marketing|lists?|templates?|blasts?)\b/ },
  linear: {
    before: /non-?\s*$/,
    after: /^\s+(?:regression|algebra|equations?|functions?|time|growth|scale|model|progression|fashion|way|order)\b/,
  },
  exchange: { before: /\b(?:currency|stock|foreign|crypto|in)\s+$/, after: /^\s+(?:rates?|for)\b/ },
  sheets: { after: /^\s+of\b/ },
  calendar: { after: /^\s+(?:year|month|days?|quarter)\b/ },
  charges: { before: /\b(?:in|no|extra|hidden)\s+$/ },
  orders: { before: /\b(?:follow|take|taking|following|my doctor's)\s+$/ },
};

const SYNONYM_TO_ID = new Map<string, string>();
for (const integration of INTEGRATION_CATALOG) {
  for (const synonym of integration.synonyms) SYNONYM_TO_ID.set(synonym, integration.id);
}
for (const [id, synonym] of EXTRA_SYNONYMS) SYNONYM_TO_ID.set(synonym, id);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first: an alternation takes the first alternative that matches at a position, so
// "google calendar" wins over "calendar" and "slack channel" over "slack".
const SYNONYM_RE = new RegExp(
  `(?<![a-z0-9])(?:${[...SYNONYM_TO_ID.keys()]
    .sort((a, b) => b.length - a.length)
    // "google-docs", "microsoft-teams": a hyphen where the name has a space.
    .map((synonym) => escape(synonym).replace(/ /g, '[ -]'))
    .join('|')})(?![a-z0-9])`,
  'g',
);

/** Words after a tool name that make it the tool whatever came before ("my teams chat", "our slack workspace"). */
const SURELY_THE_TOOL_AFTER = /^\s+(?:chat|channels?|dms?|messages?|app|account|workspace|server|group)\b/;

/** Words before a tool name that make it the tool: "remind me on teams who …", "ping us via teams". */
const SURELY_THE_TOOL_BEFORE = /\b(?:me|us|dms?|message|ping|post|notify|alert|remind)\s+(?:on|via|over|through)\s+$|\bvia\s+$/;
/** "… flag them to my teams": the name last in the message after "to my" is the tool. */
const TO_MY_BEFORE = /\bto my\s+$/;
const MESSAGE_END = /^\s*(?:$|[.!?]+\s*$)/;

function vetoed(text: string, synonym: string, start: number, end: number): boolean {
  const veto = VETOES[synonym];
  if (!veto || SURELY_THE_TOOL_AFTER.test(text.slice(end, end + 16))) return false;
  const near = text.slice(Math.max(0, start - 24), start);
  if (SURELY_THE_TOOL_BEFORE.test(near) || (TO_MY_BEFORE.test(near) && MESSAGE_END.test(text.slice(end)))) return false;
  if (veto.before?.test(text.slice(Math.max(0, start - 24), start))) return true;
  return veto.after?.test(text.slice(end, end + 24)) ?? false;
}

/**
 * "The crm sheet", "my expenses sheet": a sheet with a name is a Google Sheet, though a bare "sheet" is too
 * vague for a synonym ("the sheet" is one only with its article). Cheat sheets and balance sheets are not.
 */
const NAMED_SHEET = new RegExp(
  String.raw`\b(?:my|the|our|a|an|this|that|their|your|each|every)\s+` +
    String.raw`((?:(?!(?:to|in|into|on|from|of|for|with|and|or|the|a|an|my|our|at|by|is|are)\b)[a-z0-9][\w'-]*\s+){1,3}(?:sheet|spreadsheet))(?![\w-])`,
  'dg',
);
const NOT_A_SHEET_BEFORE = /\b(?:balance|cheat|fact|bed|baking|cookie|answer|time|spec)\s*$/;
const NOT_A_SHEET_AFTER = /^\s+(?:of|music|metal|cake|pan)\b/;

function namedSheets(text: string): IntegrationMention[] {
  const found: IntegrationMention[] = [];
  // NAMED_SHEET ends with "sheet" or "spreadsheet".
  if (!text.includes('sheet')) return found;
  eachMatch(NAMED_SHEET, text, (m) => {
    // The mention is the whole name ("crm sheet"), so that "a row in the crm sheet" reads like "in the sheet".
    const [start, end] = m.indices?.[1] ?? [0, 0];
    const base = end - (text.slice(start, end).endsWith('spreadsheet') ? 11 : 5);
    if (NOT_A_SHEET_BEFORE.test(text.slice(Math.max(0, base - 13), base)) || NOT_A_SHEET_AFTER.test(text.slice(end, end + 12))) return;
    // Named like a brand: a name of one's own says which tool as clearly ("the Excel sheet" is masked to no name).
    found.push({ id: 'google_sheets', start, end, generic: false, keyword: false });
  });
  return found;
}

/** Places a tool keeps things in: a keyword just before one names it ("the orders sheet" is no Shopify). */
const CONTAINER_AFTER = /^\s+(?:sheet|spreadsheet|base|table|database|page|doc|folder|board|list|channel|tab|project|calendar)\b/;
/** "The orders in our Airtable base", "payments logged in our Notion": the things are another named tool's. */
const IN_TOOL_BEFORE = /\b(?:in|from|on|inside|within)\s+(?:(?:my|our|the|their)\s+)?$/;
/** An order to the agent between ("my meetings start remind me on teams"): the tool after is where it is sent, not where the things are. */
const ORDER_BETWEEN = /\b(?:me|us|remind|tell|ping|notify|send|post|dm|message)\b/;
const CLAUSE_BREAK = /[,.;!?]|->|→|=>/;
/**
 * "Post my calendar in #team on slack", "send me the week's calendar on teams", "dm me todays meetings on slack": sent to a chat tool, which keeps
 * nothing of another tool (the channel between is masked as a literal by then).
 */
const SENT_BEFORE =
  /\b(?:post|send|share|drop|put|pin|paste|dump|dm|message|text)\s+(?:(?:me|us|my|our|the|all|new|this|next|[a-z]+'s|(?:today|tomorrow|yesterday)s)\s+){0,4}$/;
const CHAT_TOOLS = new Set(['slack', 'teams', 'discord']);

/** Whether a keyword mention is the name of something kept in another tool rather than a tool of its own. */
function keywordOfOtherTool(text: string, mention: IntegrationMention, all: readonly IntegrationMention[]): boolean {
  if (!mention.keyword) return false;
  if (CONTAINER_AFTER.test(text.slice(mention.end, mention.end + 16))) return true;
  const sent = SENT_BEFORE.test(text.slice(Math.max(0, mention.start - 40), mention.start));
  return all.some((other) => {
    if (other.keyword || other.generic || other.id === mention.id || other.start < mention.end || other.start - mention.end > 60) return false;
    const between = text.slice(mention.end, other.start);
    // "Post the invoices from #billing on slack": read from the chat tool, they are its own.
    if (sent && CHAT_TOOLS.has(other.id) && !between.includes('from')) return false;
    return !CLAUSE_BREAK.test(between) && IN_TOOL_BEFORE.test(between) && !ORDER_BETWEEN.test(between);
  });
}

/** "The notion inbox database", "my dropbox inbox folder": an email word naming a place kept in the tool just before it. */
const CONTAINER_OF_TOOL_BEFORE = /^\s*$/;

function placeInOtherTool(text: string, mention: IntegrationMention, all: readonly IntegrationMention[]): boolean {
  if (!mention.generic || !CONTAINER_AFTER.test(text.slice(mention.end, mention.end + 16))) return false;
  return all.some((other) => !other.generic && other.end <= mention.start && CONTAINER_OF_TOOL_BEFORE.test(text.slice(other.end, mention.start)));
}

/**
 * Every integration named in `text` (normalised, with literals masked), in order of appearance.
 * Generic email words are Gmail unless `preferOutlook` (Outlook named here or already chosen).
 */
export function findMentions(text: string, preferOutlook = false): IntegrationMention[] {
  const mentions: IntegrationMention[] = [];
  eachMatch(SYNONYM_RE, text, (m) => {
    const synonym = SYNONYM_TO_ID.has(m[0]) ? m[0] : m[0].replace(/-/g, ' ');
    const end = m.index + synonym.length;
    if (vetoed(text, synonym, m.index, end)) return;
    const generic = GENERIC_EMAIL.has(synonym);
    const id = SYNONYM_TO_ID.get(synonym) ?? synonym;
    mentions.push({ id, start: m.index, end, generic, keyword: !generic && !isBrand(id, synonym) });
  });
  const overlapping = (a: IntegrationMention, b: IntegrationMention): boolean => a.start < b.end && b.start < a.end;
  for (const sheet of namedSheets(text)) {
    if (mentions.some((m) => !m.keyword && overlapping(m, sheet))) continue;
    // "The orders sheet": a keyword inside the sheet's name names no tool.
    mentions.splice(0, mentions.length, ...mentions.filter((m) => !overlapping(m, sheet)), sheet);
  }
  mentions.sort((a, b) => a.start - b.start);
  if (preferOutlook || mentions.some((m) => m.id === 'outlook')) {
    for (const mention of mentions) if (mention.generic) mention.id = 'outlook';
  }
  return mentions.filter((m) => !keywordOfOtherTool(text, m, mentions) && !placeInOtherTool(text, m, mentions));
}

/** Distinct ids in order of first appearance. */
export function distinctIds(mentions: readonly IntegrationMention[]): string[] {
  return [...new Set(mentions.map((m) => m.id))];
}
