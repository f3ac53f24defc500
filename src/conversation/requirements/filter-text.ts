import type { Comparison, Filter } from './requirements.js';

const QUOTED = /^"(.*)"$/;
const unquote = (value: string): string => value.trim().replace(QUOTED, '$1');
const FLAGS = new Set(['starred', 'important', 'flagged']);

/** Readers of the human forms, tried in order: `[pattern, build from its captures]`. */
const FORMS: readonly (readonly [RegExp, (m: RegExpExecArray) => Omit<Filter, 'text'>])[] = [
  [/^(?:unread|unopened)$/, () => ({ kind: 'unread' })],
  [/^(?:with |has |having )?attachments?$/, () => ({ kind: 'attachment' })],
  [/^(?:not|except|excluding|exclude|no|but not|without|skip(?:ping)?|ignore|ignoring):?\s+(.+)$/, (m) => ({ kind: 'exclude', value: unquote(m[1] ?? '') })],
  [/^from:?\s+(.+)$/, (m) => ({ kind: 'from', value: m[1] ?? '' })],
  [/^(?:label|folder|tag):\s*(.+)$/, (m) => ({ kind: 'label', value: unquote(m[1] ?? '') })],
  [/^subject contains\s+(.+)$/, (m) => ({ kind: 'subject', value: unquote(m[1] ?? '') })],
  [/^(?:mentions|keyword:|contains)\s*(.+)$/, (m) => ({ kind: 'keyword', value: unquote(m[1] ?? '') })],
  [/^status:\s*(.+)$/, (m) => ({ kind: 'status', value: unquote(m[1] ?? '') })],
  [/^unanswered$/, () => ({ kind: 'status', value: 'unanswered' })],
  [/^priority:\s*(.+)$/, (m) => ({ kind: 'priority', value: unquote(m[1] ?? '') })],
  [/^(high|low|urgent|medium)[- ]priority$/, (m) => ({ kind: 'priority', value: m[1] ?? '' })],
  [/^amount\s*(>=|<=|>|<|=)\s*\$?([\d.,]+k?)$/, (m) => ({ kind: 'amount', op: m[1] as Comparison, value: m[2] ?? '' })],
];

/**
 * The typed filter a human form stands for (`from my manager`, `label: Invoices`, `amount > 500`,
 * `not from newsletters`), keeping the form as `text`; anything unrecognised is kind `other`.
 */
export function parseFilter(text: string): Filter {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  if (FLAGS.has(lower)) return { kind: 'label', value: lower, text: trimmed };
  for (const [pattern, build] of FORMS) {
    const m = pattern.exec(lower);
    if (!m) continue;
    const typed = build(m);
    // Values keep the user's spelling: cut them from the original at the same offset.
    const value = typed.value === undefined ? undefined : valueFrom(trimmed, lower, typed.value);
    return { ...typed, ...(value === undefined ? {} : { value }), text: trimmed };
  }
  return { kind: 'other', value: trimmed, text: trimmed };
}

function valueFrom(original: string, lower: string, value: string): string {
  const at = lower.lastIndexOf(value);
  return at < 0 ? value : original.slice(at, at + value.length);
}

/** The human form of a typed filter (what `parseFilter` reads back). */
export function filterText(filter: Omit<Filter, 'text'>): string {
  const value = filter.value ?? '';
  switch (filter.kind) {
    case 'unread':
      return 'unread';
    case 'attachment':
      return 'with attachments';
    case 'exclude':
      return `not ${value}`;
    case 'from':
      return `from ${value}`;
    case 'label':
      return `label: ${value}`;
    case 'subject':
      return `subject contains "${value}"`;
    case 'keyword':
      return `mentions "${value}"`;
    case 'status':
      return `status: ${value}`;
    case 'priority':
      return `priority: ${value}`;
    case 'amount':
      return `amount ${filter.op ?? '>'} ${value}`;
    case 'other':
      return value;
  }
}

/** Whether `filter` is what `wanted` describes (the keys `wanted` gives, values compared case-insensitively). */
export function filterMatches(filter: Filter, wanted: Partial<Filter>): boolean {
  const same = (a: string | undefined, b: string | undefined): boolean => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
  if (wanted.text !== undefined && same(filter.text, wanted.text)) return true;
  if (wanted.kind !== undefined && filter.kind !== wanted.kind) return false;
  if (wanted.value !== undefined && !same(filter.value, wanted.value)) return false;
  if (wanted.op !== undefined && filter.op !== wanted.op) return false;
  return wanted.kind !== undefined || wanted.value !== undefined;
}
