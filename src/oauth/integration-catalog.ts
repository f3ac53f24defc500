/** One integration an agent can use, the OAuth provider that connects it and how people name it. */
export interface CatalogIntegration {
  /** Stable id used everywhere (requirements, sessions, events). */
  id: string;
  /** Display name. */
  name: string;
  /** OAuth provider id (`google`, `slack`, …); see the provider registry. */
  provider: string;
  /** Lower-case words and phrases people use for it; matched on word boundaries. */
  synonyms: readonly string[];
  /** Least-privilege scopes this integration needs from its provider. */
  scopes: readonly string[];
  /** Event triggers it can start an agent with, by key. */
  events: Readonly<Record<string, string>>;
}

/** The integrations the service knows. Order matters only for display. */
export const INTEGRATION_CATALOG: readonly CatalogIntegration[] = [
  {
    id: 'gmail',
    name: 'Gmail',
    provider: 'google',
    synonyms: ['gmail', 'google mail', 'email', 'emails', 'e-mail', 'e-mails', 'inbox', 'mail', 'mailbox'],
    scopes: ['https://www.googleapis.com/auth/gmail.modify'],
    events: { new_email: 'a new email arrives' },
  },
  {
    id: 'google_calendar',
    name: 'Google Calendar',
    provider: 'google',
    synonyms: ['google calendar', 'gcal', 'calendar', 'my calendar', 'meetings', 'calendar events'],
    scopes: ['https://www.googleapis.com/auth/calendar.events'],
    events: { new_event: 'a calendar event is created', event_starting: 'a meeting is about to start' },
  },
  {
    id: 'google_sheets',
    name: 'Google Sheets',
    provider: 'google',
    synonyms: ['google sheets', 'google sheet', 'sheets', 'spreadsheet', 'spreadsheets', 'gsheet', 'gsheets'],
    scopes: ['https://www.googleapis.com/auth/spreadsheets'],
    events: { new_row: 'a new row is added' },
  },
  {
    id: 'google_drive',
    name: 'Google Drive',
    provider: 'google',
    synonyms: ['google drive', 'gdrive', 'drive', 'google docs', 'google doc'],
    scopes: ['https://www.googleapis.com/auth/drive.file'],
    events: { new_file: 'a new file is added' },
  },
  {
    id: 'slack',
    name: 'Slack',
    provider: 'slack',
    synonyms: ['slack', 'slack channel', 'slack message', 'slack dm'],
    scopes: ['chat:write', 'channels:read'],
    events: { new_message: 'a new message is posted' },
  },
  {
    id: 'outlook',
    name: 'Outlook',
    provider: 'microsoft',
    synonyms: ['outlook', 'office 365 mail', 'outlook email', 'outlook mail', 'hotmail', 'exchange'],
    scopes: ['offline_access', 'Mail.ReadWrite', 'Mail.Send'],
    events: { new_email: 'a new email arrives' },
  },
  {
    id: 'teams',
    name: 'Microsoft Teams',
    provider: 'microsoft',
    synonyms: ['microsoft teams', 'ms teams', 'teams', 'teams channel'],
    scopes: ['offline_access', 'ChannelMessage.Send'],
    events: { new_message: 'a new message is posted' },
  },
  {
    id: 'notion',
    name: 'Notion',
    provider: 'notion',
    synonyms: ['notion', 'notion page', 'notion database'],
    scopes: [],
    events: { new_page: 'a new page is added' },
  },
  {
    id: 'github',
    name: 'GitHub',
    provider: 'github',
    synonyms: ['github', 'git hub', 'pull request', 'pull requests', 'github issue', 'github issues', 'repo', 'repository'],
    scopes: ['repo'],
    events: { new_issue: 'a new issue is opened', new_pull_request: 'a pull request is opened' },
  },
  {
    id: 'jira',
    name: 'Jira',
    provider: 'atlassian',
    synonyms: ['jira', 'jira ticket', 'jira tickets', 'jira issue', 'jira issues'],
    scopes: ['read:jira-work', 'write:jira-work', 'offline_access'],
    events: { new_issue: 'a new Jira issue is created' },
  },
  {
    id: 'trello',
    name: 'Trello',
    provider: 'trello',
    synonyms: ['trello', 'trello board', 'trello card', 'trello cards'],
    scopes: ['read', 'write'],
    events: { new_card: 'a new card is added' },
  },
  {
    id: 'asana',
    name: 'Asana',
    provider: 'asana',
    synonyms: ['asana', 'asana task', 'asana tasks'],
    scopes: ['default'],
    events: { new_task: 'a new task is created' },
  },
  {
    id: 'linear',
    name: 'Linear',
    provider: 'linear',
    synonyms: ['linear', 'linear issue', 'linear issues', 'linear ticket'],
    scopes: ['read', 'write'],
    events: { new_issue: 'a new Linear issue is created', new_comment: 'a comment is added to an issue' },
  },
  {
    id: 'hubspot',
    name: 'HubSpot',
    provider: 'hubspot',
    synonyms: ['hubspot', 'hub spot', 'crm contacts'],
    scopes: ['crm.objects.contacts.read', 'crm.objects.deals.read'],
    events: { new_contact: 'a new contact is created', new_deal: 'a new deal is created' },
  },
  {
    id: 'salesforce',
    name: 'Salesforce',
    provider: 'salesforce',
    synonyms: ['salesforce', 'sfdc', 'salesforce crm'],
    scopes: ['api', 'refresh_token'],
    events: { new_lead: 'a new lead is created', new_opportunity: 'a new opportunity is created' },
  },
  {
    id: 'zendesk',
    name: 'Zendesk',
    provider: 'zendesk',
    synonyms: ['zendesk', 'support tickets', 'support ticket', 'helpdesk', 'help desk'],
    scopes: ['read', 'write'],
    events: { new_ticket: 'a new support ticket is created' },
  },
  {
    id: 'stripe',
    name: 'Stripe',
    provider: 'stripe',
    synonyms: ['stripe', 'payments', 'payment', 'invoices', 'charges'],
    scopes: ['read_only'],
    events: { payment_succeeded: 'a payment succeeds', payment_failed: 'a payment fails', new_dispute: 'a customer disputes a payment' },
  },
  {
    id: 'discord',
    name: 'Discord',
    provider: 'discord',
    synonyms: ['discord', 'discord server', 'discord channel'],
    scopes: ['identify', 'webhook.incoming'],
    events: { new_message: 'a new message is posted' },
  },
  {
    id: 'dropbox',
    name: 'Dropbox',
    provider: 'dropbox',
    synonyms: ['dropbox'],
    scopes: ['files.content.read', 'files.content.write'],
    events: { new_file: 'a new file is added' },
  },
  {
    id: 'airtable',
    name: 'Airtable',
    provider: 'airtable',
    synonyms: ['airtable', 'air table', 'airtable base'],
    scopes: ['data.records:read', 'data.records:write'],
    events: { new_record: 'a new record is created' },
  },
  {
    id: 'twitter',
    name: 'X (Twitter)',
    provider: 'twitter',
    synonyms: ['twitter', 'tweet', 'tweets', 'x.com'],
    scopes: ['tweet.read', 'tweet.write', 'users.read', 'offline.access'],
    events: { new_mention: 'someone mentions you' },
  },
  {
    id: 'shopify',
    name: 'Shopify',
    provider: 'shopify',
    synonyms: ['shopify', 'shopify store', 'orders'],
    scopes: ['read_orders'],
    events: { new_order: 'a new order is placed' },
  },
  {
    id: 'confluence',
    name: 'Confluence',
    provider: 'atlassian',
    synonyms: ['confluence', 'confluence page', 'wiki'],
    scopes: ['read:confluence-content.all', 'write:confluence-content', 'offline_access'],
    events: { new_page: 'a new page is published' },
  },
];

const BY_ID = new Map(INTEGRATION_CATALOG.map((integration) => [integration.id, integration]));

export function findIntegration(id: string): CatalogIntegration | undefined {
  return BY_ID.get(id);
}

export function getIntegration(id: string): CatalogIntegration {
  const integration = BY_ID.get(id);
  if (!integration) throw new Error(`Unknown integration "${id}"`);
  return integration;
}
