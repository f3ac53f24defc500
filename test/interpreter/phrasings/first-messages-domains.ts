/**
 * First messages from the domains the other parts cover least, typed the way people type them: devops
 * (GitHub, Jira, Linear, Confluence, PagerDuty and Datadog alerts), sales (Salesforce, HubSpot, Pipedrive),
 * finance (Stripe, QuickBooks, Xero), support (Zendesk, Intercom, Freshdesk), marketing (Mailchimp,
 * Typeform, X), files (Google Drive, Dropbox), calendars, and the events of chat tools, sheets and Notion.
 */
import type { PhrasingCase } from './phrasing-case.js';
import { at, channel, dm, event, everyHours, everyMinutes, filter as f, into, mail, monthly, NONE, on, row } from './expect-builders.js';

export const DOMAIN_MESSAGES: PhrasingCase[] = [
  // Devops.
  row('when someone opens a PR on our github repo ping #code-review on slack', ['devops', 'event'], {
    integrations: ['github', 'slack'],
    trigger: event('github', 'new_pull_request'),
    destinations: [channel('#code-review', 'slack')],
  }),
  row('new jira bugs with priority highest → #eng-alerts on teams asap', ['devops', 'event', 'filter-priority'], {
    integrations: ['jira', 'teams'],
    trigger: event('jira', 'new_issue'),
    destinations: [channel('#eng-alerts', 'teams')],
    filters: [f.priority('highest')],
  }),
  row('pagerduty alerts -> #oncall slack', ['devops', 'unsupported-tool', 'terse'], {
    integrations: ['slack'],
    unsupported: ['pagerduty'],
    trigger: NONE,
    destinations: [channel('#oncall', 'slack')],
  }),
  row('when a datadog monitor fires create a jira ticket and post in #sre', ['devops', 'unsupported-tool', 'multi-destination'], {
    integrations: ['jira'],
    unsupported: ['datadog'],
    destinations: [into('jira'), channel('#sre')],
  }),
  row('every morning at 9:30 send the open PRs older than 3 days to #dev', ['devops', 'filter-status'], {
    integrations: ['github'],
    trigger: at(['09:30'], 'daily'),
    destinations: [channel('#dev')],
    filters: [f.status('open')],
  }),
  row('github issues labeled "bug" → linear, every hour', ['devops', 'interval', 'filter-label'], {
    integrations: ['github', 'linear'],
    trigger: everyHours(1),
    destinations: [into('linear')],
    filters: [f.label('bug')],
  }),
  row('when a new github issue gets the label security email security@acme.com', ['devops', 'event', 'filter-label', 'email-destination'], {
    integrations: ['github'],
    trigger: event('github', 'new_issue'),
    destinations: [mail('security@acme.com')],
    filters: [f.label('security')],
  }),
  row('jira tickets assigned to me that are still in progress, dm me on slack every weekday at 8:45', ['devops', 'dm', 'filter-status', 'weekdays'], {
    integrations: ['jira', 'slack'],
    trigger: at(['08:45'], 'weekdays'),
    destinations: [dm('slack')],
    filters: [f.status('in progress')],
  }),
  row('new confluence pages in the engineering space → #eng-docs on teams', ['devops', 'event'], {
    integrations: ['confluence', 'teams'],
    trigger: event('confluence', 'new_page'),
    destinations: [channel('#eng-docs', 'teams')],
  }),
  row('post a digest of new confluence pages to #wiki-updates every friday at 3pm', ['devops'], {
    integrations: ['confluence'],
    trigger: at(['15:00'], ['fri']),
    destinations: [channel('#wiki-updates')],
  }),
  row('jira p1s → pagerduty', ['devops', 'unsupported-tool', 'terse', 'filter-priority'], {
    integrations: ['jira'],
    unsupported: ['pagerduty'],
    filters: [f.priority('p1')],
  }),
  row('every 2 hrs check jira for new blockers and ping #eng-leads', ['devops', 'interval'], {
    integrations: ['jira'],
    trigger: everyHours(2),
    destinations: [channel('#eng-leads')],
  }),
  row('new linear issue w/ label crash → #mobile-alerts and dm me', ['devops', 'event', 'filter-label', 'multi-destination', 'dm'], {
    integrations: ['linear'],
    trigger: event('linear', 'new_issue'),
    destinations: [channel('#mobile-alerts'), dm()],
    filters: [f.label('crash')],
  }),
  row('sentry errors in prod → create a github issue + tell #backend', ['devops', 'unsupported-tool', 'multi-destination'], {
    integrations: ['github'],
    unsupported: ['sentry'],
    trigger: NONE,
    destinations: [into('github'), channel('#backend')],
  }),

  // Sales.
  row('new opportunity in salesforce over $25k → post in #big-deals and email sales-lead@acme.com', ['sales', 'event', 'filter-amount', 'multi-destination'], {
    integrations: ['salesforce'],
    trigger: event('salesforce', 'new_opportunity'),
    destinations: [channel('#big-deals'), mail('sales-lead@acme.com')],
    filters: [f.amount('>', 25000)],
  }),
  row('every monday 8am pull last weeks closed won opps from salesforce into a google sheet', ['sales', 'filter-status'], {
    integrations: ['salesforce', 'google_sheets'],
    trigger: at(['08:00'], ['mon']),
    destinations: [into('google_sheets')],
    filters: [f.status('closed won')],
  }),
  row('hubspot new contact -> add to airtable crm base', ['sales', 'event', 'terse'], {
    integrations: ['hubspot', 'airtable'],
    trigger: event('hubspot', 'new_contact'),
    destinations: [into('airtable')],
  }),
  row('pipedrive deals won → #wins', ['sales', 'unsupported-tool', 'terse'], {
    unsupported: ['pipedrive'],
    trigger: NONE,
    destinations: [channel('#wins')],
  }),
  row('whenever a deal is created in hubspot w/ amount over 10000 slack the #sales channel', ['sales', 'event', 'filter-amount'], {
    integrations: ['hubspot', 'slack'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#sales', 'slack')],
    filters: [f.amount('>', 10000)],
  }),
  row('send me a daily summary of new salesforce leads at 5:30pm on teams', ['sales', 'dm'], {
    integrations: ['salesforce', 'teams'],
    trigger: at(['17:30'], 'daily'),
    destinations: [dm('teams')],
  }),
  row('salesforce leads from the website form → asana task for the sdr team', ['sales', 'event'], {
    integrations: ['salesforce', 'asana'],
    trigger: event('salesforce', 'new_lead'),
    destinations: [into('asana')],
  }),
  row('new lead in sfdc? create a hubspot contact + notify #sdr', ['sales', 'event', 'multi-destination'], {
    integrations: ['salesforce', 'hubspot'],
    trigger: event('salesforce', 'new_lead'),
    destinations: [into('hubspot'), channel('#sdr')],
  }),
  row('salesforec new opps > 100k slack #exec', ['sales', 'typo', 'terse', 'filter-amount'], {
    integrations: ['salesforce', 'slack'],
    trigger: event('salesforce', 'new_opportunity'),
    destinations: [channel('#exec', 'slack')],
    filters: [f.amount('>', 100000)],
  }),
  row('daily 8am: hubspot deals closing this week → #sales-team', ['sales', 'daily'], {
    integrations: ['hubspot'],
    trigger: at(['08:00'], 'daily'),
    destinations: [channel('#sales-team')],
  }),
  row('twice a week (mon + thu at 10) send #growth the new hubspot contacts', ['sales', 'specific-days'], {
    integrations: ['hubspot'],
    trigger: at(['10:00'], ['mon', 'thu']),
    destinations: [channel('#growth')],
  }),

  // Finance.
  row('when a stripe payment over 5000 comes in email finance@acme.com and post in #revenue', ['finance', 'event', 'filter-amount', 'multi-destination'], {
    integrations: ['stripe'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [mail('finance@acme.com'), channel('#revenue')],
    filters: [f.amount('>', 5000)],
  }),
  row('failed stripe payments → #billing-alerts + dm me', ['finance', 'event', 'multi-destination', 'dm'], {
    integrations: ['stripe'],
    trigger: event('stripe', 'payment_failed'),
    destinations: [channel('#billing-alerts'), dm()],
  }),
  row('xero bills due this week → #finance every monday 9am', ['finance', 'unsupported-tool'], {
    unsupported: ['xero'],
    trigger: at(['09:00'], ['mon']),
    destinations: [channel('#finance')],
  }),
  row('quickbooks invoices overdue more than 30 days, remind me every monday', ['finance', 'unsupported-tool', 'keyword-trap'], {
    integrations: [],
    unsupported: ['quickbooks'],
    trigger: on(['mon']),
  }),
  row('log every stripe charge in the revenue sheet', ['finance', 'event'], {
    integrations: ['stripe', 'google_sheets'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [into('google_sheets')],
  }),
  row('on the 1st of every month at 10 email accounting@acme.com a summary of last months stripe payments', ['finance', 'day-of-month', 'email-destination'], {
    integrations: ['stripe'],
    trigger: monthly(1, ['10:00']),
    destinations: [mail('accounting@acme.com')],
  }),
  row('stripe refunds over 200 dollars → #finance on teams', ['finance', 'filter-amount'], {
    integrations: ['stripe', 'teams'],
    destinations: [channel('#finance', 'teams')],
    filters: [f.amount('>', 200)],
  }),
  row('paypal payments → google sheet', ['finance', 'unsupported-tool', 'keyword-trap', 'terse'], {
    integrations: ['google_sheets'],
    unsupported: ['paypal'],
    destinations: [into('google_sheets')],
  }),
  row('on the 15th at noon send the stripe payout summary to finance@acme.com', ['finance', 'day-of-month', 'email-destination'], {
    integrations: ['stripe'],
    trigger: monthly(15, ['12:00']),
    destinations: [mail('finance@acme.com')],
  }),
  row('🚨 failed payments in stripe → #alerts 🚨', ['finance', 'emoji', 'event'], {
    integrations: ['stripe'],
    trigger: event('stripe', 'payment_failed'),
    destinations: [channel('#alerts')],
  }),

  // Support.
  row('new zendesk ticket with priority urgent -> page #support-oncall on slack', ['support', 'event', 'filter-priority'], {
    integrations: ['zendesk', 'slack'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#support-oncall', 'slack')],
    filters: [f.priority('urgent')],
  }),
  row('zendesk tickets tagged vip → dm me on teams right away', ['support', 'dm', 'filter-label'], {
    integrations: ['zendesk', 'teams'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [dm('teams')],
    filters: [f.label('vip')],
  }),
  row('every day at 6pm send #support a count of unsolved zendesk tickets', ['support', 'daily', 'filter-status'], {
    integrations: ['zendesk'],
    trigger: at(['18:00'], 'daily'),
    destinations: [channel('#support')],
    filters: [f.status('unsolved')],
  }),
  row('intercom convos with "refund" in them → #cx', ['support', 'unsupported-tool', 'filter-keyword', 'terse'], {
    unsupported: ['intercom'],
    destinations: [channel('#cx')],
    filters: [f.keyword('refund')],
  }),
  row('freshdesk high priority tickets to jira', ['support', 'unsupported-tool', 'filter-priority', 'keyword-trap'], {
    integrations: ['jira'],
    unsupported: ['freshdesk'],
    destinations: [into('jira')],
    filters: [f.priority('high')],
  }),
  row('zendsk urgent tix → teams #support-leads', ['support', 'typo', 'terse', 'filter-priority'], {
    integrations: ['zendesk', 'teams'],
    destinations: [channel('#support-leads', 'teams')],
    filters: [f.priority('urgent')],
  }),
  row('every 15 min check zendesk for tickets from acme.com and post to #acme-support', ['support', 'interval', 'filter-from'], {
    integrations: ['zendesk'],
    trigger: everyMinutes(15),
    destinations: [channel('#acme-support')],
    filters: [f.from('acme.com')],
  }),

  // Marketing.
  row('typeform responses → hubspot contacts', ['marketing', 'unsupported-tool', 'terse'], {
    integrations: ['hubspot'],
    unsupported: ['typeform'],
    trigger: NONE,
    destinations: [into('hubspot')],
  }),
  row('mailchimp campaign report every friday 4pm to #marketing', ['marketing', 'unsupported-tool'], {
    integrations: [],
    unsupported: ['mailchimp'],
    trigger: at(['16:00'], ['fri']),
    destinations: [channel('#marketing')],
  }),
  row('when someone mentions us on twitter post it in #social on discord', ['marketing', 'event'], {
    integrations: ['twitter', 'discord'],
    trigger: event('twitter', 'new_mention'),
    destinations: [channel('#social', 'discord')],
  }),
  row('tweets mentioning our brand → slack #brand-mentions every 30 mins', ['marketing', 'interval'], {
    integrations: ['twitter', 'slack'],
    trigger: everyMinutes(30),
    destinations: [channel('#brand-mentions', 'slack')],
  }),
  row('new google forms responses go in the signups sheet', ['marketing', 'unsupported-tool'], {
    integrations: ['google_sheets'],
    unsupported: ['google forms'],
    trigger: NONE,
    destinations: [into('google_sheets')],
  }),
  row('post the newsletter draft from notion to #marketing on tuesdays at 11', ['marketing', 'specific-days'], {
    integrations: ['notion'],
    trigger: at(['11:00'], ['tue']),
    destinations: [channel('#marketing')],
  }),

  // Files.
  row('new file in dropbox /invoices → upload to the google drive finance folder', ['files', 'event'], {
    integrations: ['dropbox', 'google_drive'],
    trigger: event('dropbox', 'new_file'),
    destinations: [into('google_drive')],
  }),
  row('when someone drops a file in the shared google drive folder, let #design know', ['files', 'event'], {
    integrations: ['google_drive'],
    trigger: event('google_drive', 'new_file'),
    destinations: [channel('#design')],
  }),
  row('back up new dropbox files to drive every night at 2am', ['files'], {
    integrations: ['dropbox', 'google_drive'],
    trigger: at(['02:00'], 'daily'),
    destinations: [into('google_drive')],
  }),
  row('new pdfs in google drive → email them to bookkeeper@example.com', ['files', 'event', 'email-destination'], {
    integrations: ['google_drive'],
    trigger: event('google_drive', 'new_file'),
    destinations: [mail('bookkeeper@example.com')],
  }),

  // Calendars.
  row('every weekday 7:45am dm me todays meetings on slack', ['calendar', 'weekdays', 'dm'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['07:45'], 'weekdays'),
    destinations: [dm('slack')],
  }),
  row('10 min before each meeting send me the notes doc on teams', ['calendar', 'event', 'dm'], {
    integrations: ['google_calendar', 'teams'],
    trigger: event('google_calendar', 'event_starting'),
    destinations: [dm('teams')],
  }),
  row('when a new event gets added to my calendar post it in #team-calendar', ['calendar', 'event'], {
    integrations: ['google_calendar'],
    trigger: event('google_calendar', 'new_event'),
    destinations: [channel('#team-calendar')],
  }),
  row('sunday night at 8 email me my week ahead from google calendar', ['calendar', 'dm'], {
    integrations: ['google_calendar'],
    trigger: at(['20:00'], ['sun']),
    destinations: [dm()],
  }),
  row('gcal new event → notion page', ['calendar', 'event', 'terse'], {
    integrations: ['google_calendar', 'notion'],
    trigger: event('google_calendar', 'new_event'),
    destinations: [into('notion')],
  }),
  row('meeting starts in 5 → remind me on discord', ['calendar', 'event', 'dm', 'terse'], {
    integrations: ['google_calendar', 'discord'],
    trigger: event('google_calendar', 'event_starting'),
    destinations: [dm('discord')],
  }),

  // Events of chat tools, sheets, Notion and Airtable.
  row('new row in the orders sheet → create a trello card', ['event', 'keyword-trap'], {
    integrations: ['google_sheets', 'trello'],
    trigger: event('google_sheets', 'new_row'),
    destinations: [into('trello')],
  }),
  row('whenever someone adds a page to our notion wiki database post the link in #docs', ['event', 'keyword-trap'], {
    integrations: ['notion'],
    trigger: event('notion', 'new_page'),
    destinations: [channel('#docs')],
  }),
  row('when someone posts in #help on slack create a zendesk ticket', ['event', 'source-channel'], {
    integrations: ['slack', 'zendesk'],
    trigger: event('slack', 'new_message'),
    destinations: [into('zendesk')],
  }),
  row('messages in the teams channel #escalations should be copied to jira as issues', ['event', 'source-channel'], {
    integrations: ['teams', 'jira'],
    trigger: event('teams', 'new_message'),
    destinations: [into('jira')],
  }),
  row('new discord message in #bug-reports → github issue', ['event', 'source-channel', 'terse'], {
    integrations: ['discord', 'github'],
    trigger: event('discord', 'new_message'),
    destinations: [into('github')],
  }),
  row('new outlook emails from ceo@acme.com → my teams chat', ['event', 'filter-from', 'dm'], {
    integrations: ['outlook', 'teams'],
    trigger: event('outlook', 'new_email'),
    destinations: [dm('teams')],
    filters: [f.from('ceo@acme.com')],
  }),
  row('airtable new record in "Applicants" → email hiring@acme.com + notion page', ['event', 'multi-destination', 'email-destination'], {
    integrations: ['airtable', 'notion'],
    trigger: event('airtable', 'new_record'),
    destinations: [mail('hiring@acme.com'), into('notion')],
  }),
  row('new shopify order over $300 → slack #big-orders & add it to the vip sheet', ['event', 'filter-amount', 'multi-destination'], {
    integrations: ['shopify', 'slack', 'google_sheets'],
    trigger: event('shopify', 'new_order'),
    destinations: [channel('#big-orders', 'slack'), into('google_sheets')],
    filters: [f.amount('>', 300)],
  }),

  // Voices: run-ons, typos, casing.
  row('hey so basically every time stripe says a payment failed i want a msg in #billing AND an email to me AND a row in the failed payments sheet thx', ['run-on', 'event', 'multi-destination', 'dm'], {
    integrations: ['stripe', 'google_sheets'],
    trigger: event('stripe', 'payment_failed'),
    destinations: [channel('#billing'), dm(), into('google_sheets')],
  }),
  row('confluance pages updated this week → email me fridays 5pm', ['typo', 'dm'], {
    integrations: ['confluence'],
    trigger: at(['17:00'], ['fri']),
    destinations: [dm()],
  }),
  row('At 9 AM on weekdays, send a summary of unread Outlook emails from my manager to my Teams chat.', ['casing', 'weekdays', 'filter-unread', 'filter-from', 'dm'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [dm('teams')],
    filters: [f.unread(), f.from('my manager')],
  }),
  row('weekends only, 10am, send me new twitter mentions on discord', ['weekends', 'dm'], {
    integrations: ['twitter', 'discord'],
    trigger: at(['10:00'], 'weekends'),
    destinations: [dm('discord')],
  }),
  row('i run a small agency and honestly i keep missing stuff so what i want is when a client emails me (anything from @bigclient.example.com) it goes straight into asana as a task and also pings me on slack so i see it', ['run-on', 'event', 'filter-from', 'multi-destination', 'dm'], {
    integrations: ['gmail', 'asana', 'slack'],
    trigger: event('gmail', 'new_email'),
    destinations: [into('asana'), dm('slack')],
    filters: [f.from('bigclient.example.com')],
  }),
  row('gh PRs → #reviews', ['devops', 'terse'], {
    integrations: ['github'],
    destinations: [channel('#reviews')],
  }),
  row('SALESFORCE OPPS CLOSED LOST LAST WEEK -> #sales-retro EVERY MONDAY 9AM', ['sales', 'casing', 'filter-status'], {
    integrations: ['salesforce'],
    trigger: at(['09:00'], ['mon']),
    destinations: [channel('#sales-retro')],
    filters: [f.status('closed lost')],
  }),
  row('can u make smth that checks jira every hour for tickets w/ priority blocker and yells in #incidents on slack', ['devops', 'interval', 'filter-priority'], {
    integrations: ['jira', 'slack'],
    trigger: everyHours(1),
    destinations: [channel('#incidents', 'slack')],
    filters: [f.priority('blocker')],
  }),
  // A second round: more of the tools and events seen least.
  row('whenever a new row is added to the leads spreadsheet, create a salesforce lead', ['event', 'sales'], {
    integrations: ['google_sheets', 'salesforce'],
    trigger: event('google_sheets', 'new_row'),
    destinations: [into('salesforce')],
  }),
  row('ping #content on discord when a new notion page is published in the blog db', ['event', 'marketing'], {
    integrations: ['notion', 'discord'],
    trigger: event('notion', 'new_page'),
    destinations: [channel('#content', 'discord')],
  }),
  row('twitter mentions with the word outage → page #support on slack', ['event', 'filter-keyword', 'marketing'], {
    integrations: ['twitter', 'slack'],
    trigger: event('twitter', 'new_mention'),
    destinations: [channel('#support', 'slack')],
    filters: [f.keyword('outage')],
  }),
  row('each morning 8:15 a digest of confluence pages updated yesterday to my outlook', ['devops', 'dm', 'daily'], {
    integrations: ['confluence', 'outlook'],
    trigger: at(['08:15'], 'daily'),
    destinations: [dm('outlook')],
  }),
  row('new outlook mail with an attachment → save to dropbox', ['event', 'files'], {
    integrations: ['outlook', 'dropbox'],
    trigger: event('outlook', 'new_email'),
    destinations: [into('dropbox')],
  }),
  row('when my boss posts in #leadership on teams text me', ['event', 'dm', 'source-channel'], {
    integrations: ['teams'],
    trigger: event('teams', 'new_message'),
    destinations: [dm()],
  }),
  row('remind me 15 minutes before every meeting on google calendar via slack dm', ['calendar', 'event', 'dm'], {
    integrations: ['google_calendar', 'slack'],
    trigger: event('google_calendar', 'event_starting'),
    destinations: [dm('slack')],
  }),
  row('new calendar invite → dm me on teams', ['calendar', 'event', 'dm', 'terse'], {
    integrations: ['google_calendar', 'teams'],
    trigger: event('google_calendar', 'new_event'),
    destinations: [dm('teams')],
  }),
  row('on fridays at 4:30pm post the github prs merged this week in #changelog', ['devops', 'filter-status'], {
    integrations: ['github'],
    trigger: at(['16:30'], ['fri']),
    destinations: [channel('#changelog')],
    filters: [f.status('merged')],
  }),
  row('hubspot: new contacts from germany → add to the dach sheet', ['sales', 'event'], {
    integrations: ['hubspot', 'google_sheets'],
    trigger: event('hubspot', 'new_contact'),
    destinations: [into('google_sheets')],
  }),
  row('every 6 hours pull stripe failed payments and post them to #dunning', ['finance', 'interval'], {
    integrations: ['stripe'],
    trigger: everyHours(6),
    destinations: [channel('#dunning')],
  }),
  row("Please post a summary of yesterday's Zendesk tickets to #support-leads at 8 AM every weekday.", ['support', 'polite', 'weekdays'], {
    integrations: ['zendesk'],
    trigger: at(['08:00'], 'weekdays'),
    destinations: [channel('#support-leads')],
  }),
  row('github → discord: new issues labelled "good first issue" to #contributors', ['devops', 'event', 'filter-label'], {
    integrations: ['github', 'discord'],
    trigger: event('github', 'new_issue'),
    destinations: [channel('#contributors', 'discord')],
    filters: [f.label('good first issue')],
  }),
  row('jira tix assigned to me → my teams chat every morning at 9', ['devops', 'dm', 'daily'], {
    integrations: ['jira', 'teams'],
    trigger: at(['09:00'], 'daily'),
    destinations: [dm('teams')],
  }),
  row('new linear issues w/ priority urgent → text me + #eng-oncall', ['devops', 'event', 'filter-priority', 'multi-destination', 'dm'], {
    integrations: ['linear'],
    trigger: event('linear', 'new_issue'),
    destinations: [dm(), channel('#eng-oncall')],
    filters: [f.priority('urgent')],
  }),
  row('when a salesforce opp moves to closed won post a 🎉 in #wins', ['sales', 'emoji', 'filter-status'], {
    integrations: ['salesforce'],
    destinations: [channel('#wins')],
    filters: [f.status('closed won')],
  }),
  row('airtable records where status = approved → asana task', ['filter-status', 'terse'], {
    integrations: ['airtable', 'asana'],
    destinations: [into('asana')],
    filters: [f.status('approved')],
  }),
  row('dropbox new uploads in /contracts → notify legal@acme.com', ['files', 'event', 'email-destination', 'filter-label'], {
    integrations: ['dropbox'],
    trigger: event('dropbox', 'new_file'),
    destinations: [mail('legal@acme.com')],
    filters: [f.label('contracts')],
  }),
  row('mentions of our brand on twitter → airtable', ['marketing', 'event', 'terse'], {
    integrations: ['twitter', 'airtable'],
    trigger: event('twitter', 'new_mention'),
    destinations: [into('airtable')],
  }),
  row('everytime someone books a meeting w/ me add it to the crm sheet', ['calendar', 'event', 'typo'], {
    integrations: ['google_calendar', 'google_sheets'],
    trigger: event('google_calendar', 'new_event'),
    destinations: [into('google_sheets')],
  }),
  row('gmail invoices from vendors → dropbox + log them in the expenses sheet', ['finance', 'keyword-trap', 'multi-destination'], {
    integrations: ['gmail', 'dropbox', 'google_sheets'],
    destinations: [into('dropbox'), into('google_sheets')],
  }),
  row('slack #sales-wins msgs → weekly digest to ceo@acme.com fridays 5pm', ['sales', 'source-channel', 'email-destination'], {
    integrations: ['slack'],
    trigger: at(['17:00'], ['fri']),
    destinations: [mail('ceo@acme.com')],
  }),
  row('confluence new page in HR space → post in #hr-announcements on teams', ['event', 'casing'], {
    integrations: ['confluence', 'teams'],
    trigger: event('confluence', 'new_page'),
    destinations: [channel('#hr-announcements', 'teams')],
  }),
  row('at 7 pm every sunday send me a summary of the weeks shopify orders on discord', ['dm', 'specific-days'], {
    integrations: ['shopify', 'discord'],
    trigger: at(['19:00'], ['sun']),
    destinations: [dm('discord')],
  }),
  row('PRs waiting for review > 2 days -> slack dm', ['devops', 'dm', 'terse'], {
    integrations: ['github', 'slack'],
    destinations: [dm('slack')],
    filters: [],
    onlyFilters: true,
  }),
  row('outlook emails flagged important from clients → asana tasks, check every 30 min', ['interval', 'filter-priority'], {
    integrations: ['outlook', 'asana'],
    trigger: everyMinutes(30),
    destinations: [into('asana')],
    // Outlook's flag is its importance.
    filters: [f.priority('important')],
  }),
  row('send a teams msg to #ops when a shopify order fails to pay', ['keyword-trap'], {
    integrations: ['teams', 'shopify'],
    destinations: [channel('#ops', 'teams')],
  }),
  row('new hubspot deal over 50k? ping the #exec channel + email cfo@acme.com', ['sales', 'event', 'filter-amount', 'multi-destination'], {
    integrations: ['hubspot'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#exec'), mail('cfo@acme.com')],
    filters: [f.amount('>', 50000)],
  }),
  // A third round: typed fast.
  row('wen a new zendesk tikcet comes in w/ priority high slack #support-escalations', ['support', 'typo', 'event', 'filter-priority'], {
    integrations: ['zendesk', 'slack'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#support-escalations', 'slack')],
    filters: [f.priority('high')],
  }),
  row('need a bot: github prs open > 3 days, remind #eng every mon/wed/fri 10am', ['devops', 'specific-days', 'filter-status'], {
    integrations: ['github'],
    trigger: at(['10:00'], ['mon', 'wed', 'fri']),
    destinations: [channel('#eng')],
    filters: [f.status('open')],
  }),
  row('stripe payout every friday?? send summary to #finance pls 🙏', ['finance', 'emoji'], {
    integrations: ['stripe'],
    trigger: on(['fri']),
    destinations: [channel('#finance')],
  }),
  row('New Lead In Salesforce -> Slack DM To Me', ['sales', 'casing', 'event', 'dm'], {
    integrations: ['salesforce', 'slack'],
    trigger: event('salesforce', 'new_lead'),
    destinations: [dm('slack')],
  }),
  row('hubspot deals stuck in negotiation >14 days → email me mon morning', ['sales', 'filter-status', 'dm'], {
    integrations: ['hubspot'],
    destinations: [dm()],
    filters: [f.status('negotiation')],
  }),
  row('cuando llega un pago en stripe avisame en slack... sorry, english: when a stripe payment comes in dm me on slack', ['finance', 'event', 'dm'], {
    integrations: ['stripe', 'slack'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [dm('slack')],
  }),
  row('every 1st and 15th of the month at 9 send #accounting the unpaid stripe invoices', ['finance', 'filter-status'], {
    integrations: ['stripe'],
    destinations: [channel('#accounting')],
    filters: [f.status('unpaid')],
  }),
  row('jira: new bugs in project MOBILE → #mobile-bugs (teams)', ['devops', 'event', 'terse'], {
    integrations: ['jira', 'teams'],
    trigger: event('jira', 'new_issue'),
    destinations: [channel('#mobile-bugs', 'teams')],
  }),
  row('when a google doc is shared with me, drop the link in my slack dms', ['files', 'event', 'dm'], {
    integrations: ['google_drive', 'slack'],
    trigger: event('google_drive', 'new_file'),
    destinations: [dm('slack')],
  }),
  row('can you make me something that every evening around 6 goes through the asana tasks due tomorrow and emails the list to team@acme.com', ['run-on', 'email-destination'], {
    integrations: ['asana'],
    trigger: at(['18:00'], 'daily'),
    destinations: [mail('team@acme.com')],
  }),
  row('discord #general new msgs w/ "bug" in them → trello card', ['event', 'filter-keyword', 'source-channel'], {
    integrations: ['discord', 'trello'],
    trigger: event('discord', 'new_message'),
    destinations: [into('trello')],
    filters: [f.keyword('bug')],
  }),
  row('airtable new applicant → ping #hiring + create a notion page for them', ['event', 'multi-destination'], {
    integrations: ['airtable', 'notion'],
    trigger: event('airtable', 'new_record'),
    destinations: [channel('#hiring'), into('notion')],
  }),
  row('weekdays @ 5:45pm: summary of my unread outlook → teams', ['weekdays', 'filter-unread', 'terse'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['17:45'], 'weekdays'),
    filters: [f.unread()],
  }),
  row('shopify orders w/ total above 500 → add to vip airtable + text me', ['event', 'filter-amount', 'multi-destination', 'dm'], {
    integrations: ['shopify', 'airtable'],
    trigger: event('shopify', 'new_order'),
    destinations: [into('airtable'), dm()],
    filters: [f.amount('>', 500)],
  }),
];
