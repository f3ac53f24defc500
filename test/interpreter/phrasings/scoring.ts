/**
 * Maps the phrasing table's neutral expectations onto the session's requirements (the document or its
 * view: the same fields) and scores them per category. Comparison only: nothing here reads messages.
 */
import type { Destination, Filter, Requirements, Trigger } from '../../../src/conversation/requirements/requirements.js';
import type { ExpectedDestination, ExpectedFilter, ExpectedRequirements, ExpectedTrigger, Weekday } from './phrasing-case.js';

/** What a run left, as the checks read it. */
export interface Observed {
  requirements: Pick<Requirements, 'integrations' | 'trigger' | 'destinations' | 'filters'>;
  /** Everything the assistant said in the turn(s) (to find unsupported tools named back). */
  replies: string;
}

const DAY_NUMBERS: Record<Weekday, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };
const DAY_SETS = { daily: [0, 1, 2, 3, 4, 5, 6], weekdays: [1, 2, 3, 4, 5], weekends: [0, 6] } as const;

const sameSet = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x) => b.includes(x)) && b.every((x) => a.includes(x));
const clean = (value: string): string => value.toLowerCase().trim().replace(/^["'#]|["']$/g, '').replace(/\s+/g, ' ');

export function triggerMatches(expected: ExpectedTrigger, actual: Trigger | null): boolean {
  if (expected.type === 'vague' || expected.type === 'none') return actual === null;
  if (actual === null || actual.type !== expected.type) return false;
  if (expected.type === 'manual') return true;
  if (expected.type === 'event') return actual.type === 'event' && actual.integration === expected.integration && actual.event === expected.event;
  if (actual.type !== 'schedule') return false;
  if (expected.daysOfMonth) return cronDaysMatch(expected, actual.crons ?? [actual.cron]);
  const recurrence = actual.recurrence;
  if (!recurrence) return false;
  if (expected.times && !sameSet(expected.times, recurrence.times)) return false;
  if (expected.every) {
    const minutes = (expected.every.minutes ?? 0) + (expected.every.hours ?? 0) * 60;
    if (recurrence.every?.minutes !== minutes) return false;
  } else if (recurrence.every) return false;
  if (expected.dayOfMonth !== undefined && recurrence.dayOfMonth !== expected.dayOfMonth) return false;
  if (expected.days !== undefined) {
    if (recurrence.dayOfMonth !== undefined) return false;
    const days = Array.isArray(expected.days) ? expected.days.map((d) => DAY_NUMBERS[d]) : DAY_SETS[expected.days];
    if (!sameSet([...days], recurrence.days)) return false;
  }
  return true;
}

/** Several days of the month, which no recurrence holds: every cron runs on those days (and at the times, if checked). */
function cronDaysMatch(expected: ExpectedTrigger & { type: 'schedule' }, crons: readonly string[]): boolean {
  const times: string[] = [];
  for (const cron of crons) {
    const [minute = '', hours = '', dom = '', month, dow] = cron.split(' ');
    if (month !== '*' || dow !== '*' || !sameSet(expected.daysOfMonth ?? [], dom.split(',').map(Number))) return false;
    for (const hour of hours.split(',')) times.push(`${hour.padStart(2, '0')}:${minute.padStart(2, '0')}`);
  }
  return !expected.times || sameSet(expected.times, times);
}

/** `dm` is any destination to the person themselves: a direct message, or `me` as the target. */
function kindOf(destination: Destination): ExpectedDestination['kind'] {
  if (destination.kind === 'dm' || ['me', '@me'].includes(destination.target.toLowerCase())) return 'dm';
  return destination.kind;
}

function destinationMatches(expected: ExpectedDestination, actual: Destination): boolean {
  if (kindOf(actual) !== expected.kind) return false;
  if (expected.integration !== undefined && actual.integration !== expected.integration) return false;
  return expected.target === undefined || clean(actual.target) === clean(expected.target);
}

export function destinationsMatch(expected: readonly ExpectedDestination[], actual: readonly Destination[]): boolean {
  if (expected.length !== actual.length) return false;
  const left = [...actual];
  return expected.every((wanted) => {
    const at = left.findIndex((got) => destinationMatches(wanted, got));
    if (at < 0) return false;
    left.splice(at, 1);
    return true;
  });
}

/** The table's kinds are coarser: a subject line is a keyword, a flag (starred, important) a label. */
const KIND_OF: Partial<Record<Filter['kind'], ExpectedFilter['kind']>> = { subject: 'keyword' };

function filterMatches(expected: ExpectedFilter, actual: Filter): boolean {
  if ((KIND_OF[actual.kind] ?? actual.kind) !== expected.kind) return false;
  if (expected.kind === 'amount') {
    return actual.op === expected.op && Number((actual.value ?? '').replace(/[,$]/g, '')) === Number(expected.value);
  }
  return expected.value === undefined || clean(actual.value ?? '') === clean(expected.value);
}

export function filtersMatch(expected: ExpectedRequirements, actual: readonly Filter[]): boolean {
  const wanted = expected.filters ?? [];
  if (!wanted.every((filter) => actual.some((got) => filterMatches(filter, got)))) return false;
  return !expected.onlyFilters || actual.length === wanted.length;
}

/** Each checked key of a row, and whether it holds. */
export function check(expected: ExpectedRequirements, observed: Observed): Partial<Record<keyof ExpectedRequirements, boolean>> {
  const { requirements, replies } = observed;
  const result: Partial<Record<keyof ExpectedRequirements, boolean>> = {};
  if (expected.integrations) result.integrations = sameSet(expected.integrations, requirements.integrations.value ?? []);
  if (expected.unsupported) {
    const said = replies.toLowerCase();
    result.unsupported = expected.unsupported.every((name) => said.includes(name));
  }
  if (expected.trigger) result.trigger = triggerMatches(expected.trigger, requirements.trigger.value);
  if (expected.destinations) result.destinations = destinationsMatch(expected.destinations, requirements.destinations.value ?? []);
  if (expected.filters || expected.onlyFilters) result.filters = filtersMatch(expected, requirements.filters.value ?? []);
  return result;
}

/** Counts over a table run. */
export class Scoreboard {
  private tp = 0;
  private fp = 0;
  private fn = 0;
  readonly tally = new Map<string, { right: number; total: number }>();
  readonly failures: string[] = [];

  /** Adds one row: integration counts, and each checked key as right or wrong. */
  add(label: string, expected: ExpectedRequirements, observed: Observed): boolean {
    if (expected.integrations) {
      const got = observed.requirements.integrations.value ?? [];
      this.tp += got.filter((id) => expected.integrations!.includes(id)).length;
      this.fp += got.filter((id) => !expected.integrations!.includes(id)).length;
      this.fn += expected.integrations.filter((id) => !got.includes(id)).length;
    }
    const checks = check(expected, observed);
    const wrong = Object.entries(checks).filter(([, ok]) => !ok).map(([key]) => key);
    for (const [key, ok] of Object.entries(checks)) this.count(key, ok);
    if (wrong.length > 0) this.failures.push(`${label} [${wrong.join(', ')}] got ${brief(observed)}`);
    return wrong.length === 0;
  }

  count(key: string, ok: boolean): void {
    const entry = this.tally.get(key) ?? { right: 0, total: 0 };
    entry.total += 1;
    if (ok) entry.right += 1;
    this.tally.set(key, entry);
  }

  ratio(key: string): number {
    const entry = this.tally.get(key);
    return entry && entry.total > 0 ? entry.right / entry.total : 1;
  }

  get precision(): number {
    return this.tp + this.fp === 0 ? 1 : this.tp / (this.tp + this.fp);
  }

  get recall(): number {
    return this.tp + this.fn === 0 ? 1 : this.tp / (this.tp + this.fn);
  }

  report(title: string): string {
    const lines = [`${title}: integrations precision ${this.precision.toFixed(3)} recall ${this.recall.toFixed(3)}`];
    for (const [key, { right, total }] of this.tally) lines.push(`  ${key}: ${right}/${total} (${((100 * right) / total).toFixed(1)} %)`);
    return lines.join('\n');
  }
}

export function brief(observed: Observed): string {
  const { integrations, trigger, destinations, filters } = observed.requirements;
  const t = trigger.value;
  const when =
    t?.type === 'schedule' ? `${t.cron}${t.recurrence ? '' : ' (no recurrence)'}` : t?.type === 'event' ? `${t.integration}.${t.event}` : (t?.type ?? 'none');
  const to = (destinations.value ?? []).map((d) => `${d.kind}:${d.integration ?? '-'}:${d.target}`).join(',');
  const only = (filters.value ?? []).map((f) => `${f.kind}=${f.op ?? ''}${f.value ?? ''}`).join(',');
  return `{${(integrations.value ?? []).join(',')}} ${when} -> [${to}] filters [${only}]`;
}
