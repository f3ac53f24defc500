import { eachMatch, oneOf } from './text.js';

/** A filter found in a message, in its human form (see `parseFilter`), and where it was said. */
export interface FoundFilter {
  at: number;
  text: string;
  span: readonly [number, number];
}

const STATUSES = [
  'open', 'closed won', 'closed lost', 'closed', 'done', 'in progress', 'in review', 'pending', 'unpaid', 'unfulfilled',
  'todo', 'to do', 'solved', 'resolved', 'past due', 'overdue', 'completed', 'complete', 'blocked', 'approved',
  'negotiation', 'new', 'paid', 'shipped', 'fulfilled', 'failed', 'merged', 'draft', 'archived', 'active',
];
const PRIORITY_WORDS = ['highest', 'high', 'urgent', 'critical', 'blocker', 'low', 'lowest', 'medium', 'important', 'top'];
const STATUS = oneOf(STATUSES.map((s) => s.replace(' ', '[ -]')));
const PRIORITY = oneOf(PRIORITY_WORDS);

const STATUS_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`\b(?:status(?: is| of| =|:)?|(?:that are|which are|are|is|marked(?: as)?|set to|moved to|in(?: the)?|still)\s+(?:still\s+)?)\s*(${STATUS})(?=\s+(?:ones|column|status|state|tickets?|issues?|tasks?|deals?|cards?|invoices?|orders?|items?|stage)\b|[\s,.;!?)]|$)`, 'g'),
  new RegExp(String.raw`\b(?:only|just|all)\s+(?:the\s+)?(${STATUS})\s+(?:ones|tickets?|issues?|tasks?|deals?|cards?|invoices?|orders?|items?|bugs?|prs?|pull requests?)\b`, 'g'),
  new RegExp(String.raw`\b(?:the\s+)?(${STATUS})\s+(?:column|stage|state|list)\b`, 'g'),
  new RegExp(String.raw`\b(?:ones|those|items|tickets|issues|tasks|cards|deals)\s+(${STATUS})(?=[\s,.;!?]|$)`, 'g'),
  new RegExp(String.raw`\b(overdue|unpaid|unfulfilled|past due|blocked)\b`, 'g'),
  // "open Jira bugs", "the closed Linear issues": a state said before the things.
  new RegExp(String.raw`\b(open|closed|resolved|pending|merged|unpaid|overdue)\s+(?:[a-z]+\s+)?(?:bugs?|tickets?|issues?|pull requests?|prs?|tasks?|cards?|deals?|invoices?|orders?)\b`, 'g'),
];
const PRIORITY_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`\b(${PRIORITY})[- ]priority\b|\bpriority(?: is| of| =|:)?\s+(${PRIORITY}|p[0-4])\b|\bpriority\s+(${PRIORITY})\b`, 'g'),
  new RegExp(String.raw`\b(p[0-4]|sev ?[0-4])s?\b`, 'g'),
  new RegExp(String.raw`\b(?:marked|tagged|flagged)\s+(?:as\s+)?(urgent|critical|blocker|important)\b`, 'g'),
  new RegExp(String.raw`\b(?:only|just|all)\s+(?:the\s+)?(urgent|critical|blocker|high priority)\s+(?:ones|tickets?|issues?|tasks?|bugs?|emails?|messages?)?`, 'g'),
  new RegExp(String.raw`\b(urgent|critical)\s+(?:tickets?|issues?|tasks?|bugs?|incidents?)\b`, 'g'),
];
const NUMBER = String.raw`\$?\s?(\d[\d,]*(?:\.\d+)?)\s*(k|m|grand|thousand)?(?:\s*(?:dollars|usd|eur|euros|bucks|€|£))?`;
const COMPARATOR: readonly (readonly [RegExp, string])[] = [
  [/^(?:over|above|more than|greater than|bigger than|larger than|exceeding|>)$/, '>'],
  [/^(?:at least|minimum|min|>=|or more)$/, '>='],
  [/^(?:under|below|less than|smaller than|<)$/, '<'],
  [/^(?:at most|maximum|max|<=|up to)$/, '<='],
];
const AMOUNT = new RegExp(
  String.raw`\b(over|above|more than|greater than|bigger than|larger than|exceeding|at least|minimum|under|below|less than|smaller than|at most|up to)\s+${NUMBER}|(>=|<=|>|<)\s*${NUMBER}`,
  'g',
);
const EXCLUDE = new RegExp(
  String.raw`\b(?:(?:except(?: for)?|excluding|exclude|but not|apart from|other than|skip(?:ping)?(?: anything)?(?: from)?|ignore|ignoring|nothing from|not from)\s+(?:the\s+|any\s+|anything\s+from\s+|emails?\s+from\s+)?(newsletters?|noreply|no-reply|spam|promotions?|marketing(?: emails)?|linkedin|notifications?|automated emails?|[a-z][\w.-]*@[\w.-]+|[a-z][\w-]*(?:\.com)?)|no\s+(newsletters?|spam|promotions?|marketing(?: emails)?|notifications?|automated emails?))(?=[\s,.;!?]|$)`,
  'g',
);
const NOT_EXCLUDED = new Set(['this', 'that', 'it', 'for', 'now', 'today', 'tomorrow', 'step', 'the', 'one', 'ones', 'longer', 'more', 'need', 'idea', 'problem', 'way', 'thanks', 'matter', 'rush', 'worries', 'filter', 'filters']);

const DAY_WORD = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*$|^(?:weekends?|weekdays?|mornings?|evenings?)$/;

function amountValue(number: string, unit: string | undefined): string {
  let value = Number(number.replace(/,/g, ''));
  if (unit === 'k' || unit === 'grand' || unit === 'thousand') value *= 1000;
  if (unit === 'm') value *= 1_000_000;
  return String(value);
}

/** Status, priority, amount and exclusion filters in `norm`, in their human forms. */
export function findTypedFilters(norm: string): FoundFilter[] {
  const found: FoundFilter[] = [];
  const add = (m: RegExpExecArray, text: string, value?: string): void => {
    if (found.some((f) => f.text === text)) return;
    // The span ends with the value: "open Zendesk tickets" must leave "Zendesk" to be read as the tool.
    const end = value ? m.index + m[0].indexOf(value) + value.length : m.index + m[0].length;
    found.push({ at: m.index, text, span: [m.index, end] });
  };
  for (const re of STATUS_PATTERNS) eachMatch(re, norm, (m) => add(m, `status: ${(m[1] ?? '').replace('-', ' ')}`, m[1]));
  for (const re of PRIORITY_PATTERNS) {
    eachMatch(re, norm, (m) => {
      const value = (m[1] ?? m[2] ?? m[3] ?? '').replace(/ priority$/, '').replace(' ', '');
      if (value) add(m, `priority: ${value}`);
    });
  }
  eachMatch(AMOUNT, norm, (m) => {
    const word = m[1] ?? m[4] ?? '';
    const op = COMPARATOR.find(([re]) => re.test(word))?.[1] ?? '>';
    const number = m[2] ?? m[5] ?? '';
    const unit = m[3] ?? m[6];
    // "over 3 days", "under 5 minutes" are no amounts.
    if (/^\s*(?:days?|weeks?|hours?|minutes?|mins?|items?|people|times?|emails?|messages?)\b/.test(norm.slice(m.index + m[0].length))) return;
    add(m, `amount ${op} ${amountValue(number, unit)}`);
  });
  eachMatch(EXCLUDE, norm, (m) => {
    const value = m[1] ?? m[2] ?? '';
    if (!NOT_EXCLUDED.has(value) && !DAY_WORD.test(value)) add(m, `not ${value}`);
  });
  return found;
}
