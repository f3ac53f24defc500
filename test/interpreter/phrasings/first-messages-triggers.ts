/**
 * First messages started by something happening (worded differently from the catalog's events) or by the
 * person ("whenever I ask", "when I click run"). Events the catalog does not have get no event expectation.
 */
import type { PhrasingCase } from './phrasing-case.js';
import { channel, dm, event, filter as f, into, mail, MANUAL, row } from './expect-builders.js';

export const TRIGGER_MESSAGES: PhrasingCase[] = [
  // Events, worded the way people say them.
  row('when someone emails me, post the subject to slack #inbox', ['event'], {
    integrations: ['gmail', 'slack'],
    trigger: event('gmail', 'new_email'),
    destinations: [channel('#inbox', 'slack')],
  }),
  row('whenever a new issue is opened on github, tell #triage on slack', ['event'], {
    integrations: ['github', 'slack'],
    trigger: event('github', 'new_issue'),
    destinations: [channel('#triage', 'slack')],
  }),
  row('as soon as a customer places an order on shopify, ping #orders on teams', ['event'], {
    integrations: ['shopify', 'teams'],
    trigger: event('shopify', 'new_order'),
    destinations: [channel('#orders', 'teams')],
  }),
  row('any time a payment bounces in stripe, dm me on slack', ['event', 'dm'], {
    integrations: ['stripe', 'slack'],
    trigger: event('stripe', 'payment_failed'),
    destinations: [dm('slack')],
  }),
  row('when money comes in on stripe, celebrate in #wins', ['event'], {
    integrations: ['stripe'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [channel('#wins')],
  }),
  row('each time somebody opens a pull request, post the link to #code-review in slack', ['event'], {
    integrations: ['github', 'slack'],
    trigger: event('github', 'new_pull_request'),
    destinations: [channel('#code-review', 'slack')],
  }),
  row('if someone tweets at us, send it to #social on discord', ['event'], {
    integrations: ['twitter', 'discord'],
    trigger: event('twitter', 'new_mention'),
    destinations: [channel('#social', 'discord')],
  }),
  row('when a new lead signs up in salesforce, add a row to the leads google sheet', ['event'], {
    integrations: ['salesforce', 'google_sheets'],
    trigger: event('salesforce', 'new_lead'),
    destinations: [into('google_sheets')],
  }),
  row('5 minutes before each meeting, send me the agenda on slack', ['event', 'dm'], {
    integrations: ['google_calendar', 'slack'],
    trigger: event('google_calendar', 'event_starting'),
    destinations: [dm('slack')],
  }),
  row('right before my meetings start remind me on teams who i am meeting', ['event', 'dm'], {
    integrations: ['google_calendar', 'teams'],
    trigger: event('google_calendar', 'event_starting'),
    destinations: [dm('teams')],
  }),
  row('when someone puts a new meeting in my calendar, add a notion page for notes', ['event'], {
    integrations: ['google_calendar', 'notion'],
    trigger: event('google_calendar', 'new_event'),
    destinations: [into('notion')],
  }),
  row('whenever a file is uploaded to our shared dropbox, post its name to #design', ['event'], {
    integrations: ['dropbox'],
    trigger: event('dropbox', 'new_file'),
    destinations: [channel('#design')],
  }),
  row('when somebody drops a file in google drive, let #team know on slack', ['event'], {
    integrations: ['google_drive', 'slack'],
    trigger: event('google_drive', 'new_file'),
    destinations: [channel('#team', 'slack')],
  }),
  row('someone adds a row to the hiring sheet → message #hiring on teams', ['event'], {
    integrations: ['google_sheets', 'teams'],
    trigger: event('google_sheets', 'new_row'),
    destinations: [channel('#hiring', 'teams')],
  }),
  row('when a customer opens a ticket in zendesk, create a linear issue', ['event'], {
    integrations: ['zendesk', 'linear'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [into('linear')],
  }),
  row('every time a new task is created in asana, copy it to trello', ['event'], {
    integrations: ['asana', 'trello'],
    trigger: event('asana', 'new_task'),
    destinations: [into('trello')],
  }),
  row('whenever someone writes in #help on discord, forward it to zendesk', ['event', 'source-channel'], {
    integrations: ['discord', 'zendesk'],
    trigger: event('discord', 'new_message'),
    destinations: [into('zendesk')],
  }),
  row('when somebody posts in #requests on slack create an asana task', ['event', 'source-channel'], {
    integrations: ['slack', 'asana'],
    trigger: event('slack', 'new_message'),
    destinations: [into('asana')],
  }),
  row('when a new person is added to hubspot send them to the airtable contact list', ['event'], {
    integrations: ['hubspot', 'airtable'],
    trigger: event('hubspot', 'new_contact'),
    destinations: [into('airtable')],
  }),
  row('when a deal is created in hubspot post it to #deals on slack', ['event'], {
    integrations: ['hubspot', 'slack'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#deals', 'slack')],
  }),
  row('when a deal closes in hubspot post it to #wins', ['event-not-in-catalog'], {
    integrations: ['hubspot'],
    destinations: [channel('#wins')],
  }),
  row('when a github issue gets closed, tell the reporter... actually just post it to #changelog', ['event-not-in-catalog'], {
    integrations: ['github'],
    destinations: [channel('#changelog')],
  }),
  row('when someone replies to a tweet of ours... or mentions us, post to #social', ['event'], {
    integrations: ['twitter'],
    trigger: event('twitter', 'new_mention'),
    destinations: [channel('#social')],
  }),
  row('when a new opportunity shows up in salesforce over 50k, dm the vp on slack', ['event', 'filter-amount'], {
    integrations: ['salesforce', 'slack'],
    trigger: event('salesforce', 'new_opportunity'),
    filters: [f.amount('>', 50000)],
  }),
  row('once a new card lands in the trello backlog, create a jira ticket', ['event'], {
    integrations: ['trello', 'jira'],
    trigger: event('trello', 'new_card'),
    destinations: [into('jira')],
  }),
  row('if a new record is added in airtable, email the volunteer coordinator at volunteers@example.com', ['event', 'email-destination'], {
    trigger: event('airtable', 'new_record'),
    destinations: [mail('volunteers@example.com')],
  }),
  row('new confluence page goes live → tell everyone in #announcements', ['event'], {
    integrations: ['confluence'],
    trigger: event('confluence', 'new_page'),
    destinations: [channel('#announcements')],
  }),
  row('someone creates a page in notion → post the title to teams #wiki', ['event', 'keyword-trap'], {
    integrations: ['notion', 'teams'],
    trigger: event('notion', 'new_page'),
    destinations: [channel('#wiki', 'teams')],
  }),
  row('whenever a jira bug is filed, add it to my notion bug tracker', ['event'], {
    integrations: ['jira', 'notion'],
    trigger: event('jira', 'new_issue'),
    destinations: [into('notion')],
  }),
  row('a new linear ticket comes in → ping me privately on slack', ['event', 'dm'], {
    integrations: ['linear', 'slack'],
    trigger: event('linear', 'new_issue'),
    destinations: [dm('slack')],
  }),
  row('when i get mail from the school, text me', ['event', 'filter-from', 'dm', 'parent'], {
    trigger: event('gmail', 'new_email'),
    destinations: [dm()],
    filters: [f.from('the school')],
  }),
  row('when an email hits my outlook from a client, put it in the #clients channel on teams', ['event'], {
    integrations: ['outlook', 'teams'],
    trigger: event('outlook', 'new_email'),
    destinations: [channel('#clients', 'teams')],
  }),
  row('whenever a message shows up in the #alerts slack channel, email oncall@acme.com', ['event', 'source-channel', 'email-destination'], {
    trigger: event('slack', 'new_message'),
    destinations: [mail('oncall@acme.com')],
  }),
  row('when a new member joins our discord... hmm, when someone posts in #introductions, add them to airtable', ['event', 'source-channel'], {
    integrations: ['discord', 'airtable'],
    trigger: event('discord', 'new_message'),
    destinations: [into('airtable')],
  }),
  row('when a payment goes through, send the customer details to hubspot', ['event'], {
    integrations: ['stripe', 'hubspot'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [into('hubspot')],
  }),
  row('when a card payment is declined on stripe, create a zendesk ticket', ['event'], {
    integrations: ['stripe', 'zendesk'],
    trigger: event('stripe', 'payment_failed'),
    destinations: [into('zendesk')],
  }),
  row('when a subscription is cancelled in stripe post it to #churn', ['event-not-in-catalog'], {
    integrations: ['stripe'],
    destinations: [channel('#churn')],
  }),
  row('when a trello card is moved to done, tell #team', ['event-not-in-catalog'], {
    integrations: ['trello'],
    destinations: [channel('#team')],
  }),
  row('when a shopify order is refunded, email accounts@acme.com', ['event-not-in-catalog'], {
    destinations: [mail('accounts@acme.com')],
  }),
  row('incoming mail with an attachment from my accountant → save to google drive', ['event', 'filter-from'], {
    integrations: ['gmail', 'google_drive'],
    trigger: event('gmail', 'new_email'),
    destinations: [into('google_drive')],
    filters: [f.from('my accountant')],
  }),
  row('new gmail from anyone at acme.com → slack dm right away', ['event', 'filter-from', 'dm'], {
    integrations: ['gmail', 'slack'],
    trigger: event('gmail', 'new_email'),
    destinations: [dm('slack')],
    filters: [f.from('acme.com')],
  }),
  row('the moment a PR is raised in github, make a linear issue for review', ['event'], {
    integrations: ['github', 'linear'],
    trigger: event('github', 'new_pull_request'),
    destinations: [into('linear')],
  }),
  row('new salesforce opportunity → hubspot deal', ['event', 'terse'], {
    integrations: ['salesforce', 'hubspot'],
    trigger: event('salesforce', 'new_opportunity'),
    destinations: [into('hubspot')],
  }),
  row('whenever a bug report arrives in github issues, post it to #bugs on discord', ['event'], {
    integrations: ['github', 'discord'],
    trigger: event('github', 'new_issue'),
    destinations: [channel('#bugs', 'discord')],
  }),
  row('new zendesk ticket from a vip → text me', ['event', 'dm'], {
    trigger: event('zendesk', 'new_ticket'),
    destinations: [dm()],
  }),
  row('when a new row shows up in the expenses sheet over 300, email finance@acme.com', ['event', 'filter-amount', 'email-destination'], {
    trigger: event('google_sheets', 'new_row'),
    destinations: [mail('finance@acme.com')],
    filters: [f.amount('>', 300)],
  }),
  row('whenever an asana task is assigned to me, add it to my google calendar', ['event'], {
    integrations: ['asana', 'google_calendar'],
    trigger: event('asana', 'new_task'),
    destinations: [into('google_calendar')],
  }),
  row('somebody mentions @acmehq on twitter → add a row to airtable', ['event'], {
    integrations: ['twitter', 'airtable'],
    trigger: event('twitter', 'new_mention'),
    destinations: [into('airtable')],
  }),
  row('new mail in outlook from hr → my teams chat', ['event', 'filter-from', 'dm'], {
    integrations: ['outlook', 'teams'],
    trigger: event('outlook', 'new_email'),
    destinations: [dm('teams')],
    filters: [f.from('hr')],
  }),
  row('someone fills in a lead in salesforce, say hi in #sdr with their name', ['event'], {
    integrations: ['salesforce'],
    trigger: event('salesforce', 'new_lead'),
    destinations: [channel('#sdr')],
  }),
  row('whenever a new doc is added to the drive folder "board", email board@acme.com', ['event', 'filter-label', 'email-destination'], {
    trigger: event('google_drive', 'new_file'),
    destinations: [mail('board@acme.com')],
    filters: [f.label('board')],
  }),
  row('when a new gmial arrives with "urgent" in the subject, slack me', ['event', 'typo', 'filter-keyword', 'dm'], {
    integrations: ['gmail', 'slack'],
    trigger: event('gmail', 'new_email'),
    destinations: [dm('slack')],
    filters: [f.keyword('urgent')],
  }),
  row('whenever a jira ticket is raised with priority blocker, post to #incidents on teems', ['event', 'typo', 'filter-priority'], {
    integrations: ['jira', 'teams'],
    trigger: event('jira', 'new_issue'),
    destinations: [channel('#incidents', 'teams')],
    filters: [f.priority('blocker')],
  }),
  row('new shopfy order from a returning customer → slack #repeat-buyers', ['event', 'typo'], {
    integrations: ['shopify', 'slack'],
    trigger: event('shopify', 'new_order'),
    destinations: [channel('#repeat-buyers', 'slack')],
  }),
  row('each new trelo card in "requests" → asana task', ['event', 'typo'], {
    integrations: ['trello', 'asana'],
    trigger: event('trello', 'new_card'),
    destinations: [into('asana')],
  }),
  row('new dropbox file in /invoices → add a row in airtabel', ['event', 'typo', 'filter-label', 'keyword-trap'], {
    integrations: ['dropbox', 'airtable'],
    trigger: event('dropbox', 'new_file'),
    destinations: [into('airtable')],
    filters: [f.label('invoices')],
  }),
  // Fresh rows on events (written before reading the rules): people's words, typos, arrows, emoji, and the
  // destination tool named first or with an event of its own.
  row('when my accountant emails me, save the attachments to dropbox', ['event', 'filter-from'], {
    integrations: ['gmail', 'dropbox'],
    trigger: event('gmail', 'new_email'),
    destinations: [into('dropbox')],
    filters: [f.from('my accountant')],
  }),
  row('whenever my boss messages me on slack, text me', ['event', 'dm'], {
    integrations: ['slack'],
    trigger: event('slack', 'new_message'),
    destinations: [dm()],
  }),
  row('ping me on discord every time someone buys something on shopify', ['event', 'dm'], {
    integrations: ['discord', 'shopify'],
    trigger: event('shopify', 'new_order'),
    destinations: [dm('discord')],
  }),
  row('new stripe payment -> #sales 🎉', ['event', 'terse'], {
    integrations: ['stripe'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [channel('#sales')],
  }),
  row('failed payments in stirpe → email billing@acme.com', ['event', 'typo', 'email-destination'], {
    integrations: ['stripe'],
    trigger: event('stripe', 'payment_failed'),
    destinations: [mail('billing@acme.com')],
  }),
  row('github PRs → discord #code when they get opened', ['event'], {
    integrations: ['github', 'discord'],
    trigger: event('github', 'new_pull_request'),
    destinations: [channel('#code', 'discord')],
  }),
  row('when sb opens a ticket in zendsek pls make a jira issue', ['event', 'typo'], {
    integrations: ['zendesk', 'jira'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [into('jira')],
  }),
  row('each time i get a calendar invite, add it to notion', ['event'], {
    integrations: ['google_calendar', 'notion'],
    trigger: event('google_calendar', 'new_event'),
    destinations: [into('notion')],
  }),
  row('10 min before any meeting dm me the attendees on slack', ['event', 'dm'], {
    integrations: ['google_calendar', 'slack'],
    trigger: event('google_calendar', 'event_starting'),
    destinations: [dm('slack')],
  }),
  row('when someone shares a file with me on google drive let me know on teams', ['event', 'dm'], {
    integrations: ['google_drive', 'teams'],
    trigger: event('google_drive', 'new_file'),
    destinations: [dm('teams')],
  }),
  row('hubspot: new contact comes in → add them to airtable', ['event'], {
    integrations: ['hubspot', 'airtable'],
    trigger: event('hubspot', 'new_contact'),
    destinations: [into('airtable')],
  }),
  row('if anyone mentions us on twiter post it in #brand', ['event', 'typo'], {
    integrations: ['twitter'],
    trigger: event('twitter', 'new_mention'),
    destinations: [channel('#brand')],
  }),
  row('when a linear issue gets created copy it over to github issues', ['event', 'keyword-trap'], {
    integrations: ['linear', 'github'],
    trigger: event('linear', 'new_issue'),
    destinations: [into('github')],
  }),
  row('every new asana task → trello card pls', ['event', 'keyword-trap'], {
    integrations: ['asana', 'trello'],
    trigger: event('asana', 'new_task'),
    destinations: [into('trello')],
  }),
  row('notion page created -> slack #docs', ['event', 'terse'], {
    integrations: ['notion', 'slack'],
    trigger: event('notion', 'new_page'),
    destinations: [channel('#docs', 'slack')],
  }),
  row('when a new lead hits salesforce, create a contact in hubspot', ['event', 'keyword-trap'], {
    integrations: ['salesforce', 'hubspot'],
    trigger: event('salesforce', 'new_lead'),
    destinations: [into('hubspot')],
  }),
  row('outlook mail from my manager → teams chat asap', ['event', 'filter-from', 'dm'], {
    integrations: ['outlook', 'teams'],
    trigger: event('outlook', 'new_email'),
    destinations: [dm('teams')],
    filters: [f.from('my manager')],
  }),
  row('keep an eye on the #sales channel in teams and log every message in a google sheet', ['event', 'source-channel'], {
    integrations: ['teams', 'google_sheets'],
    trigger: event('teams', 'new_message'),
    destinations: [into('google_sheets')],
  }),
  row('whenever someone orders on shopfiy add a row to the orders sheet', ['event', 'typo', 'keyword-trap'], {
    integrations: ['shopify', 'google_sheets'],
    trigger: event('shopify', 'new_order'),
    destinations: [into('google_sheets')],
  }),
  row('jira: each time a bug gets logged, text me', ['event', 'dm'], {
    integrations: ['jira'],
    trigger: event('jira', 'new_issue'),
    destinations: [dm()],
  }),
  row('when my mom emails me on gmial text me right away', ['event', 'typo', 'filter-from', 'dm', 'parent'], {
    integrations: ['gmail'],
    trigger: event('gmail', 'new_email'),
    destinations: [dm()],
    filters: [f.from('my mom')],
  }),
  row('anytime a new confluence page goes up, email the team at team@acme.com', ['event', 'email-destination'], {
    integrations: ['confluence'],
    trigger: event('confluence', 'new_page'),
    destinations: [mail('team@acme.com')],
  }),
  row('when i receive an email with an invoice attached, save it to google drive', ['event'], {
    integrations: ['gmail', 'google_drive'],
    trigger: event('gmail', 'new_email'),
    destinations: [into('google_drive')],
  }),
  row('📥 new airtable record → 💬 #ops on slack', ['event', 'terse'], {
    integrations: ['airtable', 'slack'],
    trigger: event('airtable', 'new_record'),
    destinations: [channel('#ops', 'slack')],
  }),
  row('someone drops a file in dropbox -> copy it to google drive', ['event', 'keyword-trap'], {
    integrations: ['dropbox', 'google_drive'],
    trigger: event('dropbox', 'new_file'),
    destinations: [into('google_drive')],
  }),
  // Manual and on-demand.
  row('whenever i ask, summarise the open zendesk tickets for me', ['manual', 'filter-status'], {
    integrations: ['zendesk'],
    trigger: MANUAL,
    filters: [f.status('open')],
  }),
  row('only when i tell it to, post the release notes from github to #announcements', ['manual'], {
    integrations: ['github'],
    trigger: MANUAL,
    destinations: [channel('#announcements')],
  }),
  row('on demand: pull the hubspot pipeline into a google sheet', ['manual'], {
    integrations: ['hubspot', 'google_sheets'],
    trigger: MANUAL,
    destinations: [into('google_sheets')],
  }),
  row('when i click run, email the airtable inventory to ops@acme.com', ['manual', 'email-destination'], {
    trigger: MANUAL,
    destinations: [mail('ops@acme.com')],
  }),
  row('i will trigger it myself: copy the week’s stripe payments into notion', ['manual'], {
    integrations: ['stripe', 'notion'],
    trigger: MANUAL,
    destinations: [into('notion')],
  }),
  row('no schedule needed, i will run it by hand — summarise #general on slack and dm me', ['manual', 'source-channel', 'dm'], {
    integrations: ['slack'],
    trigger: MANUAL,
    destinations: [dm('slack')],
  }),
  row('manually triggered: export jira tickets in done to confluence', ['manual', 'filter-status'], {
    integrations: ['jira', 'confluence'],
    trigger: MANUAL,
    destinations: [into('confluence')],
    filters: [f.status('done')],
  }),
  row('just when i need it, a summary of my unread gmail on slack', ['manual', 'filter-unread', 'dm'], {
    integrations: ['gmail', 'slack'],
    trigger: MANUAL,
    filters: [f.unread()],
    destinations: [dm('slack')],
  }),
  row('a button i can press to post the linear sprint status to #standup', ['manual'], {
    integrations: ['linear'],
    trigger: MANUAL,
    destinations: [channel('#standup')],
  }),
  row('run it only when i say so: move new trello cards into asana', ['manual'], {
    integrations: ['trello', 'asana'],
    trigger: MANUAL,
    destinations: [into('asana')],
  }),
  row('whenever i want, send the discord #feedback highlights to notion', ['manual', 'source-channel'], {
    integrations: ['discord', 'notion'],
    trigger: MANUAL,
    destinations: [into('notion')],
  }),
  row('ad hoc: email me the salesforce leads from this week', ['manual', 'dm'], {
    trigger: MANUAL,
    destinations: [dm()],
  }),
  row('not on a schedule — when i run it, post the shopify top sellers to teams #merch', ['manual', 'negation'], {
    integrations: ['shopify', 'teams'],
    trigger: MANUAL,
    destinations: [channel('#merch', 'teams')],
  }),
  row('only on request: summarise my google calendar for next week and email it to me', ['manual', 'dm'], {
    trigger: MANUAL,
    destinations: [dm()],
  }),
  row('if i ask you, back up the confluence space to google drive', ['manual'], {
    integrations: ['confluence', 'google_drive'],
    trigger: MANUAL,
    destinations: [into('google_drive')],
  }),
  row('whenever i ping it, list the github prs waiting on me in a slack dm', ['manual', 'dm'], {
    integrations: ['github', 'slack'],
    trigger: MANUAL,
    destinations: [dm('slack')],
  }),
  row('on my command, send the class parents the newsletter from my google drive via gmail to parents@example.com', ['manual', 'email-destination', 'parent'], {
    integrations: ['google_drive', 'gmail'],
    trigger: MANUAL,
    destinations: [mail('parents@example.com', 'gmail')],
  }),
  row('i want to run this one manually: invoices over $1000 from stripe → #finance', ['manual', 'filter-amount'], {
    integrations: ['stripe'],
    trigger: MANUAL,
    destinations: [channel('#finance')],
    filters: [f.amount('>', 1000)],
  }),
  row('hit run and it posts the hubsopt deals closing this month to #sales', ['manual', 'typo'], {
    integrations: ['hubspot'],
    trigger: MANUAL,
    destinations: [channel('#sales')],
  }),
  row('when i tell it, summarise the zendsk tickets tagged billing for me on slakc', ['manual', 'typo', 'filter-label', 'dm'], {
    integrations: ['zendesk', 'slack'],
    trigger: MANUAL,
    destinations: [dm('slack')],
    filters: [f.label('billing')],
  }),
  row('On Demand please: AIRTABLE → Notion', ['manual', 'casing', 'terse'], {
    integrations: ['airtable', 'notion'],
    trigger: MANUAL,
    destinations: [into('notion')],
  }),
  row('as and when i need: post a summary of new twitter mentions to #marketing', ['manual'], {
    integrations: ['twitter'],
    trigger: MANUAL,
    destinations: [channel('#marketing')],
  }),
  row('whenever i ask, email dana@acme.com and lee@acme.com the latest numbers from the kpi spreadsheet', ['manual', 'multi-destination'], {
    trigger: MANUAL,
    destinations: [mail('dana@acme.com'), mail('lee@acme.com')],
  }),
  row('manual trigger only. outlook unread → teams dm', ['manual', 'filter-unread', 'dm', 'terse'], {
    integrations: ['outlook', 'teams'],
    trigger: MANUAL,
    destinations: [dm('teams')],
    filters: [f.unread()],
  }),
  row('when i press the button, create a trello card for every open linear issue', ['manual', 'filter-status'], {
    integrations: ['linear', 'trello'],
    trigger: MANUAL,
    destinations: [into('trello')],
    filters: [f.status('open')],
  }),
  row('on request: dropbox contracts folder listing → my slack dms', ['manual', 'dm', 'filter-label'], {
    integrations: ['dropbox', 'slack'],
    trigger: MANUAL,
    destinations: [dm('slack')],
    filters: [f.label('contracts')],
  }),
  // Fresh manual rows.
  row('only run it when i hit the button: summarize #general on discord for me', ['manual', 'source-channel'], {
    integrations: ['discord'],
    trigger: MANUAL,
  }),
  row("no need for a schedule, i'll kick it off myself. email me the open jira bugs", ['manual', 'dm'], {
    integrations: ['jira'],
    trigger: MANUAL,
    destinations: [dm()],
  }),
  row('on-demand pls: hubspot deals → slack dm', ['manual', 'dm', 'terse'], {
    integrations: ['hubspot', 'slack'],
    trigger: MANUAL,
    destinations: [dm('slack')],
  }),
  // "for every/each" a kind of thing starts the agent, "new" or not.
  row('add a row to my sheet for every stripe payment', ['event'], {
    integrations: ['google_sheets', 'stripe'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [into('google_sheets')],
  }),
  row('for every stripe payment add a row to my google sheet', ['event'], {
    integrations: ['stripe', 'google_sheets'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [into('google_sheets')],
  }),
  row('log every stripe payment in my google sheet pls', ['event'], {
    integrations: ['stripe', 'google_sheets'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [into('google_sheets')],
  }),
  row('create a trello card for each github issue', ['event'], {
    integrations: ['trello', 'github'],
    trigger: event('github', 'new_issue'),
    destinations: [into('trello')],
  }),
  row('ping me on slack for every failed stripe payment 🔥', ['event', 'dm'], {
    integrations: ['slack', 'stripe'],
    trigger: event('stripe', 'payment_failed'),
    destinations: [dm('slack')],
  }),
  row('send me a slack dm for each email from my boss', ['event', 'dm', 'filter-from'], {
    integrations: ['slack', 'gmail'],
    trigger: event('gmail', 'new_email'),
    destinations: [dm('slack')],
    filters: [f.from('my boss')],
  }),
  // Comments on Linear issues and Stripe disputes: events of their own, not a new issue or a payment.
  row('when my linear issue gets a comment ping me on slack', ['event', 'dm'], {
    integrations: ['linear', 'slack'],
    trigger: event('linear', 'new_comment'),
    destinations: [dm('slack')],
  }),
  row('someone comments on one of my linear tickets -> dm me on teams', ['event', 'dm', 'terse'], {
    integrations: ['linear', 'teams'],
    trigger: event('linear', 'new_comment'),
    destinations: [dm('teams')],
  }),
  row('new comments on linear issues to #product pls', ['event'], {
    integrations: ['linear'],
    trigger: event('linear', 'new_comment'),
    destinations: [channel('#product')],
  }),
  row('whenever theres a comment on a linar issue assigned to me email me', ['event', 'typo', 'dm'], {
    integrations: ['linear'],
    trigger: event('linear', 'new_comment'),
    destinations: [dm()],
  }),
  row('new stripe disputes to #finance', ['event', 'terse'], {
    integrations: ['stripe'],
    trigger: event('stripe', 'new_dispute'),
    destinations: [channel('#finance')],
  }),
  row('if a customer disputes a charge text me right away', ['event', 'dm'], {
    integrations: ['stripe'],
    trigger: event('stripe', 'new_dispute'),
    destinations: [dm()],
  }),
  row('when someone opens a dispute in stripe msg me on slack', ['event', 'dm'], {
    integrations: ['stripe', 'slack'],
    trigger: event('stripe', 'new_dispute'),
    destinations: [dm('slack')],
  }),
  row('stripe chargebacks as they come in → #risk', ['event', 'terse'], {
    integrations: ['stripe'],
    trigger: event('stripe', 'new_dispute'),
    destinations: [channel('#risk')],
  }),
  row('if a customer disputes a payment email finance@acme.com', ['event', 'email-destination'], {
    integrations: ['stripe'],
    trigger: event('stripe', 'new_dispute'),
    destinations: [mail('finance@acme.com')],
  }),
  row('log every new stripe chargeback in the disputes google sheet', ['event'], {
    integrations: ['stripe', 'google_sheets'],
    trigger: event('stripe', 'new_dispute'),
    destinations: [into('google_sheets')],
  }),
  row('when we get a dispute on stirpe ping #billing on slack', ['event', 'typo'], {
    integrations: ['stripe', 'slack'],
    trigger: event('stripe', 'new_dispute'),
    destinations: [channel('#billing', 'slack')],
  }),
];
