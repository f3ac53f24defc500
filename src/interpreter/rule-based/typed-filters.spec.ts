import { describe, expect, it } from '@jest/globals';
import { findTypedFilters, invertComparison, readAmount } from './typed-filters.js';

const read = (text: string): string[] => findTypedFilters(text).map((found) => found.text);

describe(findTypedFilters.name, () => {
  it.each([
    ['stripe invoices over $500', ['amount > 500']],
    ['invoices above 1k', ['amount > 1000']],
    ['stripe payments over $1k', ['amount > 1000']],
    ['shopify orders over 1.5k', ['amount > 1500']],
    ['shopify orders over €2000', ['amount > 2000']],
    ['shopify orders under 20 bucks', ['amount < 20']],
    ['hubspot deals of 5k or more', ['amount >= 5000']],
    ['stripe payments of 500+', ['amount >= 500']],
    ['refunds of 20 or less', ['amount <= 20']],
    ['payments of exactly 99 dollars', ['amount = 99']],
    ['payments less than or equal to 20', ['amount <= 20']],
    ['expenses more than 1,000', ['amount > 1000']],
    ['rows in the expenses sheet over 300, email finance', ['amount > 300']],
  ])('reads the amount in %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each(['older than 2 days', 'over 3 days', 'at least 3 times a day', 'every 5 or more minutes', 'gmail -> 500 rows', 'over 5 mins'])(
    'reads no amount in %j',
    (text) => {
      expect(read(text).filter((found) => found.startsWith('amount'))).toEqual([]);
    },
  );

  it.each([
    ['only high prio jira bugs', ['priority: high']],
    ['zendesk tickets w/ priority urgent or high', ['priority: urgent', 'priority: high']],
    ['outlook emails marked high importance', ['priority: high']],
    ['critical github issues', ['priority: critical']],
    ['linear issues that are in progress and urgent →', ['status: in progress', 'priority: urgent']],
    ['jira blockers (priority highest)', ['priority: highest']],
    ['zendesk urgent tix → teams', ['priority: urgent']],
  ])('reads the priority in %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    ['trello cards in the doing list', ['status: doing']],
    ['hubspot deals in stage closed won', ['status: closed won']],
    ['deals above 25k in stage negotiation', ['status: negotiation', 'amount > 25000']],
    ['docusign envelopes completed → save to dropbox', ['status: completed']],
    ['open high priority zendesk tickets', ['status: open', 'priority: high']],
    // A stage said before the things, which may be shortened ("opps", "tix").
    ['last weeks closed won opps from salesforce', ['status: closed won']],
    ['salesforce opps closed lost last week', ['status: closed lost']],
    ['a count of unsolved zendesk tickets', ['status: unsolved']],
    ['unresolved tix from acme', ['status: unresolved']],
    ['when a salesforce opp moves to closed won post in #wins', ['status: closed won']],
  ])('reads the status in %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('finds no status in a list that is a place', () => {
    expect(read('add them to the mailing list')).toEqual([]);
    expect(read('i want a row in the failed payments sheet')).toEqual([]);
    expect(read('log them in the overdue invoices sheet')).toEqual([]);
    expect(read('overdue invoices in the sheet')).toEqual(['status: overdue']);
  });

  it('says where an amount is and what is kept when it is left out', () => {
    expect(readAmount('the ones under 1 dollar')).toEqual({ op: '<', value: '1', start: 9, end: 23 });
    expect(invertComparison('<')).toBe('>=');
    expect(invertComparison('>=')).toBe('<');
  });

  it.each([
    ['shopify orders under 20 bucks dont matter, anything above that goes to the sheet', ['amount >= 20']],
    ["payments below $5 can be ignored", ['amount >= 5']],
    ["deals over 1m are not important", ['amount <= 1000000']],
  ])('keeps the rest of an amount said not to matter in %j', (text, found) => {
    expect(read(text)).toEqual(found);
  });
});
