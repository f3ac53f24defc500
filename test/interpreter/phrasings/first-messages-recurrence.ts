/**
 * More first messages on recurrence, the patterns a single cron string got wrong: weekends, several times a
 * day, a day of the month, every day versus weekdays, a day left out.
 */
import type { PhrasingCase } from './phrasing-case.js';
import { at, channel, dm, everyHours, everyMinutes, filter as f, into, mail, monthly, monthlyOn, on, row } from './expect-builders.js';

export const RECURRENCE_MESSAGES: PhrasingCase[] = [
  row('on weekends send me the shopify orders at 10am and 6pm, on slack', ['weekends', 'multi-time', 'dm'], {
    integrations: ['shopify', 'slack'],
    trigger: at(['10:00', '18:00'], 'weekends'),
    destinations: [dm('slack')],
  }),
  row('saturday and sunday mornings at 8 post the weekend on-call rota from confluence to #oncall', ['weekends'], {
    integrations: ['confluence'],
    trigger: at(['08:00'], 'weekends'),
    destinations: [channel('#oncall')],
  }),
  row('every weekend at noon email me my personal gmail newsletters in one digest', ['weekends', 'time-form', 'dm'], {
    integrations: ['gmail'],
    trigger: at(['12:00'], 'weekends'),
    destinations: [dm('gmail')],
  }),
  row('weekends only: discord #support questions → my discord dm at 11am', ['weekends', 'source-channel', 'dm'], {
    integrations: ['discord'],
    trigger: at(['11:00'], 'weekends'),
    destinations: [dm('discord')],
  }),
  row('on sat and sun at 7:30pm post the zendesk backlog to #weekend-support on slack', ['weekends', 'time-form'], {
    integrations: ['zendesk', 'slack'],
    trigger: at(['19:30'], 'weekends'),
    destinations: [channel('#weekend-support', 'slack')],
  }),
  row('the weekend crew needs the stripe failed payments at 9 on saturdays and sundays in #billing', ['weekends'], {
    integrations: ['stripe'],
    trigger: at(['09:00'], 'weekends'),
    destinations: [channel('#billing')],
  }),
  row('weekend mornings 10ish, my family calendar to the family discord', ['vague-time'], {
    integrations: ['google_calendar', 'discord'],
    trigger: { type: 'vague' },
  }),
  row('post the github issues count at 9, 12, 3 and 6 to #eng on slack', ['multi-time'], {
    integrations: ['github', 'slack'],
    trigger: at(['09:00', '12:00', '15:00', '18:00']),
    destinations: [channel('#eng', 'slack')],
  }),
  row('morning and evening, 7am and 7pm, text me the new hubspot deals', ['multi-time', 'dm'], {
    trigger: at(['07:00', '19:00']),
    destinations: [dm()],
  }),
  row('at 10:30 and at 15:30 every weekday post the jira queue to teams #support-l2', ['multi-time', 'weekdays', 'time-form'], {
    integrations: ['jira', 'teams'],
    trigger: at(['10:30', '15:30'], 'weekdays'),
    destinations: [channel('#support-l2', 'teams')],
  }),
  row('start and end of the workday (9am and 5:30pm) slack me my asana tasks', ['multi-time', 'dm'], {
    integrations: ['asana', 'slack'],
    trigger: at(['09:00', '17:30']),
    destinations: [dm('slack')],
  }),
  row('noon and midnight: back up the airtable base to dropbox', ['multi-time', 'time-form'], {
    integrations: ['airtable', 'dropbox'],
    trigger: at(['12:00', '00:00']),
    destinations: [into('dropbox')],
  }),
  row('at 8:15 and 16:45 on mon wed fri post the trello board to #ops', ['multi-time', 'specific-days'], {
    integrations: ['trello'],
    trigger: at(['08:15', '16:45'], ['mon', 'wed', 'fri']),
    destinations: [channel('#ops')],
  }),
  row('twice daily — 6am and 6pm — email the salesforce lead list to sdr@acme.com', ['multi-time', 'daily', 'email-destination'], {
    trigger: at(['06:00', '18:00'], 'daily'),
    destinations: [mail('sdr@acme.com')],
  }),
  row('at quarter past nine and quarter to five send me unread outlook mail on teams', ['multi-time', 'time-form', 'filter-unread', 'dm'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['09:15', '16:45']),
    destinations: [dm('teams')],
    filters: [f.unread()],
  }),
  row('on the 1st of every month at 8am post last month’s zendesk stats to #support', ['day-of-month'], {
    integrations: ['zendesk'],
    trigger: monthly(1, ['08:00']),
    destinations: [channel('#support')],
  }),
  row('every month on the 25th remind me on slack to send invoices to my clients, pull the hours from my toggl... no, from my google sheet', ['day-of-month', 'dm', 'freelancer', 'keyword-trap'], {
    integrations: ['slack', 'google_sheets'],
    trigger: monthly(25),
    destinations: [dm('slack')],
  }),
  row('the 7th of each month, 9:30: email rent reminders from the tenants airtable to me', ['day-of-month', 'time-form', 'dm'], {
    trigger: monthly(7, ['09:30']),
    destinations: [dm()],
  }),
  row('monthly, on the 12th at noon, post the hubspot churned deals to #leadership on teams', ['day-of-month', 'time-form'], {
    integrations: ['hubspot', 'teams'],
    trigger: monthly(12, ['12:00']),
    destinations: [channel('#leadership', 'teams')],
  }),
  row('on the 31st... no, the 30th of every month, archive the month’s notion pages to google drive', ['day-of-month'], {
    integrations: ['notion', 'google_drive'],
    trigger: monthly(30),
    destinations: [into('google_drive')],
  }),
  row('every 1st at 6am post the month’s confluence release calendar to #releases', ['day-of-month', 'keyword-trap'], {
    integrations: ['confluence'],
    trigger: monthly(1, ['06:00']),
    destinations: [channel('#releases')],
  }),
  row('on the 14th of every month at 5pm ping #payroll on slack with the bamboohr... sorry the airtable hours', ['day-of-month'], {
    integrations: ['slack', 'airtable'],
    trigger: monthly(14, ['17:00']),
    destinations: [channel('#payroll', 'slack')],
  }),
  row('every day including weekends at 6:30am send me the stripe overnight payments on slack', ['daily', 'dm', 'time-form'], {
    integrations: ['stripe', 'slack'],
    trigger: at(['06:30'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('every single day, weekends too, 9pm, post the discord member joins to #growth', ['daily'], {
    integrations: ['discord'],
    trigger: at(['21:00'], 'daily'),
    destinations: [channel('#growth')],
  }),
  row('weekdays except monday at 9 post the linear triage list to #triage', ['specific-days'], {
    integrations: ['linear'],
    trigger: at(['09:00'], ['tue', 'wed', 'thu', 'fri']),
    destinations: [channel('#triage')],
  }),
  row('every day but saturday at 8am email the team@acme.com the shopify orders', ['specific-days', 'email-destination'], {
    trigger: at(['08:00'], ['sun', 'mon', 'tue', 'wed', 'thu', 'fri']),
    destinations: [mail('team@acme.com')],
  }),
  row('monday through thursday at 5pm post the github prs still open to #eng', ['specific-days', 'filter-status'], {
    integrations: ['github'],
    trigger: at(['17:00'], ['mon', 'tue', 'wed', 'thu']),
    destinations: [channel('#eng')],
    filters: [f.status('open')],
  }),
  row('fridays and saturdays at 11pm post the shopify late orders to #night-shift', ['specific-days'], {
    integrations: ['shopify'],
    trigger: at(['23:00'], ['fri', 'sat']),
    destinations: [channel('#night-shift')],
  }),
  row('every other day... ok just mondays, wednesdays and fridays, 8am, slack me the zendesk backlog', ['specific-days', 'dm'], {
    integrations: ['slack', 'zendesk'],
    trigger: at(['08:00'], ['mon', 'wed', 'fri']),
    destinations: [dm('slack')],
  }),
  row('thursday evenings 6:30pm: notion volunteer schedule → email volunteers@example.com', ['specific-days', 'time-form', 'email-destination'], {
    trigger: at(['18:30'], ['thu']),
    destinations: [mail('volunteers@example.com')],
  }),
  row('tuesday at 7am and friday at 7am send me the airtable content queue', ['specific-days', 'dm'], {
    trigger: at(['07:00'], ['tue', 'fri']),
    destinations: [dm()],
  }),
  row('each wednesday post the asana roadmap to the product channel on slack', ['specific-days'], {
    integrations: ['asana', 'slack'],
    trigger: on(['wed']),
    destinations: [channel('#product', 'slack')],
  }),
  // Intervals that do not divide the day: the closest schedule a cron can say (its words say so), not nothing.
  row('check my gmail every 7 minutes and post anything from the bank to #alerts on slack', ['interval', 'filter-from'], {
    integrations: ['gmail', 'slack'],
    trigger: everyMinutes(6),
    destinations: [channel('#alerts', 'slack')],
    filters: [f.from('the bank')],
  }),
  row('every seven mins look for failed stripe payments and ping #billing', ['interval'], {
    integrations: ['stripe'],
    trigger: everyMinutes(6),
    destinations: [channel('#billing')],
  }),
  row('ev 25m on weekdays check jira for new p1s n dm me on slack', ['interval', 'dm', 'filter-priority'], {
    integrations: ['jira', 'slack'],
    trigger: { type: 'schedule', every: { minutes: 20 }, days: 'weekdays' },
    destinations: [dm('slack')],
    filters: [f.priority('p1')],
  }),
  row('every 50 minutes summarize the #support slack channel into my email', ['interval', 'source-channel'], {
    trigger: everyHours(1),
  }),
  row('every 5 hours summarize new jira tickets and send to slack #eng', ['multi-time'], {
    integrations: ['jira', 'slack'],
    trigger: at(['00:00', '05:00', '10:00', '15:00', '20:00'], 'daily'),
    destinations: [channel('#eng', 'slack')],
  }),
  row('every 5 hrs starting 8am post the hubspot pipeline to #sales pls', ['multi-time'], {
    integrations: ['hubspot'],
    trigger: at(['08:00', '13:00', '18:00', '23:00'], 'daily'),
    destinations: [channel('#sales')],
  }),
  row('every 7 hours send me a slack message with my open asana tasks 🙏', ['multi-time', 'dm', 'filter-status'], {
    integrations: ['asana', 'slack'],
    trigger: at(['00:00', '07:00', '14:00', '21:00'], 'daily'),
    destinations: [dm('slack')],
    filters: [f.status('open')],
  }),
  row('every 24 hours email me a digest of the #general slack channel', ['source-channel', 'dm'], {
    trigger: at(['09:00'], 'daily'),
    destinations: [dm()],
  }),
  // Weekends (or days) left out of "every day": the days that remain, never the ones named.
  row('every day at 9 no weekends send me a summary of my unread gmail', ['days-left-out', 'weekdays', 'dm', 'filter-unread'], {
    integrations: ['gmail'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [dm()],
    filters: [f.unread()],
  }),
  row('daily at 9 except weekends post my jira tickets to #eng on slack', ['days-left-out', 'weekdays'], {
    integrations: ['jira', 'slack'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [channel('#eng', 'slack')],
  }),
  row('every day but saturday and sunday email me my google calendar agenda at 8am', ['days-left-out', 'weekdays', 'dm'], {
    integrations: ['google_calendar'],
    trigger: at(['08:00'], 'weekdays'),
    destinations: [dm()],
  }),
  row('every morning at 9 not on weekends summarise my gmail into slack #inbox', ['days-left-out', 'weekdays', 'british'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [channel('#inbox', 'slack')],
  }),
  row('skip weekends but every day at 7:30 dm me the new hubspot deals on slack', ['days-left-out', 'weekdays', 'dm'], {
    integrations: ['hubspot', 'slack'],
    trigger: at(['07:30'], 'weekdays'),
    destinations: [dm('slack')],
  }),
  row('every day at 9 except fridays post the standup notes from notion to #team on slack', ['days-left-out', 'specific-days'], {
    integrations: ['notion', 'slack'],
    trigger: at(['09:00'], ['sat', 'sun', 'mon', 'tue', 'wed', 'thu']),
    destinations: [channel('#team', 'slack')],
  }),
  row('every day except monday at 10 email me my trello cards', ['days-left-out', 'specific-days', 'dm'], {
    integrations: ['trello'],
    trigger: at(['10:00'], ['tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
    destinations: [dm()],
  }),
  row('standup reminder in #dev at 9.30 every day no weekends 🙏', ['days-left-out', 'weekdays', 'emoji', 'time-form'], {
    trigger: at(['09:30'], 'weekdays'),
    destinations: [channel('#dev')],
  }),
  row('every day at 6pm weekends off, post the zendesk backlog to #support', ['days-left-out', 'weekdays'], {
    integrations: ['zendesk'],
    trigger: at(['18:00'], 'weekdays'),
    destinations: [channel('#support')],
  }),
  row('evry day at 9 exept weekends send me my gmail', ['days-left-out', 'weekdays', 'typo', 'dm'], {
    integrations: ['gmail'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [dm()],
  }),
  row('every day apart from sundays at 8 post the shopify orders to #orders', ['days-left-out', 'specific-days', 'british'], {
    integrations: ['shopify'],
    trigger: at(['08:00'], ['mon', 'tue', 'wed', 'thu', 'fri', 'sat']),
    destinations: [channel('#orders')],
  }),
  row('every day at 9 but not on weekends, ping me on slack with my asana tasks', ['days-left-out', 'weekdays', 'dm'], {
    integrations: ['slack', 'asana'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [dm('slack')],
  }),
  row('weekdays only at 8:15 slack me my open linear issues', ['weekdays', 'dm', 'filter-status'], {
    integrations: ['slack', 'linear'],
    trigger: at(['08:15'], 'weekdays'),
    destinations: [dm('slack')],
    filters: [f.status('open')],
  }),
  row('every day at 9, no mondays, email me my outlook calendar', ['days-left-out', 'specific-days', 'dm'], {
    trigger: at(['09:00'], ['tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
    destinations: [dm()],
  }),

  // Twice a month: the 1st and the 15th (a cron can say two days of the month; the description says they were picked).
  row('twice a month send me a summary of my stripe payouts on slack', ['day-of-month', 'dm'], {
    integrations: ['stripe', 'slack'],
    trigger: monthlyOn([1, 15], ['09:00']),
    destinations: [dm('slack')],
  }),
  row('post the open jira bugs to #qa twice a month at 10am', ['day-of-month'], {
    integrations: ['jira'],
    trigger: monthlyOn([1, 15], ['10:00']),
    destinations: [channel('#qa')],
  }),
  row('semi monthly email me the hubspot deals report', ['day-of-month', 'dm'], {
    integrations: ['hubspot'],
    trigger: monthlyOn([1, 15]),
    destinations: [dm()],
  }),
  row('twice per month remind #finance on slack to do the expense reports', ['day-of-month'], {
    integrations: ['slack'],
    trigger: monthlyOn([1, 15]),
    destinations: [channel('#finance', 'slack')],
  }),
  row('on the 1st and 15th at 8 email me my unpaid stripe invoices', ['day-of-month', 'dm'], {
    integrations: ['stripe'],
    trigger: monthlyOn([1, 15], ['08:00']),
    destinations: [dm()],
  }),
  row('2x a month send the notion roadmap page to #product', ['day-of-month'], {
    integrations: ['notion'],
    trigger: monthlyOn([1, 15]),
    destinations: [channel('#product')],
  }),
  row('twice a month on the 5th and 20th dm me my outstanding quickbooks invoices', ['day-of-month', 'dm', 'unsupported-tool'], {
    unsupported: ['quickbooks'],
    trigger: monthlyOn([5, 20]),
    destinations: [dm()],
  }),
  // Every 48 / 72 hours: as every other day (Mon, Wed, Fri) and every 3 days (Mon, Thu).
  row('every 48 hours send #ops the zendesk backlog', ['specific-days'], {
    integrations: ['zendesk'],
    trigger: on(['mon', 'wed', 'fri']),
    destinations: [channel('#ops')],
  }),
  row('evry 48hrs at 7am dm me my linear issues on slack', ['specific-days', 'typo', 'dm'], {
    integrations: ['linear', 'slack'],
    trigger: at(['07:00'], ['mon', 'wed', 'fri']),
    destinations: [dm('slack')],
  }),
  row('check my gmail every 48h and email me a summary', ['specific-days', 'dm'], {
    integrations: ['gmail'],
    trigger: on(['mon', 'wed', 'fri']),
    destinations: [dm('gmail')],
  }),
  row('every 72 hours post the github prs waiting for review to #eng', ['specific-days'], {
    integrations: ['github'],
    trigger: on(['mon', 'thu']),
    destinations: [channel('#eng')],
  }),
  row('every two days at 6pm text me the shopify orders', ['specific-days', 'dm'], {
    integrations: ['shopify'],
    trigger: at(['18:00'], ['mon', 'wed', 'fri']),
    destinations: [dm()],
  }),
  // An interval between two hours: its runs in those hours, as times.
  row('weekdays 9 to 5, every hour post new jira issues to #eng', ['weekdays', 'multi-time'], {
    integrations: ['jira'],
    trigger: at(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00', '17:00'], 'weekdays'),
    destinations: [channel('#eng')],
  }),
  row('every hour from 9am to 6pm on weekdays send me the zendesk queue on slack', ['weekdays', 'multi-time', 'dm'], {
    integrations: ['zendesk', 'slack'],
    trigger: at(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00', '17:00', '18:00'], 'weekdays'),
    destinations: [dm('slack')],
  }),
  row('every 2 hours between 8 and 6 post the shopify orders to #orders', ['multi-time'], {
    integrations: ['shopify'],
    trigger: at(['08:00', '10:00', '12:00', '14:00', '16:00', '18:00'], 'daily'),
    destinations: [channel('#orders')],
  }),
  row('hourly during business hours check my outlook and dm me on teams', ['multi-time', 'dm'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00', '17:00'], 'daily'),
    destinations: [dm('teams')],
  }),
  row('evry 30 mins 9-5 mon to fri ping #support with the open zendesk tickets', ['weekdays', 'multi-time', 'typo'], {
    integrations: ['zendesk'],
    trigger: at(
      ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '12:30', '13:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30', '17:00'],
      'weekdays',
    ),
    destinations: [channel('#support')],
  }),
  // Too frequent to keep as times: the interval runs all day (the description says the hours were not kept).
  row('every 5 minutes from 9 to 5 check stripe for failed payments and post them to #billing', ['interval'], {
    integrations: ['stripe'],
    trigger: everyMinutes(5),
    destinations: [channel('#billing')],
  }),
];
