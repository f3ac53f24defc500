import { describe, expect, it } from '@jest/globals';
import { filterMatches, filterText, parseFilter } from './filter-text.js';

describe(parseFilter.name, () => {
  it.each([
    ['unread', { kind: 'unread' }],
    ['from My Manager', { kind: 'from', value: 'My Manager' }],
    ['label: Invoices', { kind: 'label', value: 'Invoices' }],
    ['subject contains "Invoice"', { kind: 'subject', value: 'Invoice' }],
    ['mentions "outage"', { kind: 'keyword', value: 'outage' }],
    ['status: done', { kind: 'status', value: 'done' }],
    ['high priority', { kind: 'priority', value: 'high' }],
    ['amount >= 1000', { kind: 'amount', op: '>=', value: '1000' }],
    ['not from newsletters', { kind: 'exclude', value: 'from newsletters' }],
    ['starred', { kind: 'label', value: 'starred' }],
    ['with attachments', { kind: 'attachment' }],
    ['only the good ones', { kind: 'other', value: 'only the good ones' }],
  ])('reads %j', (text, typed) => {
    expect(parseFilter(text)).toEqual({ ...typed, text });
  });

  it.each([
    { kind: 'amount', op: '<', value: '20' },
    { kind: 'exclude', value: 'newsletters' },
    { kind: 'priority', value: 'urgent' },
    { kind: 'subject', value: 'Q3 report' },
  ] as const)('reads back what filterText writes for %j', (typed) => {
    expect(parseFilter(filterText(typed))).toMatchObject(typed);
  });
});

describe(filterMatches.name, () => {
  it('matches on the keys given, case-insensitively, and never on an empty description', () => {
    const filter = parseFilter('from My Manager');
    expect(filterMatches(filter, { kind: 'from' })).toBe(true);
    expect(filterMatches(filter, { value: 'my manager' })).toBe(true);
    expect(filterMatches(filter, { kind: 'label' })).toBe(false);
    expect(filterMatches(filter, {})).toBe(false);
  });
});
