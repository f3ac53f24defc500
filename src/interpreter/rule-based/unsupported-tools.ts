import { eachMatch, type Span } from './text.js';

/**
 * Well-known tools the catalog does not have, by the names people write, with their display names.
 * Naming one must be answered ("QuickBooks isn't supported yet"), never swapped for a catalog tool
 * that a word of the message happens to suggest.
 */
const TOOLS: readonly (readonly [pattern: string, name: string])[] = [
  ['quick ?books|qbo', 'QuickBooks'], ['mailchimp', 'Mailchimp'], ['intercom', 'Intercom'], ['zoom', 'Zoom'],
  ['zoho(?: crm)?', 'Zoho CRM'], ['youtube', 'YouTube'], ['xero', 'Xero'], ['wordpress', 'WordPress'],
  ['woo ?commerce', 'WooCommerce'], ['whats ?app', 'WhatsApp'], ['typeform', 'Typeform'], ['todoist', 'Todoist'],
  ['telegram', 'Telegram'], ['sentry', 'Sentry'], ['pipedrive', 'Pipedrive'], ['paypal', 'PayPal'],
  ['pager ?duty', 'PagerDuty'], ['one ?drive', 'OneDrive'], ['monday\\.com|monday board', 'monday.com'],
  ['linkedin', 'LinkedIn'], ['instagram|insta', 'Instagram'], ['help ?scout', 'Help Scout'], ['greenhouse', 'Greenhouse'],
  ['google forms?', 'Google Forms'], ['google analytics|\\bga4', 'Google Analytics'], ['gitlab', 'GitLab'],
  ['fresh ?desk', 'Freshdesk'], ['fresh ?books', 'FreshBooks'], ['figma', 'Figma'], ['excel', 'Excel'],
  ['share ?point', 'SharePoint'], ['evernote', 'Evernote'], ['etsy', 'Etsy'], ['docu ?sign', 'DocuSign'],
  ['click ?up', 'ClickUp'], ['calendly', 'Calendly'], ['bitbucket', 'Bitbucket'], ['basecamp', 'Basecamp'],
  ['bamboo ?hr', 'BambooHR'], ['facebook', 'Facebook'], ['tiktok', 'TikTok'], ['twilio', 'Twilio'],
  ['sendgrid', 'SendGrid'], ['klaviyo', 'Klaviyo'], ['zapier', 'Zapier'], ['ifttt', 'IFTTT'], ['smartsheet', 'Smartsheet'],
  ['miro', 'Miro'], ['icloud', 'iCloud'], ['apple calendar', 'Apple Calendar'], ['onenote', 'OneNote'],
  ['azure devops', 'Azure DevOps'], ['circle ?ci', 'CircleCI'], ['jenkins', 'Jenkins'], ['datadog', 'Datadog'],
  ['new relic', 'New Relic'], ['grafana', 'Grafana'], ['opsgenie', 'Opsgenie'], ['gorgias', 'Gorgias'],
  ['mixpanel', 'Mixpanel'], ['amplitude', 'Amplitude'], ['hotjar', 'Hotjar'], ['chargebee', 'Chargebee'],
  ['gumroad', 'Gumroad'], ['substack', 'Substack'], ['webflow', 'Webflow'], ['squarespace', 'Squarespace'],
  ['bigcommerce', 'BigCommerce'], ['magento', 'Magento'], ['reddit', 'Reddit'], ['mastodon', 'Mastodon'],
  ['bluesky', 'Bluesky'], ['pinterest', 'Pinterest'], ['mattermost', 'Mattermost'], ['skype', 'Skype'],
  ['imessage', 'iMessage'], ['workday', 'Workday'], ['gusto', 'Gusto'], ['netsuite', 'NetSuite'], ['toggl', 'Toggl'],
  ['jotform', 'Jotform'], ['google meet', 'Google Meet'], ['webex', 'Webex'], ['microsoft to ?do', 'Microsoft To Do'],
  ['google keep', 'Google Keep'], ['google tasks', 'Google Tasks'], ['coda\\.io', 'Coda'], ['front ?app', 'Front'],
  ['freshsales', 'Freshsales'], ['close\\.com', 'Close'], ['copper crm', 'Copper'], ['harvest app', 'Harvest'],
  ['box\\.com', 'Box'],
  // Ordinary words that are tools only with the words people use about the tool.
  ['square(?= (?:sales|payments?|pos|transactions?|orders?|invoices?|register|terminal|account|store|shop|dashboard))', 'Square'],
];

const PATTERN = new RegExp(`(?<![a-z0-9@#./-])(?:${TOOLS.map(([p]) => `(${p})`).join('|')})(?![a-z0-9])`, 'g');

/** One word that is itself a tool outside the catalog ("calendly", "jotform"): never a misspelled catalog tool. */
const WHOLE_WORD = new RegExp(`^(?:${TOOLS.map(([p]) => p).join('|')})$`);

/** Whether `word` (lower case) names a tool outside the catalog on its own. */
export function isUnsupportedToolWord(word: string): boolean {
  return WHOLE_WORD.test(word);
}

export interface UnsupportedReading {
  /** Display names, in order of appearance, each once. */
  names: string[];
  /** Where they were named: no catalog tool may be read there. */
  spans: Span[];
}

const DATA_AFTER = /^\s+(?:(?:meeting|call|invite)\s+)?(?:links?|urls?|ids?|numbers?|passcodes?)\b/;

/** Tools named in `norm` that the catalog does not have. */
export function findUnsupported(norm: string): UnsupportedReading {
  const names: string[] = [];
  const spans: Span[] = [];
  eachMatch(PATTERN, norm, (m) => {
    // "Text me the zoom link": a link or an id of the tool is data carried, not a tool to connect.
    if (DATA_AFTER.test(norm.slice(m.index + m[0].length, m.index + m[0].length + 24))) return;
    const index = m.slice(1).findIndex((group) => group !== undefined);
    const name = TOOLS[index]?.[1];
    if (!name) return;
    spans.push([m.index, m.index + m[0].length]);
    if (!names.includes(name)) names.push(name);
  });
  return { names, spans };
}
