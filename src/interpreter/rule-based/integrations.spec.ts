import { describe, expect, it } from '@jest/globals';
import { distinctIds, findMentions } from './integrations.js';
import { literalSpans, mask, normalize } from './text.js';

const ids = (text: string, preferOutlook = false): string[] => {
  const norm = normalize(text);
  return distinctIds(findMentions(mask(norm, literalSpans(norm)), preferOutlook));
};

describe(findMentions.name, () => {
  it.each([
    ['summarize my Gmail', ['gmail']],
    ['check my inbox', ['gmail']],
    ['forward e-mails', ['gmail']],
    ['add it to my Google Calendar', ['google_calendar']],
    ['before my meetings', ['google_calendar']],
    ['append to the Google Sheets tracker', ['google_sheets']],
    ['log it in a spreadsheet', ['google_sheets']],
    ['whenever a row is added to my sheet', ['google_sheets']],
    ['back up to Google Drive', ['google_drive']],
    ['save to drive', ['google_drive']],
    ['post in the Slack channel', ['slack']],
    ['my Outlook inbox', ['outlook']],
    ['notify MS Teams', ['teams']],
    ['send it to Teams', ['teams']],
    ['a Notion database', ['notion']],
    ['new pull requests on GitHub', ['github']],
    ['open Jira tickets', ['jira']],
    ['a Trello card', ['trello']],
    ['Asana tasks', ['asana']],
    ['Linear issues', ['linear']],
    ['new HubSpot deals', ['hubspot']],
    ['Salesforce opportunities', ['salesforce']],
    ['Zendesk support tickets', ['zendesk']],
    ['failed Stripe payments', ['stripe']],
    ['my Discord server', ['discord']],
    ['Dropbox files', ['dropbox']],
    ['an Airtable base', ['airtable']],
    ['tweets that mention us', ['twitter']],
    ['new Shopify orders', ['shopify']],
    ['our Confluence wiki', ['confluence']],
    ['Gmail to Slack and Notion', ['gmail', 'slack', 'notion']],
  ])('finds %j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it.each<[string, string, string[], boolean?]>([
    ['the longest synonym wins', 'google calendar invites', ['google_calendar']],
    ['google docs is Drive, not Calendar', 'save as google docs', ['google_drive']],
    ['email alone is Gmail', 'email me the summary', ['gmail']],
    ['email is Outlook when Outlook is named', 'read the emails in Outlook', ['outlook']],
    ['email is Outlook when Outlook is already in use', 'only unread emails', ['outlook'], true],
    ['an address names no integration', 'forward to boss@gmail.com', []],
    ['a channel names no integration', 'post to #drive-backups', []],
    ['quoted text names no integration', 'messages that mention "stripe"', []],
    ['a sheet with a name is a Google Sheet', 'a row in the crm sheet', ['google_sheets']],
    ['a keyword naming a sheet is no tool', 'new rows in the orders sheet', ['google_sheets']],
    ['a keyword naming a channel is no tool', 'post to the payments channel on slack', ['slack']],
    ['things kept in another named tool are its own', 'the orders in our airtable base', ['airtable']],
    ['payments logged in Notion are Notion\'s', 'payments logged in our notion finance database', ['notion']],
    ['a calendar naming a project is no Google Calendar', 'asana tasks from the team calendar project', ['asana']],
    ['"my teams chat" is Teams whatever "my teams" means elsewhere', 'flag them to my teams chat', ['teams']],
    ['an email campaign is no mailbox', 'email campaign stats to teams', ['teams']],
  ])('%s', (_why, text, expected, preferOutlook = false) => {
    expect(ids(text, preferOutlook)).toEqual(expected);
  });

  it.each([
    "don't slack off",
    'cut me some slack',
    'the drive home takes an hour',
    'a long drive',
    'we want to drive more sales',
    'teams of people',
    'across different teams',
    'I sent snail mail',
    'fit a linear regression',
    'check the exchange rate',
    'two sheets of paper',
    'for the calendar year',
    'I emailed my boss yesterday',
    'slacking',
    'a cheat sheet for the exam',
    'the balance sheet',
    'the donation drive totals',
    'our drive-time policy',
  ])('finds nothing in %j', (text) => {
    expect(ids(text)).toEqual([]);
  });
});

describe('email words naming a place in another tool', () => {
  it.each([
    ['save files from my dropbox inbox folder to drive', ['dropbox', 'google_drive']],
    ['new trello cards into the notion inbox database', ['trello', 'notion']],
    ['forward github emails to slack', ['github', 'gmail', 'slack']],
    ['summarise my inbox folder called receipts', ['gmail']],
  ])('%s names %j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });
});

describe('teams said as the tool', () => {
  it.each([
    ['remind me on teams who i am meeting', ['teams']],
    ['ping us via teams when it breaks', ['teams']],
    ['flag emails from legal to my teams', ['gmail', 'teams']],
  ])('%s names %j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('leaves teams of people alone', () => {
    expect(ids('send it to my teams of engineers')).toEqual([]);
    expect(ids('share with my teams every week')).toEqual([]);
  });
});

describe('PRs and meetings beside another tool', () => {
  it('reads PRs as GitHub', () => {
    expect(ids('a slack dm with PRs older than 2 days')).toEqual(['slack', 'github']);
  });

  it('keeps a keyword whose tool is only where it is sent', () => {
    expect(ids('before my meetings start remind me on teams')).toEqual(['google_calendar', 'teams']);
    expect(ids('the payments logged in our notion')).toEqual(['notion']);
  });

  it('keeps a keyword sent to a channel on a chat tool, or posted on one: nothing is kept there', () => {
    expect(ids('post my calendar in #team on slack')).toEqual(['google_calendar', 'slack']);
    expect(ids('share today\'s calendar in #standup on teams at 8:45')).toEqual(['google_calendar', 'teams']);
    expect(ids('send me my calendar on slack')).toEqual(['google_calendar', 'slack']);
    expect(ids('every weekday 7:45am dm me todays meetings on slack')).toEqual(['google_calendar', 'slack']);
    expect(ids('text me tomorrows meetings on discord')).toEqual(['google_calendar', 'discord']);
    // Read from a channel, the things are the chat tool's.
    expect(ids('post the invoices from #billing on slack to notion')).toEqual(['slack', 'notion']);
  });
});

describe('names written with a hyphen and named spreadsheets', () => {
  it.each([
    ['save new google-docs to notion', ['google_drive', 'notion']],
    ['post to #dev on microsoft-teams', ['teams']],
    ['send new shopify orders to the orders google spreadsheet', ['shopify', 'google_sheets']],
    ['the drive-time policy page in notion', ['notion']],
  ])('%s names %j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it.each(['new sheet row = new hubspot contact', 'each new sheet row → a trello card'])('reads "sheet row" in %j as Google Sheets', (text) => {
    expect(ids(text)[0]).toBe('google_sheets');
  });

  it('reads "slacks me" as Slack', () => {
    expect(ids('when my boss slacks me')).toEqual(['slack']);
  });
});
