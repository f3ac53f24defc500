/**
 * Checks the phrasing table itself (not the interpreter): it is big enough, every tool and event it
 * expects exists in the catalog, no text appears twice, and times and days are well-formed.
 */
import { describe, expect, it } from '@jest/globals';
import { INTEGRATION_CATALOG } from '../../../src/oauth/integration-catalog.js';
import { CORRECTIONS } from './corrections.js';
import { FIRST_MESSAGES } from './first-messages.js';
import { NON_REQUESTS } from './non-requests.js';
import type { ExpectedRequirements } from './phrasing-case.js';

const CATALOG = new Map(INTEGRATION_CATALOG.map((integration) => [integration.id, integration]));
const CATALOG_NAMES = new Set(INTEGRATION_CATALOG.flatMap((integration) => [integration.id, integration.name.toLowerCase()]));
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const WEEKDAYS = new Set(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** Every problem found in one expectation, as readable strings (an empty list means it is sound). */
function problemsOf(expectation: ExpectedRequirements): string[] {
  const problems: string[] = [];
  const known = (id: string | undefined, where: string): void => {
    if (id !== undefined && !CATALOG.has(id)) problems.push(`${where}: "${id}" is not a catalog id`);
  };
  for (const id of expectation.integrations ?? []) known(id, 'integrations');
  if (new Set(expectation.integrations).size !== (expectation.integrations ?? []).length) problems.push('integrations repeat');
  for (const name of expectation.unsupported ?? []) {
    if (CATALOG_NAMES.has(name)) problems.push(`unsupported: "${name}" is in the catalog`);
    if (name !== name.toLowerCase()) problems.push(`unsupported: "${name}" is not lower-case`);
  }
  const trigger = expectation.trigger;
  if (trigger?.type === 'event') {
    known(trigger.integration, 'trigger');
    const events = CATALOG.get(trigger.integration)?.events ?? {};
    if (!(trigger.event in events)) problems.push(`trigger: "${trigger.integration}" has no event "${trigger.event}"`);
    if (expectation.integrations && !expectation.integrations.includes(trigger.integration)) {
      problems.push(`trigger: "${trigger.integration}" is missing from integrations`);
    }
  }
  if (trigger?.type === 'schedule') {
    for (const time of trigger.times ?? []) if (!TIME.test(time)) problems.push(`time "${time}" is not HH:MM`);
    if (Array.isArray(trigger.days)) {
      for (const day of trigger.days) if (!WEEKDAYS.has(day)) problems.push(`day "${day}"`);
      if (trigger.days.length === 0) problems.push('an empty list of days');
    }
    const dayOfMonth = trigger.dayOfMonth;
    if (dayOfMonth !== undefined && !(Number.isInteger(dayOfMonth) && dayOfMonth >= 1 && dayOfMonth <= 31)) {
      problems.push(`day of month ${dayOfMonth}`);
    }
    for (const day of trigger.daysOfMonth ?? []) if (!(Number.isInteger(day) && day >= 1 && day <= 31)) problems.push(`day of month ${day}`);
    if (trigger.daysOfMonth && trigger.daysOfMonth.length < 2) problems.push('several days of the month that are not several');
    const every = trigger.every;
    if (every && !(every.minutes ?? every.hours)) problems.push('an interval of nothing');
    if (!trigger.times && !trigger.days && dayOfMonth === undefined && !trigger.daysOfMonth && !every) problems.push('a schedule that says nothing');
  }
  for (const destination of expectation.destinations ?? []) {
    known(destination.integration, 'destination');
    if (destination.integration && expectation.integrations && !expectation.integrations.includes(destination.integration)) {
      problems.push(`destination: "${destination.integration}" is missing from integrations`);
    }
    if (destination.kind === 'channel' && !destination.target?.startsWith('#')) problems.push('a channel without "#"');
    if (destination.kind === 'email' && !/^[^@\s]+@(example|acme)\.com$/.test(destination.target ?? '')) {
      problems.push(`email "${destination.target}" is not an example.com/acme.com address`);
    }
  }
  for (const filter of expectation.filters ?? []) {
    if (filter.kind === 'amount' && (filter.op === undefined || !/^\d+(\.\d+)?$/.test(filter.value ?? ''))) {
      problems.push('an amount filter without op and number');
    }
    if (filter.value !== undefined && filter.value !== filter.value.toLowerCase()) problems.push(`filter "${filter.value}" is not lower-case`);
  }
  return problems;
}

/** What a topic tag promises the row checks; a tag without it would make the per-tag report say too much. */
const TAG_BACKING: Record<string, (expectation: ExpectedRequirements) => boolean> = {
  /** A misspelled tool is only tested when the row says which tool it is. */
  typo: (e) => e.integrations !== undefined || e.trigger?.type === 'event',
  'unsupported-tool': (e) => (e.unsupported?.length ?? 0) > 0,
  event: (e) => e.trigger?.type === 'event',
  manual: (e) => e.trigger?.type === 'manual',
  'vague-time': (e) => e.trigger?.type === 'vague',
  interval: (e) => e.trigger?.type === 'schedule' && e.trigger.every !== undefined,
  'day-of-month': (e) => e.trigger?.type === 'schedule' && (e.trigger.dayOfMonth !== undefined || e.trigger.daysOfMonth !== undefined),
  weekends: (e) => e.trigger?.type === 'schedule' && e.trigger.days === 'weekends',
  'multi-time': (e) => e.trigger?.type === 'schedule' && (e.trigger.times?.length ?? 0) > 1,
  dm: (e) => (e.destinations ?? []).some((destination) => destination.kind === 'dm'),
  'multi-destination': (e) => (e.destinations?.length ?? 0) > 1,
  ...Object.fromEntries(
    (['from', 'unread', 'label', 'keyword', 'status', 'priority', 'amount', 'exclude'] as const).map((kind) => [
      `filter-${kind}`,
      (e: ExpectedRequirements) => (e.filters ?? []).some((filter) => filter.kind === kind),
    ]),
  ),
};

function duplicates(texts: string[]): string[] {
  const seen = new Set<string>();
  return texts.filter((text) => {
    const key = text.trim().toLowerCase();
    const repeated = seen.has(key);
    seen.add(key);
    return repeated;
  });
}

describe('phrasing table', () => {
  it('is big enough in every part', () => {
    expect(FIRST_MESSAGES.length).toBeGreaterThanOrEqual(600);
    expect(FIRST_MESSAGES.filter((row) => row.tags.includes('typo')).length).toBeGreaterThanOrEqual(100);
    expect(NON_REQUESTS.length).toBeGreaterThanOrEqual(80);
    expect(CORRECTIONS.length).toBeGreaterThanOrEqual(60);
  });

  it('gives every correction conversation 2 to 4 user turns and a unique name', () => {
    const badTurns = CORRECTIONS.filter((conversation) => conversation.turns.length < 2 || conversation.turns.length > 4);
    expect(badTurns.map((conversation) => conversation.name)).toEqual([]);
    expect(duplicates(CORRECTIONS.map((conversation) => conversation.name))).toEqual([]);
  });

  it('never repeats a message text', () => {
    const firstTurns = CORRECTIONS.map((conversation) => conversation.turns[0] ?? '');
    expect(duplicates([...FIRST_MESSAGES.map((row) => row.text), ...NON_REQUESTS.map((row) => row.text), ...firstTurns])).toEqual([]);
  });

  it('tags every row', () => {
    const rows = [...FIRST_MESSAGES, ...NON_REQUESTS, ...CORRECTIONS];
    expect(rows.filter((row) => row.tags.length === 0).map((row) => ('text' in row ? row.text : row.name))).toEqual([]);
  });

  it('expects only catalog tools and events, well-formed times, days and destinations', () => {
    const rows = [
      ...FIRST_MESSAGES.map((row) => ({ label: row.text, expect: row.expect })),
      ...CORRECTIONS.map((conversation) => ({ label: conversation.name, expect: conversation.expect })),
    ];
    const problems = rows.flatMap((row) => problemsOf(row.expect).map((problem) => `${row.label}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it('catches a made-up row with a wrong tool, event, time and address (the checks can fail)', () => {
    const problems = problemsOf({
      integrations: ['gmial'],
      unsupported: ['slack'],
      trigger: { type: 'schedule', times: ['9:00', '24:10'], days: ['mon'] },
      destinations: [{ kind: 'email', target: 'someone@gmail.com' }, { kind: 'channel', target: 'general' }],
    });
    expect(problems).toEqual([
      'integrations: "gmial" is not a catalog id',
      'unsupported: "slack" is in the catalog',
      'time "9:00" is not HH:MM',
      'time "24:10" is not HH:MM',
      'email "someone@gmail.com" is not an example.com/acme.com address',
      'a channel without "#"',
    ]);
    expect(problemsOf({ integrations: ['gmail'], trigger: { type: 'event', integration: 'gmail', event: 'new_deal' } })).toEqual([
      'trigger: "gmail" has no event "new_deal"',
    ]);
  });

  it('backs every topic tag of a first message with an expectation of that kind', () => {
    const unbacked = FIRST_MESSAGES.flatMap((row) =>
      row.tags.filter((tag) => TAG_BACKING[tag] && !TAG_BACKING[tag](row.expect)).map((tag) => `${tag}: ${row.text}`),
    );
    expect(unbacked).toEqual([]);
  });

  it('checks something in every first message and correction', () => {
    const empty = [...FIRST_MESSAGES, ...CORRECTIONS].filter((row) => Object.keys(row.expect).length === 0);
    expect(empty.map((row) => ('text' in row ? row.text : row.name))).toEqual([]);
  });
});
