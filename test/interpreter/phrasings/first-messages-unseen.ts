/**
 * First messages in shapes the other parts had few of: arrows and equals signs between a source and a
 * destination ("new sheet row = new hubspot contact"), schedules a cron cannot say exactly ("every other
 * day", "biweekly on fridays", "first monday of the month", "end of every month", "twice a week"), two or
 * three destinations in one breath, and the tools and events least covered (Teams and Slack posts, Notion
 * and Confluence pages, sheet rows, calendar events, Salesforce opportunities, Asana tasks, Trello cards).
 *
 * Schedules a cron cannot say are expected as the closest one it can (see docs/API.md): every other day
 * runs Monday, Wednesday and Friday; every two weeks runs weekly on the day said; the first Monday of the
 * month runs on the 1st; the end of the month on the 28th; twice a week on Monday and Thursday.
 */
import type { PhrasingCase } from './phrasing-case.js';
import { at, channel, dm, event, filter as f, into, mail, MANUAL, monthly, on, row } from './expect-builders.js';

export const UNSEEN_MESSAGES: PhrasingCase[] = [
  // Arrows, equals signs, "for every X a Y".
  row('new sheet row = new hubspot contact', ['arrow', 'event'], {
    integrations: ['google_sheets', 'hubspot'],
    trigger: event('google_sheets', 'new_row'),
    destinations: [into('hubspot')],
  }),
  row('teams msg in #sales-leads → trello card', ['arrow', 'event', 'source-channel'], {
    integrations: ['teams', 'trello'],
    trigger: event('teams', 'new_message'),
    destinations: [into('trello')],
  }),
  row('for every new hubspot deal a notion page', ['event'], {
    integrations: ['hubspot', 'notion'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [into('notion')],
  }),
  row('new asana task => trello card on the ops board', ['arrow', 'event'], {
    integrations: ['asana', 'trello'],
    trigger: event('asana', 'new_task'),
    destinations: [into('trello')],
  }),
  row('confluence page published -> slack #docs', ['arrow', 'event'], {
    integrations: ['confluence', 'slack'],
    trigger: event('confluence', 'new_page'),
    destinations: [channel('#docs', 'slack')],
  }),
  row('new notion page in the meeting notes db = post it to teams #meetings', ['arrow', 'event'], {
    integrations: ['notion', 'teams'],
    trigger: event('notion', 'new_page'),
    destinations: [channel('#meetings', 'teams')],
  }),
  row('Salesforce Opportunity Created → Slack #Deals', ['arrow', 'event', 'casing'], {
    integrations: ['salesforce', 'slack'],
    trigger: event('salesforce', 'new_opportunity'),
    destinations: [channel('#deals', 'slack')],
  }),
  row('gcal event created → add a row to my time tracking sheet', ['arrow', 'event'], {
    integrations: ['google_calendar', 'google_sheets'],
    trigger: event('google_calendar', 'new_event'),
    destinations: [into('google_sheets')],
  }),
  row('15 min before each meeting -> dm me the agenda on slack', ['arrow', 'event', 'dm'], {
    integrations: ['google_calendar', 'slack'],
    trigger: event('google_calendar', 'event_starting'),
    destinations: [dm('slack')],
  }),
  row('slack message in #bugs = linear issue', ['arrow', 'event', 'source-channel'], {
    integrations: ['slack', 'linear'],
    trigger: event('slack', 'new_message'),
    destinations: [into('linear')],
  }),
  row('each new trello card -> a github issue pls', ['arrow', 'event'], {
    integrations: ['trello', 'github'],
    trigger: event('trello', 'new_card'),
    destinations: [into('github')],
  }),
  row('new zendesk ticket + tagged urgent → page me on teams', ['arrow', 'event', 'dm', 'filter-label'], {
    integrations: ['zendesk', 'teams'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [dm('teams')],
    filters: [f.label('urgent')],
  }),

  // Schedules a cron cannot say exactly.
  row('every other day at 8 send me my open asana tasks on slack', ['schedule-approx', 'dm'], {
    integrations: ['asana', 'slack'],
    trigger: at(['08:00'], ['mon', 'wed', 'fri']),
    destinations: [dm('slack')],
  }),
  row('every 2 days email me a digest of new dropbox files', ['schedule-approx', 'dm'], {
    integrations: ['dropbox'],
    trigger: on(['mon', 'wed', 'fri']),
    destinations: [dm()],
  }),
  row('biweekly on fridays post the linear cycle summary in #eng', ['schedule-approx'], {
    integrations: ['linear'],
    trigger: on(['fri']),
    destinations: [channel('#eng')],
  }),
  row('every two weeks on tuesday at 2pm send #marketing the hubspot contacts we got', ['schedule-approx'], {
    integrations: ['hubspot'],
    trigger: at(['14:00'], ['tue']),
    destinations: [channel('#marketing')],
  }),
  row('fortnightly, monday 9am, jira sprint report → confluence', ['schedule-approx', 'arrow', 'british'], {
    integrations: ['jira', 'confluence'],
    trigger: at(['09:00'], ['mon']),
    destinations: [into('confluence')],
  }),
  row('first monday of the month 10am email finance@acme.com the stripe payouts', ['schedule-approx', 'day-of-month', 'email-destination'], {
    integrations: ['stripe'],
    trigger: monthly(1, ['10:00']),
    destinations: [mail('finance@acme.com')],
  }),
  row('on the first monday of every month post the salesforce pipeline in #sales on teams', ['schedule-approx', 'day-of-month'], {
    integrations: ['salesforce', 'teams'],
    trigger: monthly(1),
    destinations: [channel('#sales', 'teams')],
  }),
  row('end of every month dump the airtable records into a google sheet', ['schedule-approx', 'day-of-month'], {
    integrations: ['airtable', 'google_sheets'],
    trigger: monthly(28),
    destinations: [into('google_sheets')],
  }),
  row('last day of each month at 5pm send me the shopify sales total on slack', ['schedule-approx', 'day-of-month', 'dm'], {
    integrations: ['shopify', 'slack'],
    trigger: monthly(28, ['17:00']),
    destinations: [dm('slack')],
  }),
  row('twice a week send the team the zendesk backlog in #support', ['schedule-approx'], {
    integrations: ['zendesk'],
    trigger: on(['mon', 'thu']),
    destinations: [channel('#support')],
  }),
  row('2x a week at 9am: github PRs waiting for review → #reviews on discord', ['schedule-approx', 'arrow'], {
    integrations: ['github', 'discord'],
    trigger: at(['09:00'], ['mon', 'thu']),
    destinations: [channel('#reviews', 'discord')],
  }),
  row('three times a week, trello cards due soon to my email', ['schedule-approx', 'dm'], {
    integrations: ['trello'],
    trigger: on(['mon', 'wed', 'fri']),
    destinations: [dm()],
  }),
  row('every other friday at 4 send the team the sprint burndown from jira in slack #team', ['schedule-approx'], {
    integrations: ['jira', 'slack'],
    trigger: at(['16:00'], ['fri']),
    destinations: [channel('#team', 'slack')],
  }),
  row('once a month on the 15th at noon send #finance the airtable expenses', ['day-of-month'], {
    integrations: ['airtable'],
    trigger: monthly(15, ['12:00']),
    destinations: [channel('#finance')],
  }),

  // Two or three destinations.
  row('new stripe payment => row in sheets + ping #finance', ['arrow', 'event', 'multi-destination'], {
    integrations: ['stripe', 'google_sheets'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [into('google_sheets'), channel('#finance')],
  }),
  row('gmail from my boss → slack dm + notion page', ['arrow', 'multi-destination', 'dm', 'filter-from'], {
    integrations: ['gmail', 'slack', 'notion'],
    destinations: [dm('slack'), into('notion')],
    filters: [f.from('my boss')],
  }),
  row('when a new page goes up in confluence post the link in #docs on slack and email docs-team@acme.com', ['event', 'multi-destination'], {
    integrations: ['confluence', 'slack'],
    trigger: event('confluence', 'new_page'),
    destinations: [channel('#docs', 'slack'), mail('docs-team@acme.com')],
  }),
  row('new shopify order: add it to airtable, post in #orders and email me', ['event', 'multi-destination', 'dm'], {
    integrations: ['shopify', 'airtable'],
    trigger: event('shopify', 'new_order'),
    destinations: [into('airtable'), channel('#orders'), dm()],
  }),
  row('every friday 5pm weekly hubspot deals recap to #sales and to ceo@acme.com', ['multi-destination'], {
    integrations: ['hubspot'],
    trigger: at(['17:00'], ['fri']),
    destinations: [channel('#sales'), mail('ceo@acme.com')],
  }),
  row('new github PR → post in #code-review on slack, also make an asana task for the reviewer', ['arrow', 'event', 'multi-destination'], {
    integrations: ['github', 'slack', 'asana'],
    trigger: event('github', 'new_pull_request'),
    destinations: [channel('#code-review', 'slack'), into('asana')],
  }),
  row('salesforce new lead -> hubspot contact and a teams msg to #sdr', ['arrow', 'event', 'multi-destination'], {
    integrations: ['salesforce', 'hubspot', 'teams'],
    trigger: event('salesforce', 'new_lead'),
    destinations: [into('hubspot'), channel('#sdr', 'teams')],
  }),

  // Filters.
  row('only from my boss: outlook emails → text me', ['arrow', 'filter-from', 'dm'], {
    integrations: ['outlook'],
    destinations: [dm()],
    filters: [f.from('my boss')],
  }),
  row('stripe payments over $500 → #big-payments', ['arrow', 'event', 'filter-amount'], {
    integrations: ['stripe'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [channel('#big-payments')],
    filters: [f.amount('>', 500)],
  }),
  row('shopify orders under 20 bucks dont matter, anything above that goes into the orders sheet', ['filter-amount'], {
    integrations: ['shopify', 'google_sheets'],
    destinations: [into('google_sheets')],
    filters: [f.amount('>=', 20)],
  }),
  row('jira issues tagged urgent → sms me', ['arrow', 'filter-label', 'dm'], {
    integrations: ['jira'],
    destinations: [dm()],
    filters: [f.label('urgent')],
  }),
  row('asana tasks assigned to me that are overdue, every morning at 8 in my slack dms', ['dm', 'filter-status'], {
    integrations: ['asana', 'slack'],
    trigger: at(['08:00'], 'daily'),
    destinations: [dm('slack')],
    filters: [f.status('overdue')],
  }),
  row('when someone posts in #general on teams and it mentions "outage", ping #oncall', ['event', 'source-channel', 'filter-keyword'], {
    integrations: ['teams'],
    trigger: event('teams', 'new_message'),
    destinations: [channel('#oncall')],
    filters: [f.keyword('outage')],
  }),
  row('hubspot deals bigger than 10k = slack #wins', ['arrow', 'filter-amount'], {
    integrations: ['hubspot', 'slack'],
    destinations: [channel('#wins', 'slack')],
    filters: [f.amount('>', 10000)],
  }),

  // Run-on, lowercase, dictated, emoji.
  row('ok so basically whenever someone adds a row to the signups sheet i want a hubspot contact made and a hello in slack #new-signups', ['event', 'multi-destination', 'voice'], {
    integrations: ['google_sheets', 'hubspot', 'slack'],
    trigger: event('google_sheets', 'new_row'),
    destinations: [into('hubspot'), channel('#new-signups', 'slack')],
  }),
  row('hey can you make it so new events on my work calendar get copied into notion', ['event'], {
    integrations: ['google_calendar', 'notion'],
    trigger: event('google_calendar', 'new_event'),
    destinations: [into('notion')],
  }),
  row('when a new opp gets created in salesforce tell the team in teams channel #ae-team', ['event'], {
    integrations: ['salesforce', 'teams'],
    trigger: event('salesforce', 'new_opportunity'),
    destinations: [channel('#ae-team', 'teams')],
  }),
  row('🚨 failed stripe payment → #billing-alerts on slack 🚨', ['arrow', 'event', 'emoji'], {
    integrations: ['stripe', 'slack'],
    trigger: event('stripe', 'payment_failed'),
    destinations: [channel('#billing-alerts', 'slack')],
  }),
  row('i want a button that posts my trello cards due today to #standup', ['manual'], {
    integrations: ['trello'],
    trigger: MANUAL,
    destinations: [channel('#standup')],
  }),
  row('new task in asana assigned to me send me a teams message', ['event', 'dm', 'voice'], {
    integrations: ['asana', 'teams'],
    trigger: event('asana', 'new_task'),
    destinations: [dm('teams')],
  }),
  row('Every Monday Morning Send The Team The Notion Roadmap In #Product', ['casing'], {
    integrations: ['notion'],
    trigger: on(['mon']),
    destinations: [channel('#product')],
  }),
  row('new files in dropbox/invoices -> google drive + a row in the invoices sheet', ['arrow', 'event', 'multi-destination'], {
    integrations: ['dropbox', 'google_drive', 'google_sheets'],
    trigger: event('dropbox', 'new_file'),
    destinations: [into('google_drive'), into('google_sheets')],
  }),
  row('mentions of us on twitter/x → discord #social', ['arrow', 'event'], {
    integrations: ['twitter', 'discord'],
    trigger: event('twitter', 'new_mention'),
    destinations: [channel('#social', 'discord')],
  }),
  row('wenever a linear issue is created make a github issue too', ['typo', 'event'], {
    integrations: ['linear', 'github'],
    trigger: event('linear', 'new_issue'),
    destinations: [into('github')],
  }),
];

/** Round two: dictated, non-native, abbreviated and slangy first messages, and the tools least written to. */
export const UNSEEN_MESSAGES_TWO: PhrasingCase[] = [
  // Dictated, no punctuation.
  row('ok google so every time i get a new lead in salesforce put it in the hubspot too and tell the sales channel on teams', ['voice', 'event', 'multi-destination'], {
    integrations: ['salesforce', 'hubspot', 'teams'],
    trigger: event('salesforce', 'new_lead'),
    destinations: [into('hubspot'), channel('#sales', 'teams')],
  }),
  row('send me a message on slack every morning at seven thirty with my meetings for the day', ['voice', 'dm'], {
    integrations: ['slack', 'google_calendar'],
    trigger: at(['07:30'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('when a customer opens a ticket in zendesk that says refund create a task in asana for the finance team', ['voice', 'event', 'filter-keyword'], {
    integrations: ['zendesk', 'asana'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [into('asana')],
    filters: [f.keyword('refund')],
  }),
  row('every friday at three pm email my team a summary of the closed jira tickets', ['voice', 'filter-status'], {
    integrations: ['jira'],
    trigger: at(['15:00'], ['fri']),
    filters: [f.status('closed')],
  }),
  row('new message in the discord support channel make a zendesk ticket out of it', ['voice', 'event', 'source-channel'], {
    integrations: ['discord', 'zendesk'],
    trigger: event('discord', 'new_message'),
    destinations: [into('zendesk')],
  }),

  // Non-native English.
  row('please when arrive new order in shopify you make one row in google sheet', ['non-native', 'event'], {
    integrations: ['shopify', 'google_sheets'],
    trigger: event('shopify', 'new_order'),
    destinations: [into('google_sheets')],
  }),
  row('i need that every monday morning the agent send to me the list of deals of hubspot by email', ['non-native', 'dm'], {
    integrations: ['hubspot'],
    trigger: on(['mon']),
    destinations: [dm()],
  }),
  row('is possible to make: new page in confluence, then message to #wiki in slack?', ['non-native', 'event'], {
    integrations: ['confluence', 'slack'],
    trigger: event('confluence', 'new_page'),
    destinations: [channel('#wiki', 'slack')],
  }),
  row('if somebody write in teams channel #urgent, you send sms to me', ['non-native', 'event', 'dm', 'source-channel'], {
    integrations: ['teams'],
    trigger: event('teams', 'new_message'),
    destinations: [dm()],
  }),
  row('each day 18h send resume of my gmail unread mails in my telegram... no sorry in my slack', ['non-native', 'dm', 'filter-unread'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['18:00'], 'daily'),
    destinations: [dm('slack')],
    filters: [f.unread()],
  }),

  // Abbreviations, slang.
  row('gh PRs w/ label needs-review → #eng-review asap', ['abbreviation', 'event', 'filter-label'], {
    integrations: ['github'],
    trigger: event('github', 'new_pull_request'),
    destinations: [channel('#eng-review')],
    filters: [f.label('needs-review')],
  }),
  row('sfdc opps > 100k -> slack #big-fish pls & thx', ['abbreviation', 'arrow', 'filter-amount'], {
    integrations: ['salesforce', 'slack'],
    destinations: [channel('#big-fish', 'slack')],
    filters: [f.amount('>', 100000)],
  }),
  row('yo whenever the gcal has smth new lmk on discord', ['slang', 'event', 'dm'], {
    integrations: ['google_calendar', 'discord'],
    trigger: event('google_calendar', 'new_event'),
    destinations: [dm('discord')],
  }),
  row('lmk on teams 10 min b4 every mtg', ['abbreviation', 'event', 'dm'], {
    integrations: ['teams', 'google_calendar'],
    trigger: event('google_calendar', 'event_starting'),
    destinations: [dm('teams')],
  }),
  row('wkly recap of linear tix closed → notion, fri 4pm', ['abbreviation', 'arrow', 'filter-status'], {
    integrations: ['linear', 'notion'],
    trigger: at(['16:00'], ['fri']),
    destinations: [into('notion')],
    filters: [f.status('closed')],
  }),
  row('dropbox uploads → gdrive, no cap every single one', ['slang', 'arrow', 'event'], {
    integrations: ['dropbox', 'google_drive'],
    trigger: event('dropbox', 'new_file'),
    destinations: [into('google_drive')],
  }),

  // Plus signs, slashes, Title Case, emoji.
  row('New Airtable Record + Status Approved → Create Trello Card', ['casing', 'arrow', 'event', 'filter-status'], {
    integrations: ['airtable', 'trello'],
    trigger: event('airtable', 'new_record'),
    destinations: [into('trello')],
    filters: [f.status('approved')],
  }),
  row('stripe / shopify sales totals every night at 11 → #revenue + ceo@acme.com', ['arrow', 'multi-destination'], {
    integrations: ['stripe', 'shopify'],
    trigger: at(['23:00'], 'daily'),
    destinations: [channel('#revenue'), mail('ceo@acme.com')],
  }),
  row('📅 every weekday 8:45 → my agenda from google calendar to my teams chat', ['emoji', 'arrow', 'dm'], {
    integrations: ['google_calendar', 'teams'],
    trigger: at(['08:45'], 'weekdays'),
    destinations: [dm('teams')],
  }),
  row('💸 payments that fail in stripe → email billing@acme.com and open a zendesk ticket', ['emoji', 'arrow', 'event', 'multi-destination'], {
    integrations: ['stripe', 'zendesk'],
    trigger: event('stripe', 'payment_failed'),
    destinations: [mail('billing@acme.com'), into('zendesk')],
  }),
  row('Weekly On Mondays At 9am Post Open Asana Tasks To #Ops On Slack', ['casing', 'filter-status'], {
    integrations: ['asana', 'slack'],
    trigger: at(['09:00'], ['mon']),
    destinations: [channel('#ops', 'slack')],
    filters: [f.status('open')],
  }),

  // Tools least written to: calendar events, salesforce, zendesk, linear, github issues.
  row('when a hubspot deal is won put a celebration event on the team google calendar', ['stage-change'], {
    integrations: ['hubspot', 'google_calendar'],
    destinations: [into('google_calendar')],
  }),
  row('new rows in the interviews sheet → create calendar events for them', ['arrow', 'event'], {
    integrations: ['google_sheets', 'google_calendar'],
    trigger: event('google_sheets', 'new_row'),
    destinations: [into('google_calendar')],
  }),
  row('hubspot contacts that sign up → add them as leads in salesforce', ['arrow', 'event'], {
    integrations: ['hubspot', 'salesforce'],
    trigger: event('hubspot', 'new_contact'),
    destinations: [into('salesforce')],
  }),
  row('every email to support@acme.com in outlook should become a zendesk ticket', ['event'], {
    integrations: ['outlook', 'zendesk'],
    trigger: event('outlook', 'new_email'),
    destinations: [into('zendesk')],
  }),
  row('sentry-ish bug reports from the #bugs slack channel → linear issues, tagged bug', ['arrow', 'event', 'source-channel'], {
    integrations: ['slack', 'linear'],
    trigger: event('slack', 'new_message'),
    destinations: [into('linear')],
  }),
  row('turn every new jira bug into a github issue on our public repo', ['event'], {
    integrations: ['jira', 'github'],
    trigger: event('jira', 'new_issue'),
    destinations: [into('github')],
  }),
  row('when someone @mentions us on twitter, log it in airtable and ping #social on discord', ['event', 'multi-destination'], {
    integrations: ['twitter', 'airtable', 'discord'],
    trigger: event('twitter', 'new_mention'),
    destinations: [into('airtable'), channel('#social', 'discord')],
  }),

  // Filters said many ways.
  row('only the ones from my boss pls: outlook mail → teams dm', ['arrow', 'filter-from', 'dm'], {
    integrations: ['outlook', 'teams'],
    destinations: [dm('teams')],
    filters: [f.from('my boss')],
  }),
  row('gmail with attachments from accounting@acme.com → dropbox /receipts', ['arrow', 'filter-from'], {
    integrations: ['gmail', 'dropbox'],
    destinations: [into('dropbox')],
    filters: [f.from('accounting@acme.com')],
  }),
  row('notify #cs on teams about zendesk tickets with high priority, but not the ones tagged spam', ['filter-priority', 'filter-exclude'], {
    integrations: ['zendesk', 'teams'],
    destinations: [channel('#cs', 'teams')],
    filters: [f.priority('high'), f.exclude('spam')],
  }),
  row('stripe charges of $1000 or more → text me right away', ['arrow', 'event', 'filter-amount', 'dm'], {
    integrations: ['stripe'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [dm()],
    filters: [f.amount('>=', 1000)],
  }),
  row('shopify orders above 200 euros and from germany → #eu-sales', ['arrow', 'filter-amount'], {
    integrations: ['shopify'],
    destinations: [channel('#eu-sales')],
    filters: [f.amount('>', 200)],
  }),
  row('jira issues with priority highest or blocker to #incidents every 30 min', ['filter-priority', 'interval'], {
    integrations: ['jira'],
    trigger: { type: 'schedule', every: { minutes: 30 } },
    destinations: [channel('#incidents')],
    filters: [f.priority('highest')],
  }),
  row('unread gmail from clients tagged important, summarised at 5pm to my slack dms', ['filter-unread', 'filter-from', 'dm'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['17:00']),
    destinations: [dm('slack')],
    filters: [f.unread(), f.from('clients')],
  }),

  // Schedules said loosely but exactly.
  row('every other monday at 10 send the team the hubspot pipeline in #sales', ['schedule-approx'], {
    integrations: ['hubspot'],
    trigger: at(['10:00'], ['mon']),
    destinations: [channel('#sales')],
  }),
  row('twice weekly github stale PRs → #eng', ['schedule-approx', 'arrow'], {
    integrations: ['github'],
    trigger: on(['mon', 'thu']),
    destinations: [channel('#eng')],
  }),
  row('on the 1st and only the 1st of each month 8am: stripe MRR to finance@acme.com', ['day-of-month', 'email-destination'], {
    integrations: ['stripe'],
    trigger: monthly(1, ['08:00']),
    destinations: [mail('finance@acme.com')],
  }),
  row('month end close: on the last business day of the month at 3pm remind #finance on teams', ['schedule-approx', 'day-of-month'], {
    integrations: ['teams'],
    trigger: monthly(28, ['15:00']),
    destinations: [channel('#finance', 'teams')],
  }),
  row('mon/wed/fri 7am trello cards due this week → my email', ['arrow', 'dm'], {
    integrations: ['trello'],
    trigger: at(['07:00'], ['mon', 'wed', 'fri']),
    destinations: [dm()],
  }),
  row('tues and thurs @ 4:30pm post the airtable content calendar in #marketing', ['specific-days'], {
    integrations: ['airtable'],
    trigger: at(['16:30'], ['tue', 'thu']),
    destinations: [channel('#marketing')],
  }),
  row('every sunday night 9pm send me on discord the week ahead from my calendar', ['dm'], {
    integrations: ['discord', 'google_calendar'],
    trigger: at(['21:00'], ['sun']),
    destinations: [dm('discord')],
  }),
  row('at 6am and 6pm every day post the new shopify orders to #fulfilment', ['multi-time'], {
    integrations: ['shopify'],
    trigger: at(['06:00', '18:00'], 'daily'),
    destinations: [channel('#fulfilment')],
  }),
  row('every 3 hours during the day check zendesk for urgent tickets and ping #support-leads', ['filter-priority'], {
    integrations: ['zendesk'],
    destinations: [channel('#support-leads')],
    filters: [f.priority('urgent')],
  }),
];

/** Round three: requests asked as questions, "keep me posted", "loop in", two places joined every way, and more of the rarer events. */
export const UNSEEN_MESSAGES_THREE: PhrasingCase[] = [
  row('can you ping me on slack whenever a new hubspot contact comes in?', ['question-form', 'event', 'dm'], {
    integrations: ['slack', 'hubspot'],
    trigger: event('hubspot', 'new_contact'),
    destinations: [dm('slack')],
  }),
  row('could you make a trello card for every new asana task assigned to me', ['question-form', 'event'], {
    integrations: ['trello', 'asana'],
    trigger: event('asana', 'new_task'),
    destinations: [into('trello')],
  }),
  row('would it be possible to get my gcal for tomorrow emailed to me every evening at 8', ['question-form', 'dm'], {
    integrations: ['google_calendar'],
    trigger: at(['20:00'], 'daily'),
    destinations: [dm()],
  }),
  row('keep me posted on teams about new salesforce opportunities', ['event', 'dm'], {
    integrations: ['teams', 'salesforce'],
    trigger: event('salesforce', 'new_opportunity'),
    destinations: [dm('teams')],
  }),
  row('loop in #partnerships on slack whenever a hubspot deal gets created', ['event'], {
    integrations: ['slack', 'hubspot'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#partnerships', 'slack')],
  }),
  row('new zendesk tickets to #support as well as to support-leads@acme.com', ['event', 'multi-destination'], {
    integrations: ['zendesk'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#support'), mail('support-leads@acme.com')],
  }),
  row('both #eng and #product on slack should get the new linear issues', ['event', 'multi-destination'], {
    integrations: ['slack', 'linear'],
    trigger: event('linear', 'new_issue'),
    destinations: [channel('#eng', 'slack'), channel('#product', 'slack')],
  }),
  row('cc me and my cofounder (sam@acme.com) on every failed stripe payment', ['event', 'multi-destination', 'dm'], {
    integrations: ['stripe'],
    trigger: event('stripe', 'payment_failed'),
    destinations: [dm(), mail('sam@acme.com')],
  }),
  row('when someone books a meeting with me, add them to hubspot as a contact', ['event'], {
    integrations: ['google_calendar', 'hubspot'],
    trigger: event('google_calendar', 'new_event'),
    destinations: [into('hubspot')],
  }),
  row('calendar invite from a client → create a notion page with prep notes', ['arrow', 'event', 'filter-from'], {
    integrations: ['google_calendar', 'notion'],
    trigger: event('google_calendar', 'new_event'),
    destinations: [into('notion')],
    filters: [f.from('a client')],
  }),
  row('new entry in the notion bug tracker → jira ticket', ['arrow', 'event'], {
    integrations: ['notion', 'jira'],
    trigger: event('notion', 'new_page'),
    destinations: [into('jira')],
  }),
  row('when a new page is added in our confluence space "Runbooks", tell #sre on teams', ['event'], {
    integrations: ['confluence', 'teams'],
    trigger: event('confluence', 'new_page'),
    destinations: [channel('#sre', 'teams')],
  }),
  row('new google drive file in "Contracts" → post link in #legal + add a row to the contracts sheet', ['arrow', 'event', 'multi-destination'], {
    integrations: ['google_drive', 'google_sheets'],
    trigger: event('google_drive', 'new_file'),
    destinations: [channel('#legal'), into('google_sheets')],
  }),
  row('whenever a PR gets opened on github, create a linear issue and ping the author in #code', ['event', 'multi-destination'], {
    integrations: ['github', 'linear'],
    trigger: event('github', 'new_pull_request'),
    destinations: [into('linear'), channel('#code')],
  }),
  row('discord messages in #feedback → airtable + weekly summary to me', ['arrow', 'multi-destination', 'dm', 'source-channel'], {
    integrations: ['discord', 'airtable'],
    destinations: [into('airtable'), dm()],
  }),
  row('at 8:15 on weekdays give me a rundown of yesterdays shopify orders over $100 on slack', ['filter-amount', 'dm'], {
    integrations: ['shopify', 'slack'],
    trigger: at(['08:15'], 'weekdays'),
    destinations: [dm('slack')],
    filters: [f.amount('>', 100)],
  }),
  row('every morning 9ish', ['vague-time'], {
    trigger: { type: 'vague' },
  }),
  row('post github issues labeled P0 to #war-room immediately', ['event', 'filter-label'], {
    integrations: ['github'],
    trigger: event('github', 'new_issue'),
    destinations: [channel('#war-room')],
    filters: [f.label('p0')],
  }),
  row('only emails from the ceo or cfo → forward to my phone as sms', ['arrow', 'filter-from', 'dm'], {
    integrations: ['gmail'],
    destinations: [dm()],
    filters: [f.from('the ceo')],
  }),
  row('i get like 200 emails a day, just send me the ones from @bigclient.com on teams', ['filter-from', 'dm'], {
    integrations: ['gmail', 'teams'],
    destinations: [dm('teams')],
    filters: [f.from('bigclient.com')],
  }),
  row('all hubspot deals closing this month with amount at least 20k, every monday to #forecast', ['filter-amount'], {
    integrations: ['hubspot'],
    trigger: on(['mon']),
    destinations: [channel('#forecast')],
    filters: [f.amount('>=', 20000)],
  }),
  row('zendesk: status open + priority urgent → #support-escalations every 15 minutes', ['arrow', 'filter-status', 'filter-priority', 'interval'], {
    integrations: ['zendesk'],
    trigger: { type: 'schedule', every: { minutes: 15 } },
    destinations: [channel('#support-escalations')],
    filters: [f.status('open'), f.priority('urgent')],
  }),
  row('jira bugs not assigned to anyone → #triage at 10am daily', ['arrow'], {
    integrations: ['jira'],
    trigger: at(['10:00'], 'daily'),
    destinations: [channel('#triage')],
  }),
  row('shopify: orders > 500 → airtable "VIP orders" table', ['arrow', 'filter-amount'], {
    integrations: ['shopify', 'airtable'],
    destinations: [into('airtable')],
    filters: [f.amount('>', 500)],
  }),
  row('Gmail Newsletters Every Saturday 10am → Notion Reading List', ['casing', 'arrow'], {
    integrations: ['gmail', 'notion'],
    trigger: at(['10:00'], ['sat']),
    destinations: [into('notion')],
  }),
  row('hey 👋 i run a small bakery, when a shopify order comes in i want it on my google calendar as a pickup', ['emoji', 'event'], {
    integrations: ['shopify', 'google_calendar'],
    trigger: event('shopify', 'new_order'),
    destinations: [into('google_calendar')],
  }),
  row('teacher here: every sunday 6pm email parents@example.com the week plan from my notion', ['email-destination'], {
    integrations: ['notion'],
    trigger: at(['18:00'], ['sun']),
    destinations: [mail('parents@example.com')],
  }),
  row('new sign ups in airtable → welcome email from gmail + a hubspot contact', ['arrow', 'event'], {
    integrations: ['airtable', 'gmail', 'hubspot'],
    trigger: event('airtable', 'new_record'),
    destinations: [into('hubspot')],
  }),
  row('every 2nd day at 7 remind me on discord to check the dropbox inbox folder', ['schedule-approx', 'dm'], {
    integrations: ['discord', 'dropbox'],
    trigger: at(['07:00'], ['mon', 'wed', 'fri']),
    destinations: [dm('discord')],
  }),
  row('on alternate days post the jira blockers in #standup at 9:30', ['schedule-approx'], {
    integrations: ['jira'],
    trigger: at(['09:30'], ['mon', 'wed', 'fri']),
    destinations: [channel('#standup')],
  }),
  row('3x per week linear triage list → #eng-leads', ['schedule-approx', 'arrow'], {
    integrations: ['linear'],
    trigger: on(['mon', 'wed', 'fri']),
    destinations: [channel('#eng-leads')],
  }),
  row('every other wednesday 11am hubspot newsletter stats to marketing@acme.com', ['schedule-approx', 'email-destination'], {
    integrations: ['hubspot'],
    trigger: at(['11:00'], ['wed']),
    destinations: [mail('marketing@acme.com')],
  }),
  row('at month end send the airtable inventory count to ops@acme.com', ['schedule-approx', 'day-of-month', 'email-destination'], {
    integrations: ['airtable'],
    trigger: monthly(28),
    destinations: [mail('ops@acme.com')],
  }),
  row('the second tuesday of each month at 2pm, github release notes → confluence', ['schedule-approx', 'day-of-month', 'arrow'], {
    integrations: ['github', 'confluence'],
    trigger: monthly(8, ['14:00']),
    destinations: [into('confluence')],
  }),
  row('whenever my calendar has a meeting starting in 10 min text me the zoom link', ['event', 'dm'], {
    integrations: ['google_calendar'],
    trigger: event('google_calendar', 'event_starting'),
    destinations: [dm()],
  }),
  row('every time a tweet mentions acme → slack #brand and airtable', ['event', 'arrow', 'multi-destination'], {
    integrations: ['twitter', 'slack', 'airtable'],
    trigger: event('twitter', 'new_mention'),
    destinations: [channel('#brand', 'slack'), into('airtable')],
  }),
  row('when a card moves to done in trello post it in #shipped', ['stage-change', 'filter-status'], {
    integrations: ['trello'],
    destinations: [channel('#shipped')],
    filters: [f.status('done')],
  }),
  row('any new outlook mail with "invoice" in the subject → save the attachment to dropbox', ['arrow', 'event', 'filter-keyword'], {
    integrations: ['outlook', 'dropbox'],
    trigger: event('outlook', 'new_email'),
    destinations: [into('dropbox')],
    filters: [f.keyword('invoice')],
  }),
  row('slack #general msgs with the word "urgent" → sms me', ['arrow', 'event', 'source-channel', 'filter-keyword', 'dm'], {
    integrations: ['slack'],
    trigger: event('slack', 'new_message'),
    destinations: [dm()],
    filters: [f.keyword('urgent')],
  }),
];

/** Round four: the shapes above said again other ways, to check each rule reads more than its first phrasing. */
export const UNSEEN_MESSAGES_FOUR: PhrasingCase[] = [
  row('new airtable record = new asana task', ['arrow', 'event'], {
    integrations: ['airtable', 'asana'],
    trigger: event('airtable', 'new_record'),
    destinations: [into('asana')],
  }),
  row('hubspot deal = trello card + slack #deals', ['arrow', 'event', 'multi-destination'], {
    integrations: ['hubspot', 'trello', 'slack'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [into('trello'), channel('#deals', 'slack')],
  }),
  row('new github issue ➡️ linear', ['arrow', 'event', 'emoji'], {
    integrations: ['github', 'linear'],
    trigger: event('github', 'new_issue'),
    destinations: [into('linear')],
  }),
  row('for every salesforce lead a hubspot contact pls', ['event'], {
    integrations: ['salesforce', 'hubspot'],
    trigger: event('salesforce', 'new_lead'),
    destinations: [into('hubspot')],
  }),
  row('i want a jira ticket created for every zendesk ticket tagged bug', ['event', 'filter-label'], {
    integrations: ['jira', 'zendesk'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [into('jira')],
    filters: [f.label('bug')],
  }),
  row('a google sheet row for every new typeform response', ['unsupported-tool'], {
    integrations: ['google_sheets'],
    unsupported: ['typeform'],
    trigger: { type: 'none' },
    destinations: [into('google_sheets')],
  }),
  row('every couple of days send me my open trello cards', ['schedule-approx', 'dm', 'filter-status'], {
    integrations: ['trello'],
    trigger: on(['mon', 'wed', 'fri']),
    destinations: [dm()],
    filters: [f.status('open')],
  }),
  row('every 3 days check for new dropbox files and email me', ['schedule-approx', 'dm'], {
    integrations: ['dropbox'],
    trigger: on(['mon', 'thu']),
    destinations: [dm()],
  }),
  row('once every two weeks on monday post the sprint summary from jira in #eng', ['schedule-approx'], {
    integrations: ['jira'],
    trigger: on(['mon']),
    destinations: [channel('#eng')],
  }),
  row('every fortnight on fridays send me the stripe payouts', ['schedule-approx', 'british', 'dm'], {
    integrations: ['stripe'],
    trigger: on(['fri']),
    destinations: [dm()],
  }),
  row('the last friday of every month at 4pm post the hubspot numbers in #sales', ['schedule-approx', 'day-of-month'], {
    integrations: ['hubspot'],
    trigger: monthly(28, ['16:00']),
    destinations: [channel('#sales')],
  }),
  row('bi-weekly send #marketing the twitter mentions', ['schedule-approx'], {
    integrations: ['twitter'],
    trigger: on(['mon']),
    destinations: [channel('#marketing')],
  }),
  row('EOD every day send me my unread outlook emails on teams', ['abbreviation', 'dm', 'filter-unread'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['17:00'], 'daily'),
    destinations: [dm('teams')],
    filters: [f.unread()],
  }),
  row('at COB on weekdays post the closed zendesk tickets to #support', ['abbreviation', 'filter-status'], {
    integrations: ['zendesk'],
    trigger: at(['17:00'], 'weekdays'),
    destinations: [channel('#support')],
    filters: [f.status('closed')],
  }),
  row('every weekday except fridays at 9 post the jira board in #dev', ['specific-days'], {
    integrations: ['jira'],
    trigger: at(['09:00'], ['mon', 'tue', 'wed', 'thu']),
    destinations: [channel('#dev')],
  }),
  row('when a new notion page is created in the wiki → teams #docs and email docs@acme.com', ['event', 'arrow', 'multi-destination'], {
    integrations: ['notion', 'teams'],
    trigger: event('notion', 'new_page'),
    destinations: [channel('#docs', 'teams'), mail('docs@acme.com')],
  }),
  row('github PR opened → discord #dev & linear issue', ['event', 'arrow', 'multi-destination'], {
    integrations: ['github', 'discord', 'linear'],
    trigger: event('github', 'new_pull_request'),
    destinations: [channel('#dev', 'discord'), into('linear')],
  }),
  row('new deal in hubspot worth more than 10000 dollars → slack #big-deals', ['event', 'arrow', 'filter-amount'], {
    integrations: ['hubspot', 'slack'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#big-deals', 'slack')],
    filters: [f.amount('>', 10000)],
  }),
  row('emails from my boss that mention budget → slack dm', ['arrow', 'filter-from', 'filter-keyword', 'dm'], {
    integrations: ['gmail', 'slack'],
    destinations: [dm('slack')],
    filters: [f.from('my boss'), f.keyword('budget')],
  }),
  row('trello card added to the "Urgent" list = text me', ['arrow', 'event', 'dm'], {
    integrations: ['trello'],
    trigger: event('trello', 'new_card'),
    destinations: [dm()],
  }),
  row('for each new outlook email from a vendor, a row in the vendors sheet', ['event', 'filter-from'], {
    integrations: ['outlook', 'google_sheets'],
    trigger: event('outlook', 'new_email'),
    destinations: [into('google_sheets')],
    filters: [f.from('a vendor')],
  }),
  row('on every new confluence page a slack post in #kb', ['event'], {
    integrations: ['confluence', 'slack'],
    trigger: event('confluence', 'new_page'),
    destinations: [channel('#kb', 'slack')],
  }),
  row('need an asana task made whenever a jira issue is assigned to me', ['event'], {
    integrations: ['asana', 'jira'],
    trigger: event('jira', 'new_issue'),
    destinations: [into('asana')],
  }),
  row('keep me updated via discord on new shopify orders', ['event', 'dm'], {
    integrations: ['discord', 'shopify'],
    trigger: event('shopify', 'new_order'),
    destinations: [dm('discord')],
  }),
  row('stripe payouts at close of business every friday → finance@acme.com', ['arrow', 'email-destination'], {
    integrations: ['stripe'],
    trigger: at(['17:00'], ['fri']),
    destinations: [mail('finance@acme.com')],
  }),
  row('at 7h every day slack me the gcal agenda', ['non-native', 'dm'], {
    integrations: ['slack', 'google_calendar'],
    trigger: at(['07:00'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('new linear issue w/ label "customer" → zendesk ticket, asap', ['arrow', 'event', 'filter-label', 'abbreviation'], {
    integrations: ['linear', 'zendesk'],
    trigger: event('linear', 'new_issue'),
    destinations: [into('zendesk')],
    filters: [f.label('customer')],
  }),
  row('whenever someone submits a row in the rsvp sheet lmk on slack', ['event', 'dm', 'abbreviation'], {
    integrations: ['google_sheets', 'slack'],
    trigger: event('google_sheets', 'new_row'),
    destinations: [dm('slack')],
  }),
];

/** Round five: a chat tool as a verb ("slacks me"), paging someone, a channel read from, and sources joined before an arrow. */
export const UNSEEN_MESSAGES_FIVE: PhrasingCase[] = [
  row('Slack → Notion: save every message from #decisions as a page', ['arrow', 'event', 'source-channel'], {
    integrations: ['slack', 'notion'],
    trigger: event('slack', 'new_message'),
    destinations: [into('notion')],
    filters: [],
    onlyFilters: true,
  }),
  row('when my boss slacks me, forward it to my email', ['event', 'dm', 'filter-from'], {
    integrations: ['slack'],
    trigger: event('slack', 'new_message'),
    destinations: [dm()],
    filters: [f.from('my boss')],
  }),
  row('new teams message mentioning me -> text me', ['arrow', 'event', 'dm'], {
    integrations: ['teams'],
    trigger: event('teams', 'new_message'),
    destinations: [dm()],
  }),
  row('every new confluence page in the HR space goes to #people on teams and into the hr notion', ['event', 'multi-destination'], {
    integrations: ['confluence', 'teams', 'notion'],
    trigger: event('confluence', 'new_page'),
    destinations: [channel('#people', 'teams'), into('notion')],
  }),
  row('New GitHub Issue Labeled Bug → Jira + Slack #bugs', ['casing', 'arrow', 'event', 'multi-destination', 'filter-label'], {
    integrations: ['github', 'jira', 'slack'],
    trigger: event('github', 'new_issue'),
    destinations: [into('jira'), channel('#bugs', 'slack')],
    filters: [f.label('bug')],
  }),
  row('every new lead from salesforce over 10k → hubspot deal & email sales@acme.com & slack #sales', ['arrow', 'event', 'multi-destination', 'filter-amount'], {
    integrations: ['salesforce', 'hubspot', 'slack'],
    trigger: event('salesforce', 'new_lead'),
    destinations: [into('hubspot'), mail('sales@acme.com'), channel('#sales', 'slack')],
    filters: [f.amount('>', 10000)],
  }),
  row('new asana task in the marketing project → teams #marketing', ['arrow', 'event'], {
    integrations: ['asana', 'teams'],
    trigger: event('asana', 'new_task'),
    destinations: [channel('#marketing', 'teams')],
  }),
  row("every thursday 5:30pm: summary of this week's hubspot deals → notion page + #sales", ['arrow', 'multi-destination'], {
    integrations: ['hubspot', 'notion'],
    trigger: at(['17:30'], ['thu']),
    destinations: [into('notion'), channel('#sales')],
  }),
  row('every morning at 8:30 my calendar + my asana tasks → my slack dms', ['arrow', 'multi-source', 'dm'], {
    integrations: ['google_calendar', 'asana', 'slack'],
    trigger: at(['08:30'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('gmail label "receipts" → google drive folder receipts, daily at midnight', ['arrow', 'filter-label'], {
    integrations: ['gmail', 'google_drive'],
    trigger: at(['00:00'], 'daily'),
    destinations: [into('google_drive')],
    filters: [f.label('receipts')],
  }),
  row('if a stripe payment over 1000 fails page the on-call on teams #oncall', ['event', 'filter-amount'], {
    integrations: ['stripe', 'teams'],
    trigger: event('stripe', 'payment_failed'),
    destinations: [channel('#oncall', 'teams')],
    filters: [f.amount('>', 1000)],
  }),
  row('every first of the month send me the total stripe revenue', ['day-of-month', 'dm'], {
    integrations: ['stripe'],
    trigger: monthly(1),
    destinations: [dm()],
  }),
  row('whenever a google calendar event gets cancelled tell me on slack', ['stage-change', 'dm'], {
    integrations: ['google_calendar', 'slack'],
    destinations: [dm('slack')],
  }),
  // Days narrowed with "but … only", days left out before "and", a mention in a chat tool.
  row('summarize my gmail every morning at 8 but on weekdays only and post to #team on slack', ['days', 'narrowed'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['08:00'], 'weekdays'),
    destinations: [channel('#team', 'slack')],
  }),
  row('post my google calendar to #standup on slack at 9 but weekdays only', ['days', 'narrowed'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [channel('#standup', 'slack')],
  }),
  row('summarize my gmail every day at 8 except weekends and post to #inbox on slack', ['days', 'left-out'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['08:00'], 'weekdays'),
    destinations: [channel('#inbox', 'slack')],
    filters: [],
  }),
  row('when someone mentions me in slack email me', ['event', 'chat-mention'], {
    integrations: ['slack'],
    trigger: event('slack', 'new_message'),
  }),
  row('every time i get mentioned in teams send me an email', ['event', 'chat-mention'], {
    integrations: ['teams'],
    trigger: event('teams', 'new_message'),
  }),
  row('alert me in slack when someone @mentions our brand', ['event', 'dm'], {
    integrations: ['slack', 'twitter'],
    trigger: event('twitter', 'new_mention'),
    destinations: [dm('slack')],
  }),
  // Mailed to me: said by the verb before "to me" or after it ("by email"), or after an arrow.
  row('every friday summarize #support on slack and email it to me', ['dm', 'email'], {
    integrations: ['slack'],
    trigger: at(['09:00'], ['fri']),
    destinations: [dm()],
  }),
  row('summarize #support on slack every friday and send it to me by email', ['dm', 'email'], {
    integrations: ['slack'],
    trigger: at(['09:00'], ['fri']),
    destinations: [dm()],
  }),
  row('new jira tickets → my email', ['arrow', 'event', 'dm', 'email'], {
    integrations: ['jira'],
    trigger: event('jira', 'new_issue'),
    destinations: [dm()],
  }),
  row('every monday email my team a summary of open hubspot deals', ['email'], {
    integrations: ['hubspot'],
    trigger: at(['09:00'], ['mon']),
  }),
  // "dm me …", "message me …": the agent's verb, not a message read.
  row('dm me new hubspot deals on slack', ['event', 'dm'], {
    integrations: ['hubspot', 'slack'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [dm('slack')],
  }),
  row('message me new zendesk tickets on teams', ['event', 'dm'], {
    integrations: ['zendesk', 'teams'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [dm('teams')],
  }),
];
