/**
 * First messages in many voices: long polite ones, run-ons, terse ones, emoji, and people from sales,
 * support, engineering, finance, HR, a parent, a freelancer, a club organiser.
 */
import type { PhrasingCase } from './phrasing-case.js';
import { at, channel, dm, event, everyHours, everyMinutes, filter as f, into, mail, MANUAL, monthly, row, VAGUE } from './expect-builders.js';

export const VOICE_MESSAGES: PhrasingCase[] = [
  row('Hello, I hope you are well. I am the head of customer success and I would like a short summary of every new Zendesk ticket from our enterprise accounts posted in #cs-enterprise on Slack as soon as it is created. Thank you very much in advance.', ['polite', 'event'], {
    integrations: ['zendesk', 'slack'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#cs-enterprise', 'slack')],
  }),
  row('so basically what i want is like every time we get a new order on shopify it goes into the airtable and then someone in the warehouse channel on slack gets told about it and if its over 300 bucks i want a text too', ['run-on', 'event'], {
    integrations: ['shopify', 'airtable', 'slack'],
    trigger: event('shopify', 'new_order'),
  }),
  row('jira→slack #eng 9am wkdays', ['terse', 'weekdays'], {
    integrations: ['jira', 'slack'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [channel('#eng', 'slack')],
  }),
  row('📬 new gmail from the bank → 📱 text me', ['emoji', 'event', 'filter-from', 'dm'], {
    trigger: event('gmail', 'new_email'),
    destinations: [dm()],
    filters: [f.from('the bank')],
  }),
  row('💸 stripe payments over $1k → #money 🎉', ['emoji', 'filter-amount'], {
    integrations: ['stripe'],
    destinations: [channel('#money')],
    filters: [f.amount('>', 1000)],
  }),
  row('sales ops here, i need every new salesforce opp over 25k in the deal desk sheet and a heads up in #deal-desk on teams pls', ['multi-destination', 'event', 'filter-amount', 'sales'], {
    integrations: ['salesforce', 'google_sheets', 'teams'],
    trigger: event('salesforce', 'new_opportunity'),
    destinations: [into('google_sheets'), channel('#deal-desk', 'teams')],
    filters: [f.amount('>', 25000)],
  }),
  row('our SDRs live in slack. when hubspot gets a new contact from the pricing page form, drop it in #inbound', ['event', 'sales'], {
    integrations: ['hubspot', 'slack'],
    trigger: event('hubspot', 'new_contact'),
    destinations: [channel('#inbound', 'slack')],
  }),
  row('account executive: every monday 7:30am send me (slack dm) my salesforce opps closing this month', ['dm', 'sales'], {
    integrations: ['salesforce', 'slack'],
    trigger: at(['07:30'], ['mon']),
    destinations: [dm('slack')],
  }),
  row('support team lead here 👋 could we get the zendesk tickets still pending at end of day... let’s say 5:45pm... posted to #support-handover?', ['emoji', 'filter-status', 'support'], {
    integrations: ['zendesk'],
    trigger: at(['17:45']),
    destinations: [channel('#support-handover')],
    filters: [f.status('pending')],
  }),
  row('when a customer replies to a solved zendesk ticket it reopens, can you tell me on teams? thx', ['event-not-in-catalog', 'dm', 'support'], {
    integrations: ['zendesk', 'teams'],
    destinations: [dm('teams')],
  }),
  row('eng here. nightly at 2am, list github prs merged that day into a confluence page', ['engineering', 'time-form'], {
    integrations: ['github', 'confluence'],
    trigger: at(['02:00'], 'daily'),
    destinations: [into('confluence')],
  }),
  row('devops: every 5m check github for new issues labelled outage and scream in #incidents (slack)', ['engineering', 'interval', 'filter-label'], {
    integrations: ['github', 'slack'],
    trigger: everyMinutes(5),
    destinations: [channel('#incidents', 'slack')],
    filters: [f.label('outage')],
  }),
  row('i lead a small platform team; i want linear issues nobody picked up after a day posted in #platform at 10 on weekdays', ['engineering', 'weekdays'], {
    integrations: ['linear'],
    trigger: at(['10:00'], 'weekdays'),
    destinations: [channel('#platform')],
  }),
  row('finance: on the 3rd of every month at 9 email the stripe payout summary to controller@acme.com and post it to #finance', ['finance', 'day-of-month', 'multi-destination'], {
    trigger: monthly(3, ['09:00']),
    destinations: [mail('controller@acme.com'), channel('#finance')],
  }),
  row('AP team: invoices arriving in the ap@ mailbox in outlook → log them in the AP google sheet', ['finance', 'event', 'keyword-trap'], {
    integrations: ['outlook', 'google_sheets'],
    trigger: event('outlook', 'new_email'),
    destinations: [into('google_sheets')],
  }),
  row('month end: on the 28th at 4pm remind #finance on teams to close the books', ['finance', 'day-of-month'], {
    integrations: ['teams'],
    trigger: monthly(28, ['16:00']),
    destinations: [channel('#finance', 'teams')],
  }),
  row('hr: when a new hire row is added to the onboarding sheet, create an asana task for it and welcome them in #welcome', ['hr', 'event'], {
    trigger: event('google_sheets', 'new_row'),
  }),
  row('people team here. every friday at 12 post birthdays for next week from our notion directory to #celebrations on slack 🎂', ['hr', 'emoji', 'specific-days'], {
    integrations: ['notion', 'slack'],
    trigger: at(['12:00'], ['fri']),
    destinations: [channel('#celebrations', 'slack')],
  }),
  row('recruiting: new airtable applications for engineering roles → email hiring-eng@acme.com', ['hr', 'event'], {
    trigger: event('airtable', 'new_record'),
    destinations: [mail('hiring-eng@acme.com')],
  }),
  row('mum of three here 😅 the school sends way too many emails. every evening at 8 can you send me one email with just the important stuff from my gmail from school', ['parent', 'emoji', 'dm', 'filter-from'], {
    integrations: ['gmail'],
    trigger: at(['20:00'], 'daily'),
    destinations: [dm('gmail')],
    filters: [f.from('school')],
  }),
  row('dad here, put every event the school emails about into my google calendar', ['parent'], {
    integrations: ['gmail', 'google_calendar'],
    destinations: [into('google_calendar')],
  }),
  row('class rep: on sundays at 7pm email the parents list (parents-3b@example.com) the week’s events from the shared google calendar', ['parent', 'email-destination'], {
    trigger: at(['19:00'], ['sun']),
    destinations: [mail('parents-3b@example.com')],
  }),
  row('freelance designer: when a new file lands in the client dropbox, slack me', ['freelancer', 'event', 'dm'], {
    integrations: ['dropbox', 'slack'],
    trigger: event('dropbox', 'new_file'),
    destinations: [dm('slack')],
  }),
  row('i freelance and forget to chase invoices. every monday at 10 tell me which stripe invoices are unpaid', ['freelancer', 'filter-status', 'dm'], {
    trigger: at(['10:00'], ['mon']),
    destinations: [dm()],
    filters: [f.status('unpaid')],
  }),
  row('copywriter here, any email from a client with "feedback" in the subject should become a trello card', ['freelancer', 'filter-keyword'], {
    integrations: ['gmail', 'trello'],
    destinations: [into('trello')],
    filters: [f.keyword('feedback')],
  }),
  row('running club organiser: new sign-ups in the airtable go into the #new-runners channel on discord', ['event', 'club'], {
    integrations: ['airtable', 'discord'],
    trigger: event('airtable', 'new_record'),
    destinations: [channel('#new-runners', 'discord')],
  }),
  row('book club: on the 1st of the month at 6pm post the next book from our notion page to discord #bookclub', ['club', 'day-of-month'], {
    integrations: ['notion', 'discord'],
    trigger: monthly(1, ['18:00']),
    destinations: [channel('#bookclub', 'discord')],
  }),
  row('ok so. trello. every card that gets added. put it in notion. thats it', ['terse', 'event'], {
    integrations: ['trello', 'notion'],
    trigger: event('trello', 'new_card'),
    destinations: [into('notion')],
  }),
  row('need: gcal → slack dm, 15 min before each meeting', ['terse', 'event', 'dm'], {
    integrations: ['google_calendar', 'slack'],
    trigger: event('google_calendar', 'event_starting'),
    destinations: [dm('slack')],
  }),
  row('idk how this works but i want my unread emails summarized somewhere', ['filter-unread'], {
    filters: [f.unread()],
  }),
  row('can u make it so whenever i say go it sends the week’s hubspot numbers to my boss at boss@acme.com', ['manual', 'email-destination'], {
    trigger: MANUAL,
    destinations: [mail('boss@acme.com')],
  }),
  row('yo 🤙 twitter mentions → discord #hype asap', ['emoji', 'event', 'terse'], {
    integrations: ['twitter', 'discord'],
    trigger: event('twitter', 'new_mention'),
    destinations: [channel('#hype', 'discord')],
  }),
  row('I would appreciate it if, at a quarter past eight every weekday morning, you could send me a Teams message listing my Outlook meetings... sorry, my unread Outlook emails.', ['polite', 'time-form', 'weekdays', 'dm', 'filter-unread'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['08:15'], 'weekdays'),
    destinations: [dm('teams')],
    filters: [f.unread()],
  }),
  row('please, whenever a pull request is opened in any of our repos, post it in #prs, and if it has the label urgent also dm me on slack', ['polite', 'event'], {
    integrations: ['github', 'slack'],
    trigger: event('github', 'new_pull_request'),
  }),
  row('so every day around lunch, post the stripe numbers somewhere the team sees them', ['vague-time'], {
    integrations: ['stripe'],
    trigger: VAGUE,
  }),
  row('i want something that checks jira now and then and nags people', ['vague-time'], {
    integrations: ['jira'],
    trigger: VAGUE,
  }),
  row('every couple of hours post new hubspot deals to slack #sales', ['interval'], {
    integrations: ['hubspot', 'slack'],
    trigger: everyHours(2),
    destinations: [channel('#sales', 'slack')],
  }),
  row('twice an hour pull new airtable records into the google sheet', ['interval'], {
    integrations: ['airtable', 'google_sheets'],
    trigger: everyMinutes(30),
    destinations: [into('google_sheets')],
  }),
  row('weekend mornings at 9:30 send me the discord mod queue on discord dm', ['weekends', 'time-form', 'dm'], {
    integrations: ['discord'],
    trigger: at(['09:30'], 'weekends'),
    destinations: [dm('discord')],
  }),
  row('the 1st and 15th? no, just the 15th at 10: remind #payroll on slack to approve timesheets in the airtable', ['day-of-month'], {
    integrations: ['slack', 'airtable'],
    trigger: monthly(15, ['10:00']),
    destinations: [channel('#payroll', 'slack')],
  }),
  row('teacher here: students submit work in a google drive folder, when something new arrives email me at teacher@example.com', ['event', 'email-destination'], {
    trigger: event('google_drive', 'new_file'),
    destinations: [mail('teacher@example.com')],
  }),
  row('nonprofit: new donation rows in the donors spreadsheet → thank-you task in asana', ['event'], {
    integrations: ['google_sheets', 'asana'],
    trigger: event('google_sheets', 'new_row'),
    destinations: [into('asana')],
  }),
  row('legal ops: any outlook email with "nda" in the subject → create a jira ticket in the legal project', ['filter-keyword'], {
    integrations: ['outlook', 'jira'],
    destinations: [into('jira')],
    filters: [f.keyword('nda')],
  }),
  row('ceo here. one email, every friday at 6pm, with stripe revenue, new hubspot deals and open zendesk tickets. to me.', ['multi-source', 'dm', 'specific-days'], {
    trigger: at(['18:00'], ['fri']),
    destinations: [dm()],
  }),
  row('product manager: whenever i ask, turn the #feedback slack channel from the last week into a notion doc', ['manual', 'source-channel'], {
    integrations: ['slack', 'notion'],
    trigger: MANUAL,
    destinations: [into('notion')],
  }),
  row('marketing: new confluence blog drafts → #content-review on teams, mon and thu at 11', ['specific-days'], {
    integrations: ['confluence', 'teams'],
    trigger: at(['11:00'], ['mon', 'thu']),
    destinations: [channel('#content-review', 'teams')],
  }),
  row('IT helpdesk: new jira service tickets with priority high → #it-urgent on teams', ['filter-priority', 'event', 'keyword-trap'], {
    integrations: ['jira', 'teams'],
    trigger: event('jira', 'new_issue'),
    destinations: [channel('#it-urgent', 'teams')],
    filters: [f.priority('high')],
  }),
  row('community manager: every sunday at 8pm post the top discord threads of the week to our notion', ['specific-days'], {
    integrations: ['discord', 'notion'],
    trigger: at(['20:00'], ['sun']),
    destinations: [into('notion')],
  }),
  row('ops: every 10 minutes copy new shopify orders into the fulfilment google sheet', ['interval'], {
    integrations: ['shopify', 'google_sheets'],
    trigger: everyMinutes(10),
    destinations: [into('google_sheets')],
  }),
  row('student: remind me on discord every weekday at 7 what assignments are due from my notion tracker', ['weekdays', 'dm'], {
    integrations: ['discord', 'notion'],
    trigger: at(['07:00'], 'weekdays'),
    destinations: [dm('discord')],
  }),
  row('landlord: when a tenant emails about a repair, make a trello card', ['event', 'filter-keyword'], {
    integrations: ['gmail', 'trello'],
    trigger: event('gmail', 'new_email'),
    destinations: [into('trello')],
    filters: [f.keyword('repair')],
  }),
  row('event planner: new rsvp rows in airtable → email me a tally at 9pm each night', ['daily', 'dm'], {
    trigger: at(['21:00'], 'daily'),
    destinations: [dm()],
  }),
  row('qa: linear issues labelled regression → #qa on slack and a row in the regression sheet', ['multi-destination', 'filter-label'], {
    integrations: ['linear', 'slack', 'google_sheets'],
    destinations: [channel('#qa', 'slack'), into('google_sheets')],
    filters: [f.label('regression')],
  }),
  row('bookkeeper: every friday at 4pm send client@example.com the week’s stripe payments as a summary', ['freelancer', 'email-destination', 'specific-days'], {
    trigger: at(['16:00'], ['fri']),
    destinations: [mail('client@example.com')],
  }),
  row('security team: github issues or prs mentioning "cve" → #security on slack immediately', ['filter-keyword'], {
    integrations: ['github', 'slack'],
    destinations: [channel('#security', 'slack')],
    filters: [f.keyword('cve')],
  }),
  row('exec assistant: at 6am weekdays email the ceo (ceo@acme.com) her google calendar for the day', ['weekdays', 'email-destination'], {
    trigger: at(['06:00'], 'weekdays'),
    destinations: [mail('ceo@acme.com')],
  }),
  row('agency owner: new hubspot deals → a client folder in google drive + an asana project task', ['multi-destination', 'event'], {
    integrations: ['hubspot', 'google_drive', 'asana'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [into('google_drive'), into('asana')],
  }),
  row('retail: at closing time, 9pm, post the day’s shopify total to #store on teams', ['time-form', 'daily'], {
    integrations: ['shopify', 'teams'],
    trigger: at(['21:00']),
    destinations: [channel('#store', 'teams')],
  }),
  row('podcast host: when someone mentions the show on twitter, save it to the airtable fan wall', ['event'], {
    integrations: ['twitter', 'airtable'],
    trigger: event('twitter', 'new_mention'),
    destinations: [into('airtable')],
  }),
  row('translator: each new file in my dropbox inbox folder → a row in my jobs sheet', ['event', 'freelancer'], {
    integrations: ['dropbox', 'google_sheets'],
    trigger: event('dropbox', 'new_file'),
    destinations: [into('google_sheets')],
  }),
  row('coach: on tuesdays and thursdays at 5:15pm post practice reminders from the calendar to our discord #team', ['specific-days', 'time-form', 'club'], {
    integrations: ['google_calendar', 'discord'],
    trigger: at(['17:15'], ['tue', 'thu']),
    destinations: [channel('#team', 'discord')],
  }),
  // A request asked as a question ("is it possible to make: …"): what follows is the request.
  row('is it possible to make: every friday at 5 email me a summary of my jira tickets', ['question-form', 'dm'], {
    integrations: ['jira'],
    trigger: at(['17:00'], ['fri']),
    destinations: [dm()],
  }),
  row('is possible to make a bot that posts new stripe payments to #finance', ['question-form', 'event', 'non-native'], {
    integrations: ['stripe'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [channel('#finance')],
  }),
  row('hey is it possible to set up a bot that dms me my google calendar every morning on slack', ['question-form', 'dm'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['08:00'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('is it possible to make an agent that checks my gmail and sends a summary to #inbox on slack every day at 5?', ['question-form'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['17:00'], 'daily'),
    destinations: [channel('#inbox', 'slack')],
  }),
  row('is it possible to build: new hubspot deals → #sales on teams', ['question-form', 'event', 'terse'], {
    integrations: ['hubspot', 'teams'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#sales', 'teams')],
  }),
  row('can u make an agent that posts new github prs to #reviews', ['question-form', 'event'], {
    integrations: ['github'],
    trigger: event('github', 'new_pull_request'),
    destinations: [channel('#reviews')],
  }),
  row('can you make an agent that emails me my unread outlook mail every morning?', ['question-form', 'dm', 'filter-unread'], {
    integrations: ['outlook'],
    trigger: at(['08:00'], 'daily'),
    destinations: [dm()],
    filters: [f.unread()],
  }),
];
