import { eachMatch, includesAny, oneOf } from './text.js';

/** A filter found in a message, in its human form (see `parseFilter`), and where it was said. */
export interface FoundFilter {
  at: number;
  text: string;
  span: readonly [number, number];
}

const STATUSES = [
  'open', 'closed won', 'closed lost', 'closed', 'done', 'in progress', 'in review', 'pending', 'unpaid', 'unfulfilled',
  'todo', 'to do', 'solved', 'resolved', 'past due', 'overdue', 'completed', 'complete', 'blocked', 'approved',
  'negotiation', 'new', 'paid', 'shipped', 'fulfilled', 'failed', 'merged', 'draft', 'archived', 'active', 'unsolved',
  'unresolved',
];
export const PRIORITY_WORDS = ['highest', 'high', 'urgent', 'critical', 'blocker', 'low', 'lowest', 'medium', 'important', 'top'];
const STATUS = oneOf(STATUSES.map((s) => s.replace(' ', '[ -]')));
/** A state that names a place ("in the failed payments sheet", "the overdue invoices sheet") is no filter. */
const NOT_A_PLACE_NAME = String.raw`(?!\s+(?:[\w-]+\s+)?(?:sheet|spreadsheet|base|table|database|doc|folder|tab)\b)`;
const PRIORITY = oneOf(PRIORITY_WORDS);

// "Tix" and "opps" are how people shorten tickets and opportunities.
const THINGS = String.raw`(?:bugs?|tickets?|tix|issues?|pull requests?|prs?|tasks?|cards?|deals?|invoices?|orders?|items?|leads?|opportunit(?:y|ies)|opps?|envelopes?|requests?)`;
const PRIORITY_SAID = String.raw`(?:${PRIORITY}[- ]prio(?:rity)?|p[0-4])`;
/** Words that end a stage or list name ("in stage negotiation → …", "in the doing list"). */
const NOT_A_STAGE = oneOf(['the', 'a', 'my', 'our', 'mailing', 'shopping', 'guest', 'wait', 'reading', 'contact', 'distribution', 'e-?mail', 'same', 'new', 'that', 'this']);
const STAGE_WORD = String.raw`(?!${NOT_A_STAGE}\b)[a-z][\w-]*`;
/** Said after the things, as a state they reached: "docusign envelopes completed →". */
const PARTICIPLE = oneOf(['completed', 'closed', 'resolved', 'merged', 'approved', 'done', 'solved', 'shipped', 'fulfilled', 'paid', 'archived', 'rejected', 'cancell?ed', 'signed']);

/**
 * A pattern and its guard: words of which it cannot match without one (null: none worth testing). Most
 * messages name no board, priority or state, and are not scanned for them.
 */
type Guarded = readonly [pattern: RegExp, needs: readonly string[] | null];

const STATUS_PATTERNS: readonly Guarded[] = [
  // A stage or list of a board names a state, whatever its name ("in the doing list", "in stage closed won").
  [new RegExp(String.raw`\bin (?:the )?(?:stage|status|state|column|list):?\s+(${STATUS}|${STAGE_WORD}(?:\s+(?:won|lost))?)\b`, 'g'), ['stage', 'stat', 'column', 'list']],
  [new RegExp(String.raw`\bin (?:the )?(${STAGE_WORD}(?:[ -]${STAGE_WORD})?) (?:list|column|lane|stage)\b`, 'g'), ['list', 'column', 'lane', 'stage']],
  [new RegExp(String.raw`\b(?:status(?: is| of| =|:)?|(?:that are|which are|are|is|marked(?: as)?|set to|(?:moved|moves|move|moving|goes|gets moved) to|in(?: the)?|still)\s+(?:still\s+)?)\s*(${STATUS})${NOT_A_PLACE_NAME}(?=\s+(?:ones|column|status|state|tickets?|issues?|tasks?|deals?|cards?|invoices?|orders?|items?|stage)\b|[\s,.;!?)]|$)`, 'g'), null],
  [new RegExp(String.raw`\b(?:only|just|all)\s+(?:the\s+)?(${STATUS})\s+(?:ones|tickets?|issues?|tasks?|deals?|cards?|invoices?|orders?|items?|bugs?|prs?|pull requests?)\b`, 'g'), null],
  [new RegExp(String.raw`\b(?:the\s+)?(${STATUS})\s+(?:column|stage|state|list)\b`, 'g'), ['column', 'stage', 'state', 'list']],
  [
    new RegExp(String.raw`\b(?:ones|those|items|tickets|tix|issues|tasks|cards|deals|opps|opportunities|leads|bugs|prs)\s+(${STATUS})(?=[\s,.;!?]|$)`, 'g'),
    ['ones', 'those', 'items', 'tickets', 'tix', 'issues', 'tasks', 'cards', 'deals', 'opps', 'opportunities', 'leads', 'bugs', 'prs'],
  ],
  [
    new RegExp(String.raw`\b${THINGS}\s+(${PARTICIPLE})(?=\s*(?:[,.;!?)]|->|→|$))`, 'g'),
    ['completed', 'closed', 'resolved', 'merged', 'approved', 'done', 'solved', 'shipped', 'fulfilled', 'paid', 'archived', 'rejected', 'cancel', 'signed'],
  ],
  [new RegExp(String.raw`\b(overdue|unpaid|unfulfilled|past due|blocked)\b${NOT_A_PLACE_NAME}`, 'g'), ['overdue', 'unpaid', 'unfulfilled', 'past due', 'blocked']],
  // "open Jira bugs", "open high priority zendesk tickets": a state said before the things.
  [
    new RegExp(
      String.raw`\b(open|closed[ -](?:won|lost)|closed|resolved|unresolved|unsolved|pending|merged|unpaid|overdue)\s+(?:${PRIORITY_SAID}\s+)?(?:[a-z]+\s+)?${THINGS}\b(?!\s+(?:sheet|spreadsheet|base|table|database|doc|folder|tab)\b)`,
      'g',
    ),
    ['open', 'closed', 'resolved', 'unsolved', 'pending', 'merged', 'unpaid', 'overdue'],
  ],
];
const PRIORITY_OR = String.raw`(?:\s*(?:,|\/|or|and)\s*(${PRIORITY}|p[0-4]))?`;
const PRIORITY_PATTERNS: readonly Guarded[] = [
  [new RegExp(String.raw`\b(${PRIORITY})[- ]prio(?:rity)?\b|\bprio(?:rity)?(?: is| of| =|:)?\s+(${PRIORITY}|p[0-4])\b${PRIORITY_OR}${PRIORITY_OR}`, 'g'), ['prio']],
  [new RegExp(String.raw`\b(p[0-4]|sev ?[0-4])s?\b`, 'g'), ['0', '1', '2', '3', '4']],
  [new RegExp(String.raw`\b(?:marked|tagged|flagged)\s+(?:as\s+)?(urgent|critical|blocker|important)\b`, 'g'), ['marked', 'tagged', 'flagged']],
  [new RegExp(String.raw`\b(high|low|normal)\s+importance\b`, 'g'), ['importance']],
  [new RegExp(String.raw`\b(?:only|just|all)\s+(?:the\s+)?(urgent|critical|blocker|high priority)\s+(?:ones|tickets?|issues?|tasks?|bugs?|emails?|messages?)?`, 'g'), ['urgent', 'critical', 'blocker', 'high priority']],
  // "critical github issues": the tool may stand between.
  [new RegExp(String.raw`\b(urgent|critical)\s+(?:[a-z]+\s+)?(?:tickets?|tix|issues?|tasks?|bugs?|incidents?)\b`, 'g'), ['urgent', 'critical']],
  // "… that are in progress and urgent →".
  [new RegExp(String.raw`\b(?:are|is|and|or|only|just)\s+(urgent|critical)(?=\s*(?:[,.;!?)]|->|→|$))`, 'g'), ['urgent', 'critical']],
];
const CURRENCY_WORD = String.raw`(?:\s*(?:(?:dollars?|usd|eur|euros?|bucks|quid|pounds?|gbp)\b|€|£))?`;
// "1,000" groups thousands; "300, email me" is 300 and a comma.
const NUMBER = String.raw`[$€£]?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(k|m|grand|thousand)\b)?${CURRENCY_WORD}`;
type Comparison = '>' | '>=' | '<' | '<=' | '=';
/** Comparison words, longest first ("less than or equal to" before "less than"). */
const COMPARATORS: readonly (readonly [string, Comparison])[] = [
  ['(?:less|fewer|smaller) than or equal to', '<='],
  ['(?:more|greater|bigger|larger) than or equal to', '>='],
  ['over', '>'], ['above', '>'], ['more than', '>'], ['greater than', '>'], ['bigger than', '>'], ['larger than', '>'],
  ['higher than', '>'], ['exceeding', '>'], ['in excess of', '>'], ['north of', '>'],
  ['at least', '>='], ['minimum(?: of)?', '>='], ['min', '>='],
  ['under', '<'], ['below', '<'], ['less than', '<'], ['smaller than', '<'], ['lower than', '<'], ['south of', '<'],
  ['at most', '<='], ['maximum(?: of)?', '<='], ['max', '<='], ['up to', '<='], ['no more than', '<='],
  ['(?:of |for )?exactly', '='], ['equal to', '='], ['equals', '='],
  ['>=', '>='], ['<=', '<='], ['>', '>'], ['<', '<'], ['=', '='],
];
const COMPARATOR_RES = COMPARATORS.map(([words, op]) => [new RegExp(`^(?:${words})$`), op] as const);
/** Said after the number: "5k or more", "500+", "20 or less". */
const AFTER = String.raw`(\+|\s+or (?:more|above|higher|over)|\s+and (?:up|above|over)|\s+or (?:less|under|below|fewer))`;
const AMOUNT = new RegExp(
  String.raw`(?:(?<![\w>=<-])(${COMPARATORS.map(([words]) => words).join('|')})\s*${NUMBER}|(?<![\w.$€£])${NUMBER}${AFTER})`,
  'g',
);
const DIGIT = /\d/;
/** "over 3 days", "under 5 minutes", "over 2 people" are no amounts. */
const NOT_MONEY = /^\s*(?:days?|weeks?|months?|years?|hours?|hrs?|minutes?|mins?|seconds?|items?|people|persons?|times?|e-?mails?|messages?|stars?|comments?|replies|likes|votes|followers|points|%|percent|am|pm|o'?clock)\b/;

/** Said right after an amount, it leaves those out: "under 20 bucks don't matter", "below $5 can be ignored". */
const UNWANTED_AFTER = /^\s*(?:[\w$€£.]+\s+){0,2}(?:do(?:n'?t| not) matter|(?:are|is)(?:n'?t| not) important|(?:can|should) be (?:ignored|skipped)|(?:are|is) (?:just )?noise)\b/;
const UNWANTED_WORDS = ['matter', 'important', 'ignored', 'skipped', 'noise'];

/** An amount comparison: `op value`, and where it sits in `text`. */
export interface AmountReading {
  op: Comparison;
  value: string;
  start: number;
  end: number;
}

function amountValue(number: string, unit: string | undefined): string {
  let value = Number(number.replace(/,/g, ''));
  if (unit === 'k' || unit === 'grand' || unit === 'thousand') value *= 1000;
  if (unit === 'm') value *= 1_000_000;
  return String(value);
}

function comparisonAfter(words: string): Comparison {
  return /more|above|higher|over|up|\+/.test(words) ? '>=' : '<=';
}

/** Every amount comparison in `text` ("over $500", "5k or more", "of exactly 99 dollars"). */
export function readAmounts(text: string): AmountReading[] {
  const amounts: AmountReading[] = [];
  // Both of AMOUNT's forms need the number's digits.
  if (!DIGIT.test(text)) return amounts;
  eachMatch(AMOUNT, text, (m) => {
    if (NOT_MONEY.test(text.slice(m.index + m[0].length))) return;
    const [, word, n1, u1, n2, u2, after] = m;
    const said = word !== undefined ? (COMPARATOR_RES.find(([re]) => re.test(word))?.[1] ?? '>') : comparisonAfter(after ?? '');
    const end = m.index + m[0].length;
    // "Orders under 20 bucks don't matter": what is said not to matter is left out, the rest kept.
    const op = includesAny(text, UNWANTED_WORDS) && UNWANTED_AFTER.test(text.slice(end, end + 40)) ? invertComparison(said) : said;
    amounts.push({ op, value: amountValue(n1 ?? n2 ?? '', u1 ?? u2), start: m.index, end });
  });
  return amounts;
}

/** The first amount comparison in `text`, if any. */
export function readAmount(text: string): AmountReading | null {
  return readAmounts(text)[0] ?? null;
}

/** What is kept when an amount is left out: "except the ones under 1" keeps `>= 1`. */
export function invertComparison(op: Comparison): Comparison {
  const inverse: Record<Comparison, Comparison> = { '>': '<=', '>=': '<', '<': '>=', '<=': '>', '=': '=' };
  return inverse[op];
}

/** Status, priority and amount filters in `norm`, in their human forms. */
export function findTypedFilters(norm: string): FoundFilter[] {
  const found: FoundFilter[] = [];
  const add = (m: RegExpExecArray, text: string, value?: string): void => {
    if (found.some((f) => f.text === text)) return;
    // The span ends with the value: "open Zendesk tickets" must leave "Zendesk" to be read as the tool.
    const valueAt = value ? m.index + m[0].lastIndexOf(value) : m.index;
    const end = value ? valueAt + value.length : m.index + m[0].length;
    // A second value of one phrase ("urgent or high") spans itself only, beside the first.
    const start = found.some((f) => f.at === m.index) ? valueAt : m.index;
    found.push({ at: m.index, text, span: [start, end] });
  };
  for (const [re, needs] of STATUS_PATTERNS) {
    if (needs && !includesAny(norm, needs)) continue;
    eachMatch(re, norm, (m) => add(m, `status: ${(m[1] ?? '').replace('-', ' ')}`, m[1]));
  }
  for (const [re, needs] of PRIORITY_PATTERNS) {
    if (needs && !includesAny(norm, needs)) continue;
    eachMatch(re, norm, (m) => {
      // Every value said ("priority urgent or high" is two).
      for (const said of m.slice(1)) {
        const value = (said ?? '').replace(/ priority$/, '').replace(' ', '');
        if (value) add(m, `priority: ${value}`, said);
      }
    });
  }
  for (const amount of readAmounts(norm)) {
    const text = `amount ${amount.op} ${amount.value}`;
    if (!found.some((f) => f.text === text)) found.push({ at: amount.start, text, span: [amount.start, amount.end] });
  }
  return found;
}
