/**
 * First messages about when an agent runs: clock times in every common form, several times a day, days of
 * the week, weekends, day of the month, intervals, and vague times that must get a question, not a guess.
 */
import type { PhrasingCase } from './phrasing-case.js';
import { at, channel, dm, everyHours, everyMinutes, filter as f, into, mail, monthly, on, row, VAGUE } from './expect-builders.js';

export const TIME_MESSAGES: PhrasingCase[] = [
  row('at quarter to nine every weekday post the jira standup list to #dev on slack', ['time-form', 'weekdays'], {
    integrations: ['jira', 'slack'],
    trigger: at(['08:45'], 'weekdays'),
    destinations: [channel('#dev', 'slack')],
  }),
  row('ten past six every morning send me my gmail unread count on slack', ['time-form', 'dm'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['06:10'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('0930 daily, hubspot new deals to #sales', ['time-form', 'terse'], {
    integrations: ['hubspot'],
    trigger: at(['09:30'], 'daily'),
    destinations: [channel('#sales')],
  }),
  row('at 6.15pm every day post the stripe totals in #finance on slack', ['time-form'], {
    integrations: ['stripe', 'slack'],
    trigger: at(['18:15'], 'daily'),
    destinations: [channel('#finance', 'slack')],
  }),
  row('18:30 every weekday: summary of the #support channel to my slack dm', ['time-form', 'source-channel', 'dm'], {
    integrations: ['slack'],
    trigger: at(['18:30'], 'weekdays'),
    destinations: [dm('slack')],
  }),
  row('every day at noon post the lunch menu from our notion page to teams #office', ['time-form'], {
    integrations: ['notion', 'teams'],
    trigger: at(['12:00'], 'daily'),
    destinations: [channel('#office', 'teams')],
  }),
  row('at midnight back up the airtable base to google drive', ['time-form'], {
    integrations: ['airtable', 'google_drive'],
    trigger: at(['00:00']),
    destinations: [into('google_drive')],
  }),
  row('half past 7 in the evening text me what is on my google calendar tomorrow', ['time-form', 'dm'], {
    trigger: at(['19:30']),
    destinations: [dm()],
  }),
  row('slack me at 9 and 5 with the open zendesk tickets', ['multi-time', 'dm', 'filter-status'], {
    integrations: ['zendesk', 'slack'],
    trigger: at(['09:00', '17:00']),
    destinations: [dm('slack')],
    filters: [f.status('open')],
  }),
  row('on the 1st of every month email the shopify sales report to owner@example.com', ['day-of-month', 'email-destination'], {
    trigger: monthly(1),
    destinations: [mail('owner@example.com')],
  }),
  row('every saturday and sunday at 10am post the weekend discord highlights to #community', ['weekends', 'time-form'], {
    integrations: ['discord'],
    trigger: at(['10:00'], 'weekends'),
    destinations: [channel('#community')],
  }),
  row('mon wed fri at 8 send me the new github issues on slack', ['specific-days', 'dm'], {
    integrations: ['github', 'slack'],
    trigger: at(['08:00'], ['mon', 'wed', 'fri']),
    destinations: [dm('slack')],
  }),
  row('every 15 min check for new rows in the orders sheet and post them to #warehouse on slack', ['interval', 'keyword-trap'], {
    integrations: ['google_sheets', 'slack'],
    trigger: everyMinutes(15),
    destinations: [channel('#warehouse', 'slack')],
  }),
  row('every 2 hours post the twitter mentions to #social', ['interval'], {
    integrations: ['twitter'],
    trigger: everyHours(2),
    destinations: [channel('#social')],
  }),
  row('in the morning send me the trello cards due today', ['vague-time', 'dm'], {
    trigger: VAGUE,
    destinations: [dm()],
  }),
  row('sometime in the afternoon post a summary of the linear board to #product', ['vague-time'], {
    integrations: ['linear'],
    trigger: VAGUE,
    destinations: [channel('#product')],
  }),
  row('regularly check my outlook for emails from the bank and tell me on teams', ['vague-time', 'filter-from', 'dm', 'keyword-trap'], {
    integrations: ['outlook', 'teams'],
    trigger: VAGUE,
    destinations: [dm('teams')],
    filters: [f.from('the bank')],
  }),
  row('send me my asana tasks around 9ish on slack', ['vague-time', 'dm'], {
    integrations: ['asana', 'slack'],
    trigger: VAGUE,
    destinations: [dm('slack')],
  }),
  row('every weekday at 7:30am email me the weather... no, my google calendar for the day', ['time-form', 'weekdays', 'dm'], {
    trigger: at(['07:30'], 'weekdays'),
    destinations: [dm()],
  }),
  row('at 8am, 1pm and 6pm post the new shopify orders to slack #orders', ['multi-time'], {
    integrations: ['shopify', 'slack'],
    trigger: at(['08:00', '13:00', '18:00']),
    destinations: [channel('#orders', 'slack')],
  }),
  row('every hour on the hour post new salesforce leads to #sdr', ['interval'], {
    integrations: ['salesforce'],
    trigger: everyHours(1),
    destinations: [channel('#sdr')],
  }),
  row('hourly: new zendesk tickets to teams #support', ['interval', 'terse'], {
    integrations: ['zendesk', 'teams'],
    trigger: everyHours(1),
    destinations: [channel('#support', 'teams')],
  }),
  row('twice a day, 10 and 4, send the open pull requests on github to #reviews', ['multi-time', 'filter-status'], {
    integrations: ['github'],
    trigger: at(['10:00', '16:00']),
    destinations: [channel('#reviews')],
    filters: [f.status('open')],
  }),
  row('on the 15th of each month at 9am remind #payroll on slack to run payroll from the airtable sheet', ['day-of-month', 'time-form'], {
    integrations: ['airtable', 'slack'],
    trigger: monthly(15, ['09:00']),
    destinations: [channel('#payroll', 'slack')],
  }),
  row('every sunday at 7pm send the family a list of next week’s school events from my google calendar to family@example.com', ['time-form', 'email-destination', 'parent'], {
    trigger: at(['19:00'], ['sun']),
    destinations: [mail('family@example.com')],
  }),
  row('every day at 23:59 put the days stripe payments into a google sheet', ['time-form', 'daily'], {
    integrations: ['stripe', 'google_sheets'],
    trigger: at(['23:59'], 'daily'),
    destinations: [into('google_sheets')],
  }),
  row('tues and thurs at 2pm post the jira bugs list to #qa', ['specific-days', 'time-form'], {
    integrations: ['jira'],
    trigger: at(['14:00'], ['tue', 'thu']),
    destinations: [channel('#qa')],
  }),
  row('every mon at 9 send the team the notion roadmap in slack #general', ['specific-days'], {
    integrations: ['notion', 'slack'],
    trigger: at(['09:00'], ['mon']),
    destinations: [channel('#general', 'slack')],
  }),
  row('weekends only, 9am, send my personal gmail digest to my phone', ['weekends', 'dm'], {
    trigger: at(['09:00'], 'weekends'),
    destinations: [dm()],
  }),
  row('every 5 minutes check stripe for failed charges and ping #billing-alerts', ['interval'], {
    integrations: ['stripe'],
    trigger: everyMinutes(5),
    destinations: [channel('#billing-alerts')],
  }),
  row('every 30 mins sync new hubspot contacts into airtable', ['interval'], {
    integrations: ['hubspot', 'airtable'],
    trigger: everyMinutes(30),
    destinations: [into('airtable')],
  }),
  row('each weekday at 5:30 pm summarize what changed in confluence and post it to teams #eng', ['time-form', 'weekdays'], {
    integrations: ['confluence', 'teams'],
    trigger: at(['17:30'], 'weekdays'),
    destinations: [channel('#eng', 'teams')],
  }),
  row('quarter past ten every friday post the week’s closed linear issues to #wins', ['time-form', 'filter-status'], {
    integrations: ['linear'],
    trigger: at(['10:15'], ['fri']),
    destinations: [channel('#wins')],
    filters: [f.status('closed')],
  }),
  row('twenty to five on weekdays remind me on slack to log my hours in the timesheet spreadsheet', ['time-form', 'weekdays', 'dm'], {
    trigger: at(['16:40'], 'weekdays'),
    destinations: [dm('slack')],
  }),
  row('half 8 every morning, my outlook unread emails summarised to teams', ['time-form', 'filter-unread'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['08:30'], 'daily'),
    filters: [f.unread()],
  }),
  row('at 1300 daily post the discord #help questions nobody answered to #mods', ['time-form', 'source-channel'], {
    integrations: ['discord'],
    trigger: at(['13:00'], 'daily'),
    destinations: [channel('#mods')],
  }),
  row('every evening at 9:15pm send me a notion page with tomorrow’s asana tasks', ['time-form'], {
    integrations: ['asana', 'notion'],
    trigger: at(['21:15'], 'daily'),
  }),
  row('7 a.m. weekdays: new gmail from clients → slack dm', ['time-form', 'dm'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['07:00'], 'weekdays'),
    destinations: [dm('slack')],
  }),
  row('every day at 5 in the afternoon post the trello done column to #standup', ['time-form', 'filter-status'], {
    integrations: ['trello'],
    trigger: at(['17:00'], 'daily'),
    destinations: [channel('#standup')],
    filters: [f.status('done')],
  }),
  row('first thing in the morning send me the hubspot tasks for today', ['vague-time', 'dm'], {
    trigger: VAGUE,
    destinations: [dm()],
  }),
  row('at the end of the day post the github commits summary to #eng', ['vague-time'], {
    integrations: ['github'],
    trigger: VAGUE,
    destinations: [channel('#eng')],
  }),
  row('every now and then remind the team in slack to update jira', ['vague-time'], {
    integrations: ['slack', 'jira'],
    trigger: VAGUE,
  }),
  row('before lunch send me a list of unanswered zendesk tickets', ['vague-time', 'dm'], {
    trigger: VAGUE,
    destinations: [dm()],
  }),
  row('after work every day text me my google calendar for tomorrow', ['vague-time', 'dm'], {
    trigger: VAGUE,
    destinations: [dm()],
  }),
  row('late evening, email me the stripe disputes', ['vague-time', 'dm'], {
    trigger: VAGUE,
    destinations: [dm()],
  }),
  row('every 4 hours post unread slack mentions to my notion inbox page', ['interval', 'filter-unread'], {
    integrations: ['slack', 'notion'],
    trigger: everyHours(4),
    destinations: [into('notion')],
    filters: [f.unread()],
  }),
  row('every 45 minutes check for new airtable records and copy them to google sheets', ['interval'], {
    integrations: ['airtable', 'google_sheets'],
    trigger: everyMinutes(45),
    destinations: [into('google_sheets')],
  }),
  row('every 10 min - new github issues labelled security → #sec on slack', ['interval', 'filter-label'], {
    integrations: ['github', 'slack'],
    trigger: everyMinutes(10),
    destinations: [channel('#sec', 'slack')],
    filters: [f.label('security')],
  }),
  row('last day of the month... no make it the 30th, 10am, email invoices@acme.com the stripe payouts list', ['day-of-month'], {
    trigger: monthly(30, ['10:00']),
    destinations: [mail('invoices@acme.com')],
  }),
  row('every month on the 5th at 8:00 send the salesforce forecast to #exec', ['day-of-month', 'time-form'], {
    integrations: ['salesforce'],
    trigger: monthly(5, ['08:00']),
    destinations: [channel('#exec')],
  }),
  row('monthly on the 20th remind me by email to pay the nanny, pull the hours from my google sheet', ['day-of-month', 'dm', 'parent'], {
    trigger: monthly(20),
    destinations: [dm()],
  }),
  row('2nd of every month at 9:30 am post last month’s shopify numbers to teams #leadership', ['day-of-month', 'time-form'], {
    integrations: ['shopify', 'teams'],
    trigger: monthly(2, ['09:30']),
    destinations: [channel('#leadership', 'teams')],
  }),
  row('every day at 8:05 send me a slack dm with new hubspot deals', ['time-form', 'daily', 'dm'], {
    integrations: ['hubspot', 'slack'],
    trigger: at(['08:05'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('at 9am and 9pm every day copy new dropbox files to google drive', ['multi-time', 'daily'], {
    integrations: ['dropbox', 'google_drive'],
    trigger: at(['09:00', '21:00'], 'daily'),
    destinations: [into('google_drive')],
  }),
  row('8:30 and 12:30 on weekdays: new zendesk tickets to #support-team on slack', ['multi-time', 'weekdays'], {
    integrations: ['zendesk', 'slack'],
    trigger: at(['08:30', '12:30'], 'weekdays'),
    destinations: [channel('#support-team', 'slack')],
  }),
  row('3 times a day (8, 12, 16) post new trello cards to discord', ['multi-time'], {
    integrations: ['trello', 'discord'],
    trigger: at(['08:00', '12:00', '16:00']),
  }),
  row('every saturday morning at 9 send the week’s gmail receipts to my accountant at books@example.com', ['time-form', 'email-destination', 'freelancer'], {
    integrations: ['gmail'],
    trigger: at(['09:00'], ['sat']),
    destinations: [mail('books@example.com')],
  }),
  row('sundays 6pm: post next week’s meetings from google calendar to teams #team', ['specific-days', 'time-form'], {
    integrations: ['google_calendar', 'teams'],
    trigger: at(['18:00'], ['sun']),
    destinations: [channel('#team', 'teams')],
  }),
  row('mon-fri 9:00 jira digest to #eng-standup on slack', ['weekdays', 'time-form', 'terse'], {
    integrations: ['jira', 'slack'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [channel('#eng-standup', 'slack')],
  }),
  row('monday to friday at 17:45 post the support ticket count from zendesk to #cs', ['weekdays', 'time-form'], {
    integrations: ['zendesk'],
    trigger: at(['17:45'], 'weekdays'),
    destinations: [channel('#cs')],
  }),
  row('every wednesday at 11 am post new confluence pages to slack #docs', ['specific-days', 'time-form'], {
    integrations: ['confluence', 'slack'],
    trigger: at(['11:00'], ['wed']),
    destinations: [channel('#docs', 'slack')],
  }),
  row('thursdays at 4 post the linear cycle progress to #product', ['specific-days'], {
    integrations: ['linear'],
    trigger: on(['thu']),
    destinations: [channel('#product')],
  }),
  row('every tuesday 14:00 email the airtable content calendar to content@acme.com', ['specific-days', 'time-form', 'email-destination'], {
    trigger: at(['14:00'], ['tue']),
    destinations: [mail('content@acme.com')],
  }),
  row('daily at 6am send new stripe customers to hubspot', ['daily', 'time-form'], {
    integrations: ['stripe', 'hubspot'],
    trigger: at(['06:00'], 'daily'),
    destinations: [into('hubspot')],
  }),
  row('every single day at 10pm put my unread outlook emails in a notion page', ['daily', 'filter-unread'], {
    integrations: ['outlook', 'notion'],
    trigger: at(['22:00'], 'daily'),
    destinations: [into('notion')],
    filters: [f.unread()],
  }),
  row('7 days a week at 7 post the discord stats to #mods', ['daily'], {
    integrations: ['discord'],
    trigger: at(['07:00'], 'daily'),
    destinations: [channel('#mods')],
  }),
  row('at 12 midnight every night copy the day’s new shopify orders into airtable', ['time-form', 'daily'], {
    integrations: ['shopify', 'airtable'],
    trigger: at(['00:00'], 'daily'),
    destinations: [into('airtable')],
  }),
  row('12pm on weekdays post the hubspot leaderboard to #sales', ['time-form', 'weekdays'], {
    integrations: ['hubspot'],
    trigger: at(['12:00'], 'weekdays'),
    destinations: [channel('#sales')],
  }),
  row('at 12am on sundays back up my notion workspace to dropbox', ['time-form', 'specific-days'], {
    integrations: ['notion', 'dropbox'],
    trigger: at(['00:00'], ['sun']),
    destinations: [into('dropbox')],
  }),
  row('nine fifteen every weekday send me slack mentions i missed', ['time-form', 'weekdays', 'dm'], {
    integrations: ['slack'],
    trigger: at(['09:15'], 'weekdays'),
    destinations: [dm('slack')],
  }),
  row('at five thirty pm each friday post the sales sheet to teams #sales', ['time-form', 'specific-days'], {
    integrations: ['google_sheets', 'teams'],
    trigger: at(['17:30'], ['fri']),
    destinations: [channel('#sales', 'teams')],
  }),
  row('every morning at seven send me the calendar for the day in a slack dm', ['time-form', 'daily', 'dm'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['07:00'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('eight o’clock weekdays, gmail from my team → teams dm', ['time-form', 'weekdays', 'dm'], {
    integrations: ['gmail', 'teams'],
    trigger: at(['08:00'], 'weekdays'),
    destinations: [dm('teams')],
  }),
  row('at 10.45 every saturday email me the week’s github stars… i mean new issues', ['time-form', 'dm'], {
    trigger: at(['10:45'], ['sat']),
    destinations: [dm()],
  }),
  row('at 4:00 PM every day post the asana tasks completed today to #team-updates', ['time-form', 'casing', 'filter-status'], {
    integrations: ['asana'],
    trigger: at(['16:00'], 'daily'),
    destinations: [channel('#team-updates')],
    filters: [f.status('completed')],
  }),
  row('AT 9AM EVERY MONDAY SEND THE HUBSPOT PIPELINE TO SLACK #SALES', ['casing', 'specific-days'], {
    integrations: ['hubspot', 'slack'],
    trigger: at(['09:00'], ['mon']),
  }),
  row('at 8 am and again at 2 pm send me new gmial messages from clients', ['multi-time', 'typo', 'dm'], {
    integrations: ['gmail'],
    trigger: at(['08:00', '14:00']),
    destinations: [dm()],
  }),
  row('every 20 minutes post new jiira tickets to #triage', ['interval', 'typo'], {
    integrations: ['jira'],
    trigger: everyMinutes(20),
    destinations: [channel('#triage')],
  }),
  row('every 3 hrs sync dropbx → google drive', ['interval', 'typo', 'terse'], {
    integrations: ['dropbox', 'google_drive'],
    trigger: everyHours(3),
    destinations: [into('google_drive')],
  }),
  row('on the 1st and only the 1st, 7am, post last month’s stirpe revenue to #finance', ['day-of-month', 'typo'], {
    integrations: ['stripe'],
    trigger: monthly(1, ['07:00']),
    destinations: [channel('#finance')],
  }),
  row('weekends at 8pm slakc me the shopify sales', ['weekends', 'typo', 'dm'], {
    integrations: ['slack', 'shopify'],
    trigger: at(['20:00'], 'weekends'),
    destinations: [dm('slack')],
  }),
  row('quarter to six in the evening post the zendsk backlog to #support', ['time-form', 'typo'], {
    integrations: ['zendesk'],
    trigger: at(['17:45']),
    destinations: [channel('#support')],
  }),
  row('noon on fridays: notoin weekly notes → #general on slack', ['time-form', 'typo', 'specific-days'], {
    integrations: ['notion', 'slack'],
    trigger: at(['12:00'], ['fri']),
    destinations: [channel('#general', 'slack')],
  }),
  row('at 0700 on weekdays post the trelo board to #ops', ['time-form', 'typo', 'weekdays'], {
    integrations: ['trello'],
    trigger: at(['07:00'], 'weekdays'),
    destinations: [channel('#ops')],
  }),
  row('every 2 hours during the day post new airtbale records to slack', ['interval', 'typo'], {
    integrations: ['airtable', 'slack'],
    trigger: everyHours(2),
  }),
  row('6:45pm mon wed post the linaer backlog to #product', ['time-form', 'typo', 'specific-days'], {
    integrations: ['linear'],
    trigger: at(['18:45'], ['mon', 'wed']),
    destinations: [channel('#product')],
  }),
  row('ten to nine on weekdays send me the outlok calendar... no, my outlook inbox summary, on teams', ['time-form', 'typo', 'dm'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['08:50'], 'weekdays'),
    destinations: [dm('teams')],
  }),
  row('every day at 9 pm send a summary of new hubsopt contacts to #sales-ops on slack', ['time-form', 'typo'], {
    integrations: ['hubspot', 'slack'],
    trigger: at(['21:00'], 'daily'),
    destinations: [channel('#sales-ops', 'slack')],
  }),
  row('on the 10th every month post the confluecne policy review reminder in #hr', ['day-of-month', 'typo'], {
    integrations: ['confluence'],
    trigger: monthly(10),
    destinations: [channel('#hr')],
  }),
  row('at half past eight every weekday send me my jria tickets in progress on slack', ['time-form', 'typo', 'filter-status', 'dm'], {
    integrations: ['jira', 'slack'],
    trigger: at(['08:30'], 'weekdays'),
    destinations: [dm('slack')],
    filters: [f.status('in progress')],
  }),
  row('i would like, if possible, a short note every friday at 3pm in our #marketing channel on slack listing the new mentions of us on twitter this week. thank you!', ['polite', 'specific-days'], {
    integrations: ['twitter', 'slack'],
    trigger: at(['15:00'], ['fri']),
    destinations: [channel('#marketing', 'slack')],
  }),
  row('hi there! could you please send me an email every weekday morning at 8:15 with the list of meetings i have that day? thanks a lot', ['polite', 'time-form', 'weekdays', 'dm'], {
    trigger: at(['08:15'], 'weekdays'),
    destinations: [dm()],
  }),
  row('Good afternoon, I run a small bakery. Every evening at 8 I would like the day’s Shopify orders emailed to my partner at partner@example.com. Many thanks.', ['polite', 'email-destination', 'daily'], {
    trigger: at(['20:00'], 'daily'),
    destinations: [mail('partner@example.com')],
  }),
  row('soon-ish every day send the team the jira board', ['vague-time'], {
    integrations: ['jira'],
    trigger: VAGUE,
  }),
  row('once in a while post a random confluence page to #til', ['vague-time'], {
    integrations: ['confluence'],
    trigger: VAGUE,
    destinations: [channel('#til')],
  }),
  row('at lunchtime tell me what came in on stripe', ['vague-time', 'dm'], {
    trigger: VAGUE,
    destinations: [dm()],
  }),
  row('in the evenings send my notion journal prompt to my slack dm', ['vague-time', 'dm'], {
    integrations: ['notion', 'slack'],
    trigger: VAGUE,
    destinations: [dm('slack')],
  }),
  row('early morning post the salesforce overnight leads to #sdr', ['vague-time'], {
    integrations: ['salesforce'],
    trigger: VAGUE,
    destinations: [channel('#sdr')],
  }),
  row('periodically copy new dropbox files into google drive', ['vague-time'], {
    integrations: ['dropbox', 'google_drive'],
    trigger: VAGUE,
    destinations: [into('google_drive')],
  }),
  row('every 90 minutes post the github ci failures... i mean new issues labelled ci to #eng', ['interval', 'filter-label'], {
    integrations: ['github'],
    trigger: everyMinutes(90),
    destinations: [channel('#eng')],
    filters: [f.label('ci')],
  }),
  row('every half hour check my gmail for emails from the school and text me', ['interval', 'filter-from', 'dm', 'parent'], {
    trigger: everyMinutes(30),
    destinations: [dm()],
    filters: [f.from('the school')],
  }),
  row('every 6 hours post the discord member count to #stats', ['interval'], {
    integrations: ['discord'],
    trigger: everyHours(6),
    destinations: [channel('#stats')],
  }),
  row('every minute check stripe for failed payments and alert #oncall on slack', ['interval'], {
    integrations: ['stripe', 'slack'],
    trigger: everyMinutes(1),
    destinations: [channel('#oncall', 'slack')],
  }),
  row('ev 15m: new jira p1 → slack #incidents', ['interval', 'terse', 'filter-priority'], {
    integrations: ['jira', 'slack'],
    trigger: everyMinutes(15),
    destinations: [channel('#incidents', 'slack')],
    filters: [f.priority('p1')],
  }),
  row('every weekday at 9 except wednesdays post the sprint board from linear to #dev', ['weekdays', 'specific-days'], {
    integrations: ['linear'],
    trigger: at(['09:00'], ['mon', 'tue', 'thu', 'fri']),
    destinations: [channel('#dev')],
  }),
  row('every day but sunday at 7am send me new shopify orders on slack', ['specific-days', 'dm'], {
    integrations: ['shopify', 'slack'],
    trigger: at(['07:00'], ['mon', 'tue', 'wed', 'thu', 'fri', 'sat']),
    destinations: [dm('slack')],
  }),
  row('sat + sun 11:00 post the week’s best discord posts to #highlights', ['weekends', 'time-form'], {
    integrations: ['discord'],
    trigger: at(['11:00'], 'weekends'),
    destinations: [channel('#highlights')],
  }),
  row('on weekends at 6 pm email me the stripe sales, i am off but want to know', ['weekends', 'dm'], {
    trigger: at(['18:00'], 'weekends'),
    destinations: [dm()],
  }),
  row('at 9 on saturdays and sundays post the airtable volunteer list to #volunteers', ['weekends'], {
    integrations: ['airtable'],
    trigger: at(['09:00'], 'weekends'),
    destinations: [channel('#volunteers')],
  }),
  row('8.30am daily gmail newsletters → notion reading list', ['time-form', 'daily'], {
    integrations: ['gmail', 'notion'],
    trigger: at(['08:30'], 'daily'),
    destinations: [into('notion')],
  }),
  row('at 07:00 and 19:00 every day post the orders from shopify to #fulfilment on teams', ['multi-time', 'daily'], {
    integrations: ['shopify', 'teams'],
    trigger: at(['07:00', '19:00'], 'daily'),
    destinations: [channel('#fulfilment', 'teams')],
  }),
  row('at 11am and 3pm on weekdays send new hubspot leads to #sdr', ['multi-time', 'weekdays'], {
    integrations: ['hubspot'],
    trigger: at(['11:00', '15:00'], 'weekdays'),
    destinations: [channel('#sdr')],
  }),
  // Fresh rows on clock times and intervals (written before reading the rules).
  row('at half past 8 every weekday dm me my outlook unread on teams', ['time-form', 'weekdays', 'filter-unread', 'dm'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['08:30'], 'weekdays'),
    destinations: [dm('teams')],
    filters: [f.unread()],
  }),
  row('every 20 mins check zendesk for new tickets and post them to #support', ['interval'], {
    integrations: ['zendesk'],
    trigger: everyMinutes(20),
    destinations: [channel('#support')],
  }),
  row('quarter past 7 each morning send me todays gcal agenda on slack', ['time-form', 'dm'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['07:15'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('mon/wed/fri 5.45pm post the overdue asana tasks to #team', ['time-form'], {
    integrations: ['asana'],
    trigger: at(['17:45'], ['mon', 'wed', 'fri']),
    destinations: [channel('#team')],
  }),
  row('hourly: new hubspot deals → #sales', ['interval', 'terse'], {
    integrations: ['hubspot'],
    trigger: everyHours(1),
    destinations: [channel('#sales')],
  }),
  row('every other hour dump the new stripe payments into the finance sheet', ['interval'], {
    integrations: ['stripe', 'google_sheets'],
    trigger: everyHours(2),
    destinations: [into('google_sheets')],
  }),
  row('on the 1st of every month at 9am email me last month’s stripe payouts', ['day-of-month', 'dm'], {
    integrations: ['stripe'],
    trigger: monthly(1, ['09:00']),
    destinations: [dm()],
  }),
  row('half nine weekdays - slack me the github PRs waiting for review', ['time-form', 'weekdays', 'dm'], {
    integrations: ['github', 'slack'],
    trigger: at(['09:30'], 'weekdays'),
    destinations: [dm('slack')],
  }),
  row("at 7 in the evening every sunday send me the week's new trello cards on slack", ['time-form', 'dm'], {
    integrations: ['trello', 'slack'],
    trigger: at(['19:00'], ['sun']),
    destinations: [dm('slack')],
  }),
  row('⏰ 8am daily → gmail unread summary in my slack dm', ['time-form', 'filter-unread', 'dm'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['08:00'], 'daily'),
    destinations: [dm('slack')],
    filters: [f.unread()],
  }),
  row('every tues and thurs at 4.15 in the afternoon send the open linear issues to #eng', ['time-form', 'filter-status'], {
    integrations: ['linear'],
    trigger: at(['16:15'], ['tue', 'thu']),
    destinations: [channel('#eng')],
    filters: [f.status('open')],
  }),
  // An hour right after a part of the day, before what the agent does ("every evening 7 post …").
  row('every evening 7 post a summary of my github PRs to #dev on slack', ['time-form'], {
    integrations: ['github', 'slack'],
    trigger: at(['19:00'], 'daily'),
    destinations: [channel('#dev', 'slack')],
  }),
  row('evenings 8 dm me on slack a digest of my jira tickets', ['time-form', 'dm'], {
    integrations: ['slack', 'jira'],
    trigger: at(['20:00'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('every morning 9 send me my unread gmail on slack pls', ['time-form', 'dm', 'filter-unread'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['09:00'], 'daily'),
    destinations: [dm('slack')],
    filters: [f.unread()],
  }),
  row('weekday mornings 7 post the google calendar for the day to #team on slack ☀️', ['time-form', 'weekdays'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['07:00'], 'weekdays'),
    destinations: [channel('#team', 'slack')],
  }),
  row('every night 10 back up my notion pages to google drive', ['time-form'], {
    integrations: ['notion', 'google_drive'],
    trigger: at(['22:00'], 'daily'),
    destinations: [into('google_drive')],
  }),
  row('every afternoon 3 remind #standup on slack about open linear issues', ['time-form', 'filter-status'], {
    integrations: ['slack', 'linear'],
    trigger: at(['15:00'], 'daily'),
    destinations: [channel('#standup', 'slack')],
    filters: [f.status('open')],
  }),
  row('fridays evening 5 email me the stripe payouts of the week', ['time-form', 'dm'], {
    integrations: ['stripe'],
    trigger: at(['17:00'], ['fri']),
    destinations: [dm()],
  }),
  // Several times a day listed after a count of runs, bare hours among them.
  row('three times a day at 8, noon and 4pm send me unread gmail on slack', ['multi-time', 'dm', 'filter-unread'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['08:00', '12:00', '16:00'], 'daily'),
    destinations: [dm('slack')],
    filters: [f.unread()],
  }),
  row('3 times a day (8, 12, 16) check my gmail and post a summary to slack #inbox', ['multi-time'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['08:00', '12:00', '16:00'], 'daily'),
    destinations: [channel('#inbox', 'slack')],
  }),
  row('4 times a day at 8 12 16 20 post failed stripe payments to #billing', ['multi-time'], {
    integrations: ['stripe'],
    trigger: at(['08:00', '12:00', '16:00', '20:00'], 'daily'),
    destinations: [channel('#billing')],
  }),
  row('3x a day at 9, 1 and 5 slack me my open jira tickets', ['multi-time', 'dm'], {
    integrations: ['jira', 'slack'],
    trigger: at(['09:00', '13:00', '17:00'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('3 times per day: 9, 13 and 17 - dm me new hubspot deals on slack', ['multi-time', 'dm'], {
    integrations: ['hubspot', 'slack'],
    trigger: at(['09:00', '13:00', '17:00'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('thrice a day at 7am, 11 and 3 post the zendesk queue in #support', ['multi-time'], {
    integrations: ['zendesk'],
    trigger: at(['07:00', '11:00', '15:00'], 'daily'),
    destinations: [channel('#support')],
  }),
  // A value taken back in the same breath: the later one wins.
  row('every month on the 31st... no, the 30th send the stripe invoices to my email', ['day-of-month', 'self-correction', 'dm'], {
    integrations: ['stripe'],
    trigger: monthly(30, ['09:00']),
    destinations: [dm()],
  }),
  row('every day at 8am — sorry, 9am send me my google calendar on slack', ['self-correction', 'dm'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['09:00'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('weekdays at 8am, actually 8:30 post my open jira tickets to #standup', ['self-correction', 'weekdays', 'filter-status'], {
    integrations: ['jira'],
    trigger: at(['08:30'], 'weekdays'),
    destinations: [channel('#standup')],
    filters: [f.status('open')],
  }),
  row('at 7pm, no 8, dm me my stripe payouts on slack', ['self-correction', 'dm'], {
    integrations: ['stripe', 'slack'],
    trigger: at(['20:00'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('every monday wait no tuesday at 9 post the asana roadmap to #product', ['self-correction', 'specific-days'], {
    integrations: ['asana'],
    trigger: at(['09:00'], ['tue']),
    destinations: [channel('#product')],
  }),
  row('every 10 min... no, 15 min check gmail for invoices and ping me on slack', ['self-correction', 'interval', 'dm'], {
    integrations: ['gmail', 'slack'],
    trigger: everyMinutes(15),
    destinations: [dm('slack')],
  }),
  row('every day at 9, or rather 10, post my google calendar in #team on slack', ['self-correction'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['10:00'], 'daily'),
    destinations: [channel('#team', 'slack')],
  }),
  row('post jira updates to #general — sorry, #team-updates — every friday at 4', ['self-correction', 'specific-days'], {
    integrations: ['jira'],
    trigger: at(['16:00'], ['fri']),
    destinations: [channel('#team-updates')],
  }),
  row('post to #general, actually #team-updates, every friday a summary of jira', ['self-correction', 'specific-days'], {
    integrations: ['jira'],
    trigger: on(['fri']),
    destinations: [channel('#team-updates')],
  }),
  row('send the hubspot deals to #general... no #random, at 5pm daily', ['self-correction'], {
    integrations: ['hubspot'],
    trigger: at(['17:00'], 'daily'),
    destinations: [channel('#random')],
  }),
  row('on the 1st... i mean the 2nd of every month at 9am email me last months shopify orders', ['day-of-month', 'self-correction', 'dm'], {
    integrations: ['shopify'],
    trigger: monthly(2, ['09:00']),
    destinations: [dm()],
  }),
  // A count of runs a day without its times: times spread over the working day (twice is 9:00 and 17:00).
  row('three times a day summarize my unread gmail to slack #inbox', ['multi-time', 'filter-unread'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['09:00', '13:00', '17:00'], 'daily'),
    destinations: [channel('#inbox', 'slack')],
    filters: [f.unread()],
  }),
  row('3x a day post the zendesk queue to #support', ['multi-time'], {
    integrations: ['zendesk'],
    trigger: at(['09:00', '13:00', '17:00'], 'daily'),
    destinations: [channel('#support')],
  }),
  row('ping me on slack 3 times per day with my open asana tasks', ['multi-time', 'dm', 'filter-status'], {
    integrations: ['slack', 'asana'],
    trigger: at(['09:00', '13:00', '17:00'], 'daily'),
    destinations: [dm('slack')],
    filters: [f.status('open')],
  }),
  row('thrice daily email me the new hubspot deals', ['multi-time', 'dm'], {
    integrations: ['hubspot'],
    trigger: at(['09:00', '13:00', '17:00'], 'daily'),
    destinations: [dm()],
  }),
  row('4 times a day post failed stripe payments to #billing pls', ['multi-time'], {
    integrations: ['stripe'],
    trigger: at(['09:00', '12:00', '15:00', '18:00'], 'daily'),
    destinations: [channel('#billing')],
  }),
  row('three times a day on weekdays send the jira blockers to #eng', ['multi-time', 'weekdays'], {
    integrations: ['jira'],
    trigger: at(['09:00', '13:00', '17:00'], 'weekdays'),
    destinations: [channel('#eng')],
  }),
  row('twice a day summarise my outlook inbox into teams #inbox', ['multi-time', 'british'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['09:00', '17:00'], 'daily'),
    destinations: [channel('#inbox', 'teams')],
  }),
  row('three times a day from 8am post new trello cards to #team', ['multi-time'], {
    integrations: ['trello'],
    trigger: at(['08:00', '12:00', '16:00'], 'daily'),
    destinations: [channel('#team')],
  }),
  row('2x/day send me my github notifications on discord', ['multi-time', 'dm'], {
    integrations: ['github', 'discord'],
    trigger: at(['09:00', '17:00'], 'daily'),
    destinations: [dm('discord')],
  }),
];
