import { describe, expect, it } from '@jest/globals';
import { findFilters } from './filters.js';
import { normalize } from './text.js';

const read = (text: string): string[] => findFilters(normalize(text), text).filters;

describe(findFilters.name, () => {
  it.each([
    ['only emails from my manager', ['from my manager']],
    ['only from my manager', ['from my manager']],
    ['emails from boss@x.com', ['from boss@x.com']],
    ['from Boss@Example.com only', ['from Boss@Example.com']],
    ['messages sent by the CEO', ['from the CEO']],
    ['when an email arrives from my landlord, forward it', ['from my landlord']],
    ['gmail -> slack when my landlord emails', ['from my landlord']],
    ['text me when the school emails my gmail', ['from the school']],
    ['whenever my boss messages me on slack', ['from my boss']],
    ['when a tenant emails about a repair', []],
    ['whenever she writes', []],
    ['with the label Invoices', ['label: Invoices']],
    ["labelled 'Client work'", ['label: Client work']],
    ['in the Receipts label', ['label: Receipts']],
    ["that mention 'urgent'", ['mentions "urgent"']],
    ['that mention urgent', ['mentions "urgent"']],
    ['containing the word invoice', ['mentions "invoice"']],
    ['with "refund" in the subject', ['subject contains "refund"']],
    ['only unread', ['unread']],
    ['summarize my unread Gmail emails', ['unread']],
    ['only starred ones', ['starred']],
    ['important emails', ['important']],
    ['emails with attachments', ['with attachments']],
    ['unread emails from my manager with the label Invoices', ['unread', 'from my manager', 'label: Invoices']],
  ])('reads %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('reports the spans of its values, so they are not read as integrations', () => {
    const text = 'with the label Invoices';
    const [span] = findFilters(normalize(text), text).spans;
    expect(span && text.slice(span[0], span[1])).toBe('Invoices');
  });

  it.each([
    'messages from Slack',
    'emails from my Gmail account',
    'only from 9 to 5',
    'start from scratch',
    'it is important that this works',
    'when someone mentions me on Twitter',
    'include a summary',
    'switch from Slack to Teams',
  ])('finds no filter in %j', (text) => {
    expect(read(text)).toEqual([]);
  });
});
