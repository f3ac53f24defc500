/**
 * First messages with misspelled tool names (a letter missing, doubled, swapped or wrong) and odd casing.
 * Written as people type them in a chat box; the expectations are what a careful reader concludes.
 */
import type { PhrasingCase } from './phrasing-case.js';
import { at, channel, dm, event, everyHours, everyMinutes, filter as f, into, mail, MANUAL, monthly, on, row, VAGUE } from './expect-builders.js';

export const TYPO_MESSAGES: PhrasingCase[] = [
  row('post a summary of my unread emails to slakc every morning at 8', ['typo', 'filter-unread'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['08:00'], 'daily'),
    filters: [f.unread()],
  }),
  row('can you make something that sends new jria tickets to #eng-triage', ['typo', 'channel-destination'], {
    integrations: ['jira'],
    destinations: [channel('#eng-triage')],
  }),
  row('backup my dropbx invoices folder into google drive every sunday night at 11pm', ['typo', 'filter-label', 'keyword-trap'], {
    integrations: ['dropbox', 'google_drive'],
    trigger: at(['23:00'], ['sun']),
    filters: [f.label('invoices')],
  }),
  row('summarize my gmial inbox and dm me on slack at 7am', ['typo', 'dm'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['07:00']),
    destinations: [dm('slack')],
  }),
  row('i want a daily digest of new notoin pages in our team wiki sent to teams', ['typo', 'keyword-trap'], {
    integrations: ['notion', 'teams'],
    trigger: on('daily'),
  }),
  row('every monday move overdue trelo cards into a list and tell #pm on slack', ['typo', 'channel-destination'], {
    integrations: ['trello', 'slack'],
    trigger: on(['mon']),
    destinations: [channel('#pm', 'slack')],
  }),
  row('when a new deal is created in hubspto ping #sales', ['typo', 'event'], {
    integrations: ['hubspot'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#sales')],
  }),
  row('forward anything from my boss in outlok to my phone as a text', ['typo', 'filter-from', 'dm'], {
    trigger: event('outlook', 'new_email'),
    destinations: [dm()],
    filters: [f.from('my boss')],
  }),
  row('githbu pull requests waiting for review -> slack #code-review at 10am weekdays', ['typo', 'terse'], {
    integrations: ['github', 'slack'],
    trigger: at(['10:00'], 'weekdays'),
    destinations: [channel('#code-review', 'slack')],
  }),
  row('new issues in linaer should go to #product right away', ['typo', 'event'], {
    integrations: ['linear'],
    trigger: event('linear', 'new_issue'),
    destinations: [channel('#product')],
  }),
  row('hey pls make a bot that checks stirpe for failed payments and emails me', ['typo', 'event', 'dm'], {
    trigger: event('stripe', 'payment_failed'),
    destinations: [dm()],
  }),
  row('i need zendsk tickets marked urgent posted in the support channel on slack', ['typo', 'filter-priority'], {
    integrations: ['zendesk', 'slack'],
    destinations: [channel('#support', 'slack')],
    filters: [f.priority('urgent')],
  }),
  row('copy every new airtabel record into a google sheet', ['typo', 'event'], {
    integrations: ['airtable', 'google_sheets'],
    trigger: event('airtable', 'new_record'),
    destinations: [into('google_sheets')],
  }),
  row('shopfiy orders over $200 should be posted to #big-orders in slack', ['typo', 'filter-amount'], {
    integrations: ['shopify', 'slack'],
    destinations: [channel('#big-orders', 'slack')],
    filters: [f.amount('>', 200)],
  }),
  row('send new confluense pages to the #docs channel in teams every friday at 4pm', ['typo'], {
    integrations: ['confluence', 'teams'],
    trigger: at(['16:00'], ['fri']),
    destinations: [channel('#docs', 'teams')],
  }),
  row('every morning at 9 pull new leads from salesfroce and dm me on slack', ['typo', 'dm'], {
    integrations: ['salesforce', 'slack'],
    trigger: at(['09:00'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('post my gogle calendar for the day to slack at 7:30', ['typo'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['07:30']),
  }),
  row('when someone mentions us on twiter post it in #social', ['typo', 'event'], {
    integrations: ['twitter'],
    trigger: event('twitter', 'new_mention'),
    destinations: [channel('#social')],
  }),
  row('discrod new messages in #announcements forwarded to my email', ['typo', 'source-channel', 'dm'], {
    trigger: event('discord', 'new_message'),
    destinations: [dm()],
  }),
  row('create an asnaa task every time a new row is added to the hiring spreadsheet', ['typo', 'event'], {
    integrations: ['asana', 'google_sheets'],
    trigger: event('google_sheets', 'new_row'),
    destinations: [into('asana')],
  }),
  row('SLACK me a list of open JIRA bugs every weekday at 9', ['casing', 'filter-status', 'dm'], {
    integrations: ['jira', 'slack'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [dm('slack')],
    filters: [f.status('open')],
  }),
  row('GMail -> Notion, every new email from acme.com becomes a page', ['casing', 'event', 'filter-from'], {
    integrations: ['gmail', 'notion'],
    trigger: event('gmail', 'new_email'),
    destinations: [into('notion')],
    filters: [f.from('acme.com')],
  }),
  row('gitHub issues labelled bug into Linear pls', ['casing', 'filter-label'], {
    integrations: ['github', 'linear'],
    destinations: [into('linear')],
    filters: [f.label('bug')],
  }),
  row('HubSpot new contacts -> SLACK #growth', ['casing', 'event', 'terse'], {
    integrations: ['hubspot', 'slack'],
    trigger: event('hubspot', 'new_contact'),
    destinations: [channel('#growth', 'slack')],
  }),
  row('slcak digest of #general every evening at 6pm to my dms', ['typo', 'source-channel', 'dm'], {
    integrations: ['slack'],
    trigger: at(['18:00'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('i use oulook at work. can you flag emails from hr@acme.com and send me a teams message', ['typo', 'filter-from', 'dm', 'keyword-trap'], {
    integrations: ['outlook', 'teams'],
    destinations: [dm('teams')],
    filters: [f.from('hr@acme.com')],
  }),
  row('remind the team in micrsoft teams about the standup every weekday at 9:45', ['typo'], {
    integrations: ['teams'],
    trigger: at(['09:45'], 'weekdays'),
  }),
  row('at noon every day put new dropobx files in a list in notion', ['typo', 'time-form'], {
    integrations: ['dropbox', 'notion'],
    trigger: at(['12:00'], 'daily'),
    destinations: [into('notion')],
  }),
  row('could you set up something for jirra that messages me on slack when a p1 comes in', ['typo', 'event', 'filter-priority', 'dm'], {
    integrations: ['jira', 'slack'],
    trigger: event('jira', 'new_issue'),
    destinations: [dm('slack')],
    filters: [f.priority('p1')],
  }),
  row('gmal receipts to a google sheets every friday', ['typo'], {
    integrations: ['gmail', 'google_sheets'],
    trigger: on(['fri']),
    destinations: [into('google_sheets')],
  }),
  row('notion meeting notes from this week emailed to team@acme.com friday 5pm', ['email-destination'], {
    trigger: at(['17:00'], ['fri']),
    destinations: [mail('team@acme.com')],
  }),
  row('every 30 min check trllo for new cards in the bugs board and post to discord', ['typo', 'interval'], {
    integrations: ['trello', 'discord'],
    trigger: everyMinutes(30),
  }),
  row('heyy can u send the new shopiffy orders to my slack each night at 10', ['typo', 'dm'], {
    integrations: ['shopify', 'slack'],
    trigger: at(['22:00'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('Salesforse opportunities over 10k to the #deals channel as soon as they are created', ['typo', 'event', 'filter-amount'], {
    integrations: ['salesforce'],
    trigger: event('salesforce', 'new_opportunity'),
    destinations: [channel('#deals')],
    filters: [f.amount('>', 10000)],
  }),
  row('gooogle drive new files in the contracts folder to slack #legal', ['typo', 'event', 'filter-label'], {
    integrations: ['google_drive', 'slack'],
    trigger: event('google_drive', 'new_file'),
    destinations: [channel('#legal', 'slack')],
    filters: [f.label('contracts')],
  }),
  row('when a linar ticket is created tag me in teams', ['typo', 'event'], {
    integrations: ['linear', 'teams'],
    trigger: event('linear', 'new_issue'),
  }),
  row('airtalbe base for inventory, post a weekly summary to #ops on slack on mondays', ['typo'], {
    integrations: ['airtable', 'slack'],
    trigger: on(['mon']),
    destinations: [channel('#ops', 'slack')],
  }),
  row('zendeks new tickets from vip customers -> #vip-support on slack', ['typo', 'event', 'filter-from'], {
    integrations: ['zendesk', 'slack'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#vip-support', 'slack')],
    filters: [f.from('vip customers')],
  }),
  row('post my calender for tomorrow to slack every evening at 8pm', ['typo'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['20:00'], 'daily'),
  }),
  row('gihtub: when a PR is opened in our api repo ping #backend', ['typo', 'event'], {
    integrations: ['github'],
    trigger: event('github', 'new_pull_request'),
    destinations: [channel('#backend')],
  }),
  row('i want my slack saved messages copied to notoin every sunday', ['typo'], {
    integrations: ['slack', 'notion'],
    trigger: on(['sun']),
    destinations: [into('notion')],
  }),
  row('stripe failed paymnets to a google sheet + slack #finance', ['multi-destination', 'event'], {
    integrations: ['stripe', 'google_sheets', 'slack'],
    trigger: event('stripe', 'payment_failed'),
    destinations: [into('google_sheets'), channel('#finance', 'slack')],
  }),
  row('hubpsot deals closing this week, summary to my gmail inbox monday 8am', ['typo', 'dm'], {
    integrations: ['hubspot', 'gmail'],
    trigger: at(['08:00'], ['mon']),
    destinations: [dm('gmail')],
  }),
  row('jiar tickets assigned to me that are still in progress, dm on slack at 4:30pm daily', ['typo', 'filter-status', 'dm'], {
    integrations: ['jira', 'slack'],
    trigger: at(['16:30'], 'daily'),
    destinations: [dm('slack')],
    filters: [f.status('in progress')],
  }),
  row('Slack  #random  highlights to TEAMS  general once a week', ['casing'], {
    integrations: ['slack', 'teams'],
  }),
  row('DROPBOX new file -> tell me on Slack', ['casing', 'event', 'dm', 'terse'], {
    integrations: ['dropbox', 'slack'],
    trigger: event('dropbox', 'new_file'),
    destinations: [dm('slack')],
  }),
  row('NoTiOn tasks due today to my Slack DMs at 7', ['casing', 'dm'], {
    integrations: ['notion', 'slack'],
    trigger: at(['07:00']),
    destinations: [dm('slack')],
  }),
  row('i manage a shopify stoer, pls send me a text when an order is placed', ['typo', 'event', 'dm'], {
    trigger: event('shopify', 'new_order'),
    destinations: [dm()],
  }),
  row('trello card added -> asana task, no notifications needed', ['event'], {
    integrations: ['trello', 'asana'],
    trigger: event('trello', 'new_card'),
    destinations: [into('asana')],
  }),
  row('every hour grab new rows from goolge sheets and add them to airtable', ['typo', 'interval'], {
    integrations: ['google_sheets', 'airtable'],
    trigger: everyHours(1),
    destinations: [into('airtable')],
  }),
  row('teh weekly sales numbers from salesforce to #leadership every monday at 8:30', ['typo'], {
    integrations: ['salesforce'],
    trigger: at(['08:30'], ['mon']),
    destinations: [channel('#leadership')],
  }),
  row('summarise githib issues tagged good first issue and post them to discord each saturday', ['typo', 'filter-label'], {
    integrations: ['github', 'discord'],
    trigger: on(['sat']),
    filters: [f.label('good first issue')],
  }),
  row('gmaill -> slack when my landlord emails', ['typo', 'event', 'filter-from'], {
    integrations: ['gmail', 'slack'],
    trigger: event('gmail', 'new_email'),
    filters: [f.from('my landlord')],
  }),
  row('please set up a weekly linear report for #eng, monday 9:15am', ['polite'], {
    integrations: ['linear'],
    trigger: at(['09:15'], ['mon']),
    destinations: [channel('#eng')],
  }),
  row('my outlookk calendar invites... actually no just my outlook emails from the school, text me when one comes in', ['typo', 'event', 'filter-from', 'dm'], {
    trigger: event('outlook', 'new_email'),
    destinations: [dm()],
    filters: [f.from('the school')],
  }),
  row('discord server #bugs new posts -> jira tickets', ['event', 'source-channel'], {
    integrations: ['discord', 'jira'],
    trigger: event('discord', 'new_message'),
    destinations: [into('jira')],
  }),
  row('need a zap-like thing: new typeform... no sorry new airtble record -> slack #signups', ['typo', 'event'], {
    integrations: ['airtable', 'slack'],
    trigger: event('airtable', 'new_record'),
    destinations: [channel('#signups', 'slack')],
  }),
  row('confulence page published -> teams #announcements', ['typo', 'event', 'terse'], {
    integrations: ['confluence', 'teams'],
    trigger: event('confluence', 'new_page'),
    destinations: [channel('#announcements', 'teams')],
  }),
  row('hey!! can u watch my gmial for emails from the bank and ping me on slakc 🙏', ['typo', 'emoji', 'event', 'filter-from', 'dm'], {
    integrations: ['gmail', 'slack'],
    trigger: event('gmail', 'new_email'),
    destinations: [dm('slack')],
    filters: [f.from('the bank')],
  }),
  row('new asana tasks assigned to me → my slack dms', ['event', 'dm'], {
    integrations: ['asana', 'slack'],
    trigger: event('asana', 'new_task'),
    destinations: [dm('slack')],
  }),
  row('send me (via slak) a list of stripe charges above 1000 every day at 6pm', ['typo', 'filter-amount', 'dm'], {
    integrations: ['stripe', 'slack'],
    trigger: at(['18:00'], 'daily'),
    destinations: [dm('slack')],
    filters: [f.amount('>', 1000)],
  }),
  row('zendesk → jira for tickets with priority high, runs every 15 mins', ['interval', 'filter-priority'], {
    integrations: ['zendesk', 'jira'],
    trigger: everyMinutes(15),
    destinations: [into('jira')],
    filters: [f.priority('high')],
  }),
  row('GITHUB + SLACK. new issues. #dev-alerts.', ['casing', 'event', 'terse'], {
    integrations: ['github', 'slack'],
    trigger: event('github', 'new_issue'),
    destinations: [channel('#dev-alerts', 'slack')],
  }),
  row('gCal meetings for tomorrow → my Slack DM every night 9pm', ['casing', 'dm'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['21:00'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('my google sheeets budget tab - post it to #finance on teams when it changes? actually just weekly on fridays', ['typo'], {
    integrations: ['google_sheets', 'teams'],
    trigger: on(['fri']),
    destinations: [channel('#finance', 'teams')],
  }),
  row('save every attachment from gmial to dropbox', ['typo', 'event'], {
    integrations: ['gmail', 'dropbox'],
    trigger: event('gmail', 'new_email'),
    destinations: [into('dropbox')],
  }),
  row('trelllo board "content calendar" cards due this week to slack #content mon 9am', ['typo', 'keyword-trap'], {
    integrations: ['trello', 'slack'],
    trigger: at(['09:00'], ['mon']),
    destinations: [channel('#content', 'slack')],
  }),
  row('could you make an agent that posts new linera issues with label customer to #cs', ['typo', 'event', 'filter-label'], {
    integrations: ['linear'],
    trigger: event('linear', 'new_issue'),
    destinations: [channel('#cs')],
    filters: [f.label('customer')],
  }),
  row('every weekday at 8 send me the open zendesk tickets count on temas', ['typo', 'filter-status', 'dm'], {
    integrations: ['zendesk', 'teams'],
    trigger: at(['08:00'], 'weekdays'),
    destinations: [dm('teams')],
    filters: [f.status('open')],
  }),
  row('notion databse new entries → airtable', ['event'], {
    integrations: ['notion', 'airtable'],
    trigger: event('notion', 'new_page'),
    destinations: [into('airtable')],
  }),
  row('when a paymnet succeeds on stripe add a row in my sales sheet', ['event'], {
    integrations: ['stripe', 'google_sheets'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [into('google_sheets')],
  }),
  row('Outlook emails with "invoice" in the subject → dropbox folder', ['casing', 'filter-keyword', 'keyword-trap'], {
    integrations: ['outlook', 'dropbox'],
    destinations: [into('dropbox')],
    filters: [f.keyword('invoice')],
  }),
  row('jira + confluence: every friday at 3 make a confluence page with the tickets closed this week', ['filter-status'], {
    integrations: ['jira', 'confluence'],
    trigger: at(['15:00'], ['fri']),
    destinations: [into('confluence')],
    filters: [f.status('closed')],
  }),
  row('slack mesages in #incidents that mention sev1 -> email oncall@acme.com', ['source-channel', 'filter-keyword'], {
    destinations: [mail('oncall@acme.com')],
    filters: [f.keyword('sev1')],
  }),
  row('i want dropbox uploads mirrored to gogle drive', ['typo', 'event'], {
    integrations: ['dropbox', 'google_drive'],
    trigger: event('dropbox', 'new_file'),
    destinations: [into('google_drive')],
  }),
  row('every monday and thursday at 10 send the hubsopt pipeline to #sales-team', ['typo', 'specific-days'], {
    integrations: ['hubspot'],
    trigger: at(['10:00'], ['mon', 'thu']),
    destinations: [channel('#sales-team')],
  }),
  row('my twtter mentions, summarized, to my dms on slack every evening 7pm', ['typo', 'dm'], {
    integrations: ['twitter', 'slack'],
    trigger: at(['19:00'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('ms temas message to #general when a new shopify order over 500 comes in', ['typo', 'event', 'filter-amount'], {
    integrations: ['teams', 'shopify'],
    trigger: event('shopify', 'new_order'),
    destinations: [channel('#general', 'teams')],
    filters: [f.amount('>', 500)],
  }),
  row('summarize unread slack dms and send them to my gmail at 5pm', ['filter-unread', 'dm'], {
    integrations: ['slack', 'gmail'],
    trigger: at(['17:00']),
    destinations: [dm('gmail')],
    filters: [f.unread()],
  }),
  row('whenever i ask, pull the latest githubb issues into a notion page', ['typo', 'manual'], {
    integrations: ['github', 'notion'],
    trigger: MANUAL,
    destinations: [into('notion')],
  }),
  row('on demand: asana tasks overdue → slak #ops', ['typo', 'manual', 'filter-status'], {
    integrations: ['asana', 'slack'],
    trigger: MANUAL,
    destinations: [channel('#ops', 'slack')],
    filters: [f.status('overdue')],
  }),
  row('1st of every month at 9 email the stripe revenue total to ceo@acme.com', ['day-of-month', 'email-destination'], {
    trigger: monthly(1, ['09:00']),
    destinations: [mail('ceo@acme.com')],
  }),
  row('dropboks photos folder new files → my teams chat', ['typo', 'event', 'dm'], {
    integrations: ['dropbox', 'teams'],
    trigger: event('dropbox', 'new_file'),
    destinations: [dm('teams')],
  }),
  row('i run a small etsy-ish shop on shoppify, text me every new order pls', ['typo', 'event', 'dm'], {
    trigger: event('shopify', 'new_order'),
    destinations: [dm()],
  }),
  row('quarter past 9 every weekday, jira sprint board summary to teems #dev', ['typo', 'time-form'], {
    integrations: ['jira', 'teams'],
    trigger: at(['09:15'], 'weekdays'),
    destinations: [channel('#dev', 'teams')],
  }),
  row('summary of salesforce leads from yesterday to slack, 0830 daily', ['time-form'], {
    integrations: ['salesforce', 'slack'],
    trigger: at(['08:30'], 'daily'),
  }),
  row('when a new contact appears in hubspot, add it to my airtabel crm table', ['typo', 'event'], {
    integrations: ['hubspot', 'airtable'],
    trigger: event('hubspot', 'new_contact'),
    destinations: [into('airtable')],
  }),
  row('goggle calendar meetings starting soon → slack dm', ['typo', 'event', 'dm'], {
    integrations: ['google_calendar', 'slack'],
    trigger: event('google_calendar', 'event_starting'),
    destinations: [dm('slack')],
  }),
  row('i keep missing emails from the teacher. gmali → text me whenever she writes', ['typo', 'event', 'filter-from', 'dm'], {
    trigger: event('gmail', 'new_email'),
    destinations: [dm()],
    filters: [f.from('the teacher')],
  }),
  row('new files in google drvie shared folder "clients" go to slack #clients', ['typo', 'event', 'filter-label'], {
    integrations: ['google_drive', 'slack'],
    trigger: event('google_drive', 'new_file'),
    destinations: [channel('#clients', 'slack')],
    filters: [f.label('clients')],
  }),
  row('Every Friday @ 4:45PM post the github release notes to Discord', ['casing', 'time-form'], {
    integrations: ['github', 'discord'],
    trigger: at(['16:45'], ['fri']),
  }),
  row('zendesk tickets tagged refund AND stripe refunds, match them, email me a report weekly', ['dm'], {
    destinations: [dm()],
  }),
  row('slack #customer-feedback -> notion database, evry day at 6', ['typo', 'source-channel'], {
    integrations: ['slack', 'notion'],
    destinations: [into('notion')],
  }),
  row('I would love a little assistant that sends my Outlok unread count to Teams at 9 and 2', ['typo', 'multi-time', 'filter-unread', 'polite'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['09:00', '14:00']),
    filters: [f.unread()],
  }),
  row('linaer + githbu: when a PR is opened link it to the linear issue', ['typo', 'event'], {
    integrations: ['linear', 'github'],
    trigger: event('github', 'new_pull_request'),
  }),
  row('jira blockers (priority highest) to #standup on slack at 9.30 weekdays', ['filter-priority', 'time-form'], {
    integrations: ['jira', 'slack'],
    trigger: at(['09:30'], 'weekdays'),
    destinations: [channel('#standup', 'slack')],
    filters: [f.priority('highest')],
  }),
  row('any new trello card with the label urgent → text me', ['event', 'filter-label', 'dm'], {
    trigger: event('trello', 'new_card'),
    destinations: [dm()],
    filters: [f.label('urgent')],
  }),
  row('AIRTABLE new records from the signup form to our MAILBOX? no, to slack #signups', ['casing', 'event'], {
    integrations: ['airtable', 'slack'],
    trigger: event('airtable', 'new_record'),
    destinations: [channel('#signups', 'slack')],
  }),
  row('confluece weekly digest of updated pages, to #docs on discord mondays', ['typo'], {
    integrations: ['confluence', 'discord'],
    trigger: on(['mon']),
    destinations: [channel('#docs', 'discord')],
  }),
  row('salesfore new lead → hubspot contact', ['typo', 'event', 'terse'], {
    integrations: ['salesforce', 'hubspot'],
    trigger: event('salesforce', 'new_lead'),
    destinations: [into('hubspot')],
  }),
  row('asana tasks due tomorrow send to my slak at 5 pm', ['typo', 'dm'], {
    integrations: ['asana', 'slack'],
    trigger: at(['17:00']),
    destinations: [dm('slack')],
  }),
  row('tweets mentioning our brand in twittr → #marketing in teams', ['typo', 'event'], {
    integrations: ['twitter', 'teams'],
    trigger: event('twitter', 'new_mention'),
    destinations: [channel('#marketing', 'teams')],
  }),
  row('discorrd #feedback messages into a google sheet every night at midnight', ['typo', 'source-channel', 'time-form'], {
    integrations: ['discord', 'google_sheets'],
    trigger: at(['00:00'], 'daily'),
    destinations: [into('google_sheets')],
  }),
  row('gmail labelled "to-pay" -> trello card in the bills board', ['filter-label'], {
    integrations: ['gmail', 'trello'],
    destinations: [into('trello')],
    filters: [f.label('to-pay')],
  }),
  row('notin page for each new calendar event', ['typo', 'event'], {
    integrations: ['notion', 'google_calendar'],
    trigger: event('google_calendar', 'new_event'),
    destinations: [into('notion')],
  }),
  row('hubspot deals over 5000 dollars → slakc #wins every afternoon at 3', ['typo', 'filter-amount'], {
    integrations: ['hubspot', 'slack'],
    trigger: at(['15:00'], 'daily'),
    destinations: [channel('#wins', 'slack')],
    filters: [f.amount('>', 5000)],
  }),
  row('sometime in the morning send me my jira queue on slack', ['vague-time', 'dm'], {
    integrations: ['jira', 'slack'],
    trigger: VAGUE,
    destinations: [dm('slack')],
  }),
  row('slack.. i mean Slack. #eng-oncall gets the pagerduty... no, the github issues labelled incident, every 10 minutes', ['casing', 'interval', 'filter-label'], {
    integrations: ['slack', 'github'],
    trigger: everyMinutes(10),
    destinations: [channel('#eng-oncall', 'slack')],
    filters: [f.label('incident')],
  }),
  row('linear issues status done this week → notion changelog page, fridays 5pm', ['filter-status'], {
    integrations: ['linear', 'notion'],
    trigger: at(['17:00'], ['fri']),
    destinations: [into('notion')],
    filters: [f.status('done')],
  }),
  row('shopify orders from canada only, post to teams #ca-sales', ['channel-destination'], {
    integrations: ['shopify', 'teams'],
    destinations: [channel('#ca-sales', 'teams')],
  }),
  row('pls connect gmial and notoin so my newsletters get saved as pages', ['typo'], {
    integrations: ['gmail', 'notion'],
    destinations: [into('notion')],
  }),
  row('jira tickets not updated in a week → dm the assignee in slakk every morning 9', ['typo'], {
    integrations: ['jira', 'slack'],
    trigger: at(['09:00'], 'daily'),
  }),
  row('OUTLOOK inbox -> Teams, only emails marked important, every 2 hrs', ['casing', 'interval', 'filter-priority', 'keyword-trap'], {
    integrations: ['outlook', 'teams'],
    trigger: everyHours(2),
    filters: [f.priority('important')],
  }),
  row('when a new file lands in the dropbox "scans" folder, add a row to google sheets', ['event', 'filter-label'], {
    integrations: ['dropbox', 'google_sheets'],
    trigger: event('dropbox', 'new_file'),
    destinations: [into('google_sheets')],
    filters: [f.label('scans')],
  }),
  row('daily 7am: gcal agenda + gmail unread count → my slack dm', ['multi-source', 'dm'], {
    integrations: ['google_calendar', 'gmail', 'slack'],
    trigger: at(['07:00'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('hey so i use asnana for chores with my kids, can it text me when a task is added', ['typo', 'event', 'dm'], {
    trigger: event('asana', 'new_task'),
    destinations: [dm()],
  }),
  row('Zendesk tickets with status pending > 3 days, post to #support-leads on Slack each morning at 8:15', ['casing', 'filter-status'], {
    integrations: ['zendesk', 'slack'],
    trigger: at(['08:15'], 'daily'),
    destinations: [channel('#support-leads', 'slack')],
    filters: [f.status('pending')],
  }),
  row('every sunday evening 8pm slack me a summary of my gogle drive changes', ['typo', 'dm'], {
    integrations: ['google_drive', 'slack'],
    trigger: at(['20:00'], ['sun']),
    destinations: [dm('slack')],
  }),
  row('stripe payouts... i mean stripe payments over 250 euros into airtabl', ['typo', 'filter-amount'], {
    integrations: ['stripe', 'airtable'],
    destinations: [into('airtable')],
    filters: [f.amount('>', 250)],
  }),
  row('whenever someone opens an isue on github make a trello card', ['event'], {
    integrations: ['github', 'trello'],
    trigger: event('github', 'new_issue'),
    destinations: [into('trello')],
  }),
];
