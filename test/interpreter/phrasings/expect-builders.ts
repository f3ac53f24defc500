/**
 * Short builders for the neutral expectations of the phrasing table, so that a row reads as one line:
 * `row('dm me my unread gmail at 9', ['dm'], { integrations: ['gmail'], trigger: at(['09:00']) })`.
 * They only build the plain objects of phrasing-case.ts; nothing here knows how the interpreter works.
 */
import type {
  ExpectedDestination,
  ExpectedFilter,
  ExpectedRequirements,
  ExpectedTrigger,
  PhrasingCase,
  Weekday,
} from './phrasing-case.js';

type Days = 'daily' | 'weekdays' | 'weekends' | Weekday[];

export function row(text: string, tags: string[], expect: ExpectedRequirements): PhrasingCase {
  return { text, tags, expect };
}

/** A schedule at these times (any order), optionally on these days. */
export function at(times: string[], days?: Days): ExpectedTrigger {
  return days === undefined ? { type: 'schedule', times } : { type: 'schedule', times, days };
}

/** A schedule whose days are known but whose time was not given (or is not checked). */
export function on(days: Days): ExpectedTrigger {
  return { type: 'schedule', days };
}

/** Monthly on a day of the month, optionally at these times. */
export function monthly(dayOfMonth: number, times?: string[]): ExpectedTrigger {
  return times === undefined ? { type: 'schedule', dayOfMonth } : { type: 'schedule', dayOfMonth, times };
}

/** Monthly on several days of the month (any order), optionally at these times. */
export function monthlyOn(daysOfMonth: number[], times?: string[]): ExpectedTrigger {
  return times === undefined ? { type: 'schedule', daysOfMonth } : { type: 'schedule', daysOfMonth, times };
}

export function everyMinutes(minutes: number): ExpectedTrigger {
  return { type: 'schedule', every: { minutes } };
}

export function everyHours(hours: number): ExpectedTrigger {
  return { type: 'schedule', every: { hours } };
}

export function event(integration: string, key: string): ExpectedTrigger {
  return { type: 'event', integration, event: key };
}

export const MANUAL: ExpectedTrigger = { type: 'manual' };
export const VAGUE: ExpectedTrigger = { type: 'vague' };
export const NONE: ExpectedTrigger = { type: 'none' };

/** A chat channel such as `#team-updates`. */
export function channel(target: string, integration?: string): ExpectedDestination {
  return integration === undefined ? { kind: 'channel', target } : { kind: 'channel', target, integration };
}

/** To the person themselves ("dm me", "text me", "email me"). */
export function dm(integration?: string): ExpectedDestination {
  return integration === undefined ? { kind: 'dm' } : { kind: 'dm', integration };
}

/** An email address. */
export function mail(target: string, integration?: string): ExpectedDestination {
  return integration === undefined ? { kind: 'email', target } : { kind: 'email', target, integration };
}

/** Another tool's target: a Notion page, a sheet, a Trello board… */
export function into(integration: string, target?: string): ExpectedDestination {
  return target === undefined ? { kind: 'integration', integration } : { kind: 'integration', integration, target };
}

export const filter = {
  from: (value: string): ExpectedFilter => ({ kind: 'from', value }),
  unread: (): ExpectedFilter => ({ kind: 'unread' }),
  label: (value: string): ExpectedFilter => ({ kind: 'label', value }),
  keyword: (value: string): ExpectedFilter => ({ kind: 'keyword', value }),
  status: (value: string): ExpectedFilter => ({ kind: 'status', value }),
  priority: (value: string): ExpectedFilter => ({ kind: 'priority', value }),
  amount: (op: '>' | '>=' | '<' | '<=' | '=', value: number): ExpectedFilter => ({
    kind: 'amount',
    op,
    value: String(value),
  }),
  exclude: (value: string): ExpectedFilter => ({ kind: 'exclude', value }),
};
