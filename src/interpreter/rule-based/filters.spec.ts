import { describe, expect, it } from '@jest/globals';
import { findFilters } from './filters.js';
import { normalize } from './text.js';

const read = (text: string): string[] => findFilters(normalize(text), text).filters;

describe(findFilters.name, () => {
  it.each([
    ['only emails from my manager', ['from my manager']],
    ['only from my manager', ['from my manager']],
    // A sender added in a follow-up, after a joining word.
    ['also from my boss only', ['from my boss']],
    ['and only from the accountant', ['from the accountant']],
    ['emails from boss@x.com', ['from boss@x.com']],
    ['from Boss@Example.com only', ['from Boss@Example.com']],
    ['messages sent by the CEO', ['from the CEO']],
    ['when an email arrives from my landlord, forward it', ['from my landlord']],
    ['gmail -> slack when my landlord emails', ['from my landlord']],
    ['text me when the school emails my gmail', ['from the school']],
    ['whenever my boss messages me on slack', ['from my boss']],
    ['whenever she writes', []],
    ['with the label Invoices', ['label: Invoices']],
    ["labelled 'Client work'", ['label: Client work']],
    ['in the Receipts label', ['label: Receipts']],
    ["that mention 'urgent'", ['mentions "urgent"']],
    ['that mention urgent', ['mentions "urgent"']],
    ['containing the word invoice', ['mentions "invoice"']],
    ['intercom convos with "refund" in them → #cx', ['mentions "refund"']],
    ["anything with 'invoice' in it", ['mentions "invoice"']],
    ['twitter mentions with the word outage → #support', ['mentions "outage"']],
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

  it.each([
    ['gmaill -> slack when my landlord emails', ['from my landlord']],
    ['ping me whenever the school emails', ['from the school']],
    ['text me when my boss emails me on gmail', ['from my boss']],
    ['new gmail from anyone at acme.com', ['from acme.com']],
    ['anything from @acme.com in my gmail', ['from acme.com']],
    ['Gmail, unread, from Acme.com → Teams', ['unread', 'from Acme.com']],
    ['gmail, unread only, from the accountant, every friday', ['unread', 'from the accountant']],
    ['emails sent by our lawyers (lawfirm.example.com)', ['from lawfirm.example.com']],
    ['gmail from the landlord or the letting agent, forward', ['from the landlord', 'from the letting agent']],
    ['just the important stuff from my gmail from school', ['from school']],
    ['incoming mail with an attachment from my accountant', ['from my accountant', 'with attachments']],
    ['emails from my accountant about tax', ['from my accountant', 'mentions "tax"']],
  ])('reads the sender in %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    ['summarise githib issues tagged good first issue and post them', ['label: good first issue']],
    ['prs, only the ones labeled needs review, to #reviews', ['label: needs review']],
    ['gmail emails labelled to pay → google sheet', ['label: to pay']],
    ['zendsk tickets tagged refund over $50', ['label: refund', 'amount > 50']],
    ['trello cards with the red label', ['label: red']],
    ['gmail label "kids" → notion', ['label: kids']],
    ['zendesk tickets in the billing group', ['label: billing']],
    // The label said as something the thing has or gets.
    ['when a new github issue gets the label security email security@acme.com', ['label: security']],
    ['new linear issue w/ label crash → #mobile-alerts', ['label: crash']],
    ['issues that have the label p-backend', ['label: p-backend']],
  ])('reads the label in %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    ['backup my dropbox invoices folder into google drive', ['label: invoices']],
    ['when a new file lands in the dropbox "scans" folder, add a row', ['label: scans']],
    ['everything in my outlook folder "receipts" → a sheet', ['label: receipts']],
    ['whenever a new doc is added to the drive folder "board"', ['label: board']],
    ['new dropbox file in /invoices → airtable', ['label: invoices']],
    ['dropbox contracts folder listing', ['label: contracts']],
  ])('reads a folder in %j as a label', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    'send it to the invoices folder in dropbox',
    'save attachments to my dropbox receipts folder',
    'new files in my google drive folder',
    'a client folder in google drive',
  ])('reads no folder filter in %j (a place to put things, or no name)', (text) => {
    expect(read(text)).toEqual([]);
  });

  it.each([
    ['github issues with segfault in the title', ['subject contains "segfault"']],
    ['any outlook email whose subject starts with [action]', ['subject contains "[action]"']],
    ['gmail messages with the subject "weekly report"', ['subject contains "weekly report"']],
    ['discord posts mentioning our product name "widgetly"', ['mentions "widgetly"']],
    ['emails about the field trip → my slack dm', ['mentions "field trip"']],
    ['when a tenant emails about a repair, make a card', ['from a tenant', 'mentions "repair"']],
  ])('reads the keyword in %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    ['summarise the messages i haven’t read in slack', ['unread']],
    ['things i have not opened yet in my inbox', ['unread']],
  ])('reads unread said the long way in %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('reads an exclusion before the label or status it names', () => {
    expect(read('post new github issues to #eng except the ones labelled wontfix')).toEqual(['not wontfix']);
    expect(read('trello cards in done, except the ones labelled internal')).toEqual(['status: done', 'not internal']);
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
    'when new emails arrive, text me',
    'when someone emails me, ping me',
    'post a message about the launch to #general',
    'remind me about my meetings',
    'every 4 hours post slack mentions to my notion page',
  ])('finds no filter in %j', (text) => {
    expect(read(text)).toEqual([]);
  });

  it.each([
    ['when a customer opens a ticket in zendesk that says refund create a task', ['mentions "refund"']],
    ['only the ones from my boss pls: outlook mail → teams dm', ['from my boss']],
    ['unread gmail from clients tagged important', ['unread', 'from clients', 'label: important']],
  ])('ends a value where a new idea starts, and reads "that says" as a keyword, in %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    ['calendar invite from a client → create a notion page', ['from a client']],
    ['welcome email from gmail + a hubspot contact', []],
  ])('reads the sender of %j up to a plus sign', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each([
    ['save every message from #decisions as a page', []],
    ['when my boss slacks me, forward it', ['from my boss']],
  ])('reads the sender of %j, never a channel', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});
