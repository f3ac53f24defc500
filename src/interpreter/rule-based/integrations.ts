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

function isBrand(id: string, synonym: string): boolean {
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
];

const GENERIC_EMAIL = new Set(['email', 'emails', 'e-mail', 'e-mails', 'inbox', 'mail', 'mailbox']);

/** Ordinary-English uses of a synonym: the words just before or after that veto the match. */
const VETOES: Readonly<Record<string, { before?: RegExp; after?: RegExp }>> = {
  slack: { before: /\b(?:some|(?:pick|take) up the)\s+$/, after: /^\s+off\b/ },
  drive: {
    before: /\b(?:test|long|short|hard|flash|usb|thumb|disk|road|scenic|a)\s+$/,
    after: /^\s+(?:home|back|to|there|here|over|through|by|safely|more|sales|traffic|growth|engagement|revenue|adoption)\b/,
  },
  teams: {
    before: /\b(?:sports|other|different|multiple|several|many|both|two|three|four|all|some|across|between|small|large|remote|sales|dev|engineering|support|product|marketing|ops|our|my|the)\s+$/,
    after: /^\s+(?:of|who|which|are|were)\b/,
  },
  mail: { before: /\b(?:snail|voice)\s+$/ },
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
    .map(escape)
    .join('|')})(?![a-z0-9])`,
  'g',
);

function vetoed(text: string, synonym: string, start: number, end: number): boolean {
  const veto = VETOES[synonym];
  if (!veto) return false;
  if (veto.before?.test(text.slice(Math.max(0, start - 24), start))) return true;
  return veto.after?.test(text.slice(end, end + 24)) ?? false;
}

/**
 * Every integration named in `text` (normalised, with literals masked), in order of appearance.
 * Generic email words are Gmail unless `preferOutlook` (Outlook named here or already chosen).
 */
export function findMentions(text: string, preferOutlook = false): IntegrationMention[] {
  const mentions: IntegrationMention[] = [];
  eachMatch(SYNONYM_RE, text, (m) => {
    const synonym = m[0];
    const end = m.index + synonym.length;
    if (vetoed(text, synonym, m.index, end)) return;
    const generic = GENERIC_EMAIL.has(synonym);
    const id = SYNONYM_TO_ID.get(synonym) ?? synonym;
    mentions.push({ id, start: m.index, end, generic, keyword: !generic && !isBrand(id, synonym) });
  });
  if (preferOutlook || mentions.some((m) => m.id === 'outlook')) {
    for (const mention of mentions) if (mention.generic) mention.id = 'outlook';
  }
  return mentions;
}

/** Distinct ids in order of first appearance. */
export function distinctIds(mentions: readonly IntegrationMention[]): string[] {
  return [...new Set(mentions.map((m) => m.id))];
}
