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
