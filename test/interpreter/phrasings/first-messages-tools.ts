/**
 * First messages about which tools: negation with scope ("not slack but teams", "stop using trello"), tools
 * outside the catalog named explicitly, and keyword traps (a word a catalog tool is known for, said about
 * another tool or about no tool at all).
 */
import type { PhrasingCase } from './phrasing-case.js';
import { at, channel, dm, event, filter as f, into, mail, monthly, NONE, on, row } from './expect-builders.js';

export const TOOL_MESSAGES: PhrasingCase[] = [
  // Negation with scope.
  row('post new github issues to our chat, not slack but teams, channel #dev', ['negation'], {
    integrations: ['github', 'teams'],
    trigger: event('github', 'new_issue'),
    destinations: [channel('#dev', 'teams')],
  }),
  row('track bugs from github without jira, just post them to #bugs on slack', ['negation'], {
    integrations: ['github', 'slack'],
    destinations: [channel('#bugs', 'slack')],
  }),
  row('we stopped using trello, so pull the tasks from asana and post them to #ops every monday', ['negation'], {
    integrations: ['asana'],
    trigger: on(['mon']),
    destinations: [channel('#ops')],
  }),
  row('we no longer use hubspot, new leads come from salesforce now, send them to #sales on slack', ['negation', 'event'], {
    integrations: ['salesforce', 'slack'],
    trigger: event('salesforce', 'new_lead'),
    destinations: [channel('#sales', 'slack')],
  }),
  row('instead of slack use teams: new zendesk tickets to #support', ['negation', 'event'], {
    integrations: ['zendesk', 'teams'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#support', 'teams')],
  }),
  row('send me the new stripe payments by anything but email, slack dm is fine', ['negation', 'dm', 'event'], {
    integrations: ['stripe', 'slack'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [dm('slack')],
  }),
  row('dont use slack for this one, i want the jira summary on teams at 9 every weekday', ['negation'], {
    integrations: ['jira', 'teams'],
    trigger: at(['09:00'], 'weekdays'),
  }),
  row('not on slack please, post new hubspot deals to teams #sales', ['negation', 'event'], {
    integrations: ['hubspot', 'teams'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#sales', 'teams')],
  }),
  row('copy new dropbox files into google drive rather than onedrive', ['negation', 'event'], {
    integrations: ['dropbox', 'google_drive'],
    trigger: event('dropbox', 'new_file'),
    destinations: [into('google_drive')],
  }),
  row('linear not jira: post new issues to #eng', ['negation', 'event', 'terse'], {
    integrations: ['linear'],
    trigger: event('linear', 'new_issue'),
    destinations: [channel('#eng')],
  }),
  row('i dont want email, i want a discord message in #alerts when a stripe payment fails', ['negation', 'event'], {
    integrations: ['stripe', 'discord'],
    trigger: event('stripe', 'payment_failed'),
    destinations: [channel('#alerts', 'discord')],
  }),
  row('we moved off trello onto linear, so new linear issues should go to #product', ['negation', 'event'], {
    integrations: ['linear'],
    trigger: event('linear', 'new_issue'),
    destinations: [channel('#product')],
  }),
  row('save my gmail attachments to dropbox, NOT google drive', ['negation', 'casing'], {
    integrations: ['gmail', 'dropbox'],
    destinations: [into('dropbox')],
  }),
  row('no slack, no email, just put a row in the google sheet for each new shopify order', ['negation', 'event'], {
    integrations: ['shopify', 'google_sheets'],
    trigger: event('shopify', 'new_order'),
    destinations: [into('google_sheets')],
  }),
  row('replace trello with asana in my setup: new asana tasks to #pm on slack', ['negation', 'event'], {
    integrations: ['asana', 'slack'],
    trigger: event('asana', 'new_task'),
    destinations: [channel('#pm', 'slack')],
  }),
  row('post notion updates to confluence instead of emailing them', ['negation'], {
    integrations: ['notion', 'confluence'],
    destinations: [into('confluence')],
  }),
  row('forget gmail, my work mail is outlook. flag emails from legal@acme.com to my teams', ['negation', 'filter-from', 'dm'], {
    integrations: ['outlook', 'teams'],
    filters: [f.from('legal@acme.com')],
    destinations: [dm('teams')],
  }),
  row('never post to slack, only dm me on teams when a new jira p1 is created', ['negation', 'event', 'dm', 'filter-priority'], {
    integrations: ['jira', 'teams'],
    trigger: event('jira', 'new_issue'),
    destinations: [dm('teams')],
    filters: [f.priority('p1')],
  }),
  row('i used to do this with zapier but i stopped. new typeform... no, new airtable records to slack #leads', ['negation', 'event'], {
    integrations: ['airtable', 'slack'],
    trigger: event('airtable', 'new_record'),
    destinations: [channel('#leads', 'slack')],
  }),
  row('teams not slack. daily 9am. github prs waiting for review → #reviews', ['negation', 'terse'], {
    integrations: ['teams', 'github'],
    trigger: at(['09:00'], 'daily'),
    destinations: [channel('#reviews', 'teams')],
  }),
  row('rather than gmail use my outlook inbox: summarise unread every morning at 8 to teams', ['negation', 'filter-unread'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['08:00'], 'daily'),
    filters: [f.unread()],
  }),
  row('post new discord messages from #bugs to github as issues, skip jira entirely', ['negation', 'source-channel', 'event'], {
    integrations: ['discord', 'github'],
    trigger: event('discord', 'new_message'),
    destinations: [into('github')],
  }),
  row('hubspot but not salesforce — new hubspot contacts go to airtable', ['negation', 'event'], {
    integrations: ['hubspot', 'airtable'],
    trigger: event('hubspot', 'new_contact'),
    destinations: [into('airtable')],
  }),
  row('we are getting rid of asana. from now on post new trello cards to #tasks', ['negation', 'event'], {
    integrations: ['trello'],
    trigger: event('trello', 'new_card'),
    destinations: [channel('#tasks')],
  }),
  row('i dont use google calendar anymore so just post my notion tasks to slack at 8', ['negation'], {
    integrations: ['notion', 'slack'],
    trigger: at(['08:00']),
  }),
  row('summary of zendesk tickets every friday 4pm to my email, dont post to any channel', ['negation', 'dm'], {
    trigger: at(['16:00'], ['fri']),
    destinations: [dm()],
  }),
  row('without slack notifications: just log new stripe payments into airtable', ['negation', 'event'], {
    integrations: ['stripe', 'airtable'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [into('airtable')],
  }),
  row('use discord instead of slack for the community digest, #weekly every sunday at 6pm', ['negation'], {
    integrations: ['discord'],
    trigger: at(['18:00'], ['sun']),
    destinations: [channel('#weekly', 'discord')],
  }),
  row('no jira. linear. new issues with label urgent → dm me on slack', ['negation', 'event', 'filter-label', 'dm'], {
    integrations: ['linear', 'slack'],
    trigger: event('linear', 'new_issue'),
    destinations: [dm('slack')],
    filters: [f.label('urgent')],
  }),
  row('the team quit using confluence, so put the weekly notes in notion every friday', ['negation'], {
    integrations: ['notion'],
    trigger: on(['fri']),
    destinations: [into('notion')],
  }),
  row('stop using gmail for this, my school account is outlook: summarise new emails from teachers to teams', ['negation', 'filter-from', 'parent'], {
    integrations: ['outlook', 'teams'],
    filters: [f.from('teachers')],
  }),
  row('i no longer use dropbox — new google drive files to #assets on slack please', ['negation', 'event'], {
    integrations: ['google_drive', 'slack'],
    trigger: event('google_drive', 'new_file'),
    destinations: [channel('#assets', 'slack')],
  }),
  row('not email, not teams, just slack: post new linear issues to #eng-inbox', ['negation', 'event'], {
    integrations: ['linear', 'slack'],
    trigger: event('linear', 'new_issue'),
    destinations: [channel('#eng-inbox', 'slack')],
  }),
  row('leave jira out of it, the github issues alone are enough: weekly summary to #eng fridays at 3', ['negation'], {
    integrations: ['github'],
    trigger: at(['15:00'], ['fri']),
    destinations: [channel('#eng')],
  }),
  row('salesforce is gone, we switched to hubspot: new deals → #sales on teams', ['negation', 'event'], {
    integrations: ['hubspot', 'teams'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#sales', 'teams')],
  }),
  row('instead of a notion page put the meeting notes in confluence, every friday at 2', ['negation'], {
    integrations: ['confluence'],
    trigger: at(['14:00'], ['fri']),
    destinations: [into('confluence')],
  }),
  row('anything but slack — new stripe disputes to my email please', ['negation', 'dm'], {
    destinations: [dm()],
  }),
  row('airtable, not google sheets, for the new shopify orders', ['negation', 'terse'], {
    integrations: ['airtable', 'shopify'],
    destinations: [into('airtable')],
  }),
  row('no more trello cards; when a new zendesk ticket comes in create an asana task', ['negation', 'event'], {
    integrations: ['zendesk', 'asana'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [into('asana')],
  }),
  row('post the slack #general highlights to discord, not back into slack', ['negation'], {
    integrations: ['slack', 'discord'],
  }),
  // Tools outside the catalog, named explicitly: named back, never replaced by a catalog tool.
  row('when an invoice is paid in quickbooks post it to #finance on slack', ['unsupported-tool', 'keyword-trap'], {
    integrations: ['slack'],
    unsupported: ['quickbooks'],
    destinations: [channel('#finance', 'slack')],
  }),
  row('sync new mailchimp subscribers into hubspot', ['unsupported-tool'], {
    integrations: ['hubspot'],
    unsupported: ['mailchimp'],
  }),
  row('post xero invoices over $1000 to #finance on slack every monday', ['unsupported-tool', 'keyword-trap', 'filter-amount'], {
    integrations: ['slack'],
    unsupported: ['xero'],
    trigger: on(['mon']),
    destinations: [channel('#finance', 'slack')],
    filters: [f.amount('>', 1000)],
  }),
  row('new pipedrive deals to slack #sales', ['unsupported-tool'], {
    integrations: ['slack'],
    unsupported: ['pipedrive'],
    destinations: [channel('#sales', 'slack')],
  }),
  row('clickup tasks due today → my slack dm at 8am', ['unsupported-tool', 'dm'], {
    integrations: ['slack'],
    unsupported: ['clickup'],
    trigger: at(['08:00']),
    destinations: [dm('slack')],
  }),
  row('intercom conversations tagged bug → jira', ['unsupported-tool', 'filter-label'], {
    integrations: ['jira'],
    unsupported: ['intercom'],
    destinations: [into('jira')],
    filters: [f.label('bug')],
  }),
  row('summarise freshdesk support tickets every evening and send them to #support on slack', ['unsupported-tool', 'keyword-trap'], {
    integrations: ['slack'],
    unsupported: ['freshdesk'],
    destinations: [channel('#support', 'slack')],
  }),
  row('when someone books a calendly meeting add them to hubspot', ['unsupported-tool', 'keyword-trap'], {
    integrations: ['hubspot'],
    unsupported: ['calendly'],
  }),
  row('zoom recordings to google drive every night', ['unsupported-tool'], {
    integrations: ['google_drive'],
    unsupported: ['zoom'],
    destinations: [into('google_drive')],
  }),
  row('send me a whatsapp message when a stripe payment fails', ['unsupported-tool', 'event', 'dm'], {
    integrations: ['stripe'],
    unsupported: ['whatsapp'],
    trigger: event('stripe', 'payment_failed'),
    destinations: [dm()],
  }),
  row('post new gitlab merge requests to #reviews on slack', ['unsupported-tool', 'keyword-trap'], {
    integrations: ['slack'],
    unsupported: ['gitlab'],
    destinations: [channel('#reviews', 'slack')],
  }),
  row('bitbucket pull requests waiting for review → teams #dev every morning at 10', ['unsupported-tool', 'keyword-trap'], {
    integrations: ['teams'],
    unsupported: ['bitbucket'],
    trigger: at(['10:00'], 'daily'),
    destinations: [channel('#dev', 'teams')],
  }),
  row('pagerduty incidents into a notion log', ['unsupported-tool'], {
    integrations: ['notion'],
    unsupported: ['pagerduty'],
    destinations: [into('notion')],
  }),
  row('new woocommerce orders to #orders on slack', ['unsupported-tool', 'keyword-trap'], {
    integrations: ['slack'],
    unsupported: ['woocommerce'],
    destinations: [channel('#orders', 'slack')],
  }),
  row('my etsy shop orders → google sheet daily at 9pm', ['unsupported-tool', 'keyword-trap'], {
    integrations: ['google_sheets'],
    unsupported: ['etsy'],
    trigger: at(['21:00'], 'daily'),
    destinations: [into('google_sheets')],
  }),
  row('paypal payments over 100 to my gmail as a summary every friday', ['unsupported-tool', 'keyword-trap', 'filter-amount'], {
    integrations: ['gmail'],
    unsupported: ['paypal'],
    trigger: on(['fri']),
    destinations: [dm('gmail')],
    filters: [f.amount('>', 100)],
  }),
  row('the excel spreadsheet on our sharepoint — post the totals to #finance on teams monthly on the 1st', ['unsupported-tool', 'keyword-trap', 'day-of-month'], {
    integrations: ['teams'],
    unsupported: ['excel', 'sharepoint'],
    trigger: monthly(1),
    destinations: [channel('#finance', 'teams')],
  }),
  row('new google forms responses to slack #feedback', ['unsupported-tool'], {
    integrations: ['slack'],
    unsupported: ['google forms'],
    destinations: [channel('#feedback', 'slack')],
  }),
  row('post our new instagram comments to #social on slack', ['unsupported-tool'], {
    integrations: ['slack'],
    unsupported: ['instagram'],
    destinations: [channel('#social', 'slack')],
  }),
  row('linkedin messages from recruiters → my outlook? can you do that', ['unsupported-tool'], {
    integrations: ['outlook'],
    unsupported: ['linkedin'],
  }),
  row('new typeform submissions to airtable', ['unsupported-tool'], {
    integrations: ['airtable'],
    unsupported: ['typeform'],
    trigger: NONE,
    destinations: [into('airtable')],
  }),
  row('every friday at 5 post basecamp to-dos completed this week to #team on slack', ['unsupported-tool'], {
    integrations: ['slack'],
    unsupported: ['basecamp'],
    trigger: at(['17:00'], ['fri']),
    destinations: [channel('#team', 'slack')],
  }),
  row('todoist tasks for today to my slack dm at 7', ['unsupported-tool', 'dm'], {
    integrations: ['slack'],
    unsupported: ['todoist'],
    trigger: at(['07:00']),
    destinations: [dm('slack')],
  }),
  row('sentry errors → jira tickets with priority high', ['unsupported-tool', 'filter-priority'], {
    integrations: ['jira'],
    unsupported: ['sentry'],
    destinations: [into('jira')],
    filters: [f.priority('high')],
  }),
  row('send a telegram message to me when someone mentions us on twitter', ['unsupported-tool', 'event', 'dm'], {
    integrations: ['twitter'],
    unsupported: ['telegram'],
    trigger: event('twitter', 'new_mention'),
    destinations: [dm()],
  }),
  row('mailchimp email campaign stats to #marketing on teams every monday at 10', ['unsupported-tool', 'keyword-trap'], {
    integrations: ['teams'],
    unsupported: ['mailchimp'],
    trigger: at(['10:00'], ['mon']),
    destinations: [channel('#marketing', 'teams')],
  }),
  row('new bamboohr hires → a notion onboarding page', ['unsupported-tool'], {
    integrations: ['notion'],
    unsupported: ['bamboohr'],
    destinations: [into('notion')],
  }),
  row('docusign envelopes completed → save to dropbox', ['unsupported-tool', 'filter-status'], {
    integrations: ['dropbox'],
    unsupported: ['docusign'],
    destinations: [into('dropbox')],
    filters: [f.status('completed')],
  }),
  row('freshbooks invoices that are overdue, slack me every monday at 9', ['unsupported-tool', 'keyword-trap', 'filter-status', 'freelancer'], {
    integrations: ['slack'],
    unsupported: ['freshbooks'],
    trigger: at(['09:00'], ['mon']),
    destinations: [dm('slack')],
    filters: [f.status('overdue')],
  }),
  row('onedrive new files to #design on teams', ['unsupported-tool'], {
    integrations: ['teams'],
    unsupported: ['onedrive'],
    destinations: [channel('#design', 'teams')],
  }),
  row('greenhouse new candidates into an airtable base', ['unsupported-tool'], {
    integrations: ['airtable'],
    unsupported: ['greenhouse'],
    destinations: [into('airtable')],
  }),
  row('monday.com items due this week → slack #pm', ['unsupported-tool'], {
    integrations: ['slack'],
    unsupported: ['monday.com'],
    destinations: [channel('#pm', 'slack')],
  }),
  row('square payments from the coffee shop every evening at 7 to my gmail', ['unsupported-tool', 'keyword-trap', 'dm'], {
    integrations: ['gmail'],
    unsupported: ['square'],
    trigger: at(['19:00'], 'daily'),
    destinations: [dm('gmail')],
  }),
  row('wordpress new comments → discord #blog', ['unsupported-tool'], {
    integrations: ['discord'],
    unsupported: ['wordpress'],
    destinations: [channel('#blog', 'discord')],
  }),
  row('post our youtube channel’s new comments to slack', ['unsupported-tool'], {
    integrations: ['slack'],
    unsupported: ['youtube'],
  }),
  row('new figma comments to #design-feedback on discord', ['unsupported-tool'], {
    integrations: ['discord'],
    unsupported: ['figma'],
    destinations: [channel('#design-feedback', 'discord')],
  }),
  row('google analytics weekly traffic to #growth on slack, mondays', ['unsupported-tool'], {
    integrations: ['slack'],
    unsupported: ['google analytics'],
    trigger: on(['mon']),
    destinations: [channel('#growth', 'slack')],
  }),
  row('quickbooks + stripe: match payments and put the mismatches in a google sheet', ['unsupported-tool'], {
    integrations: ['stripe', 'google_sheets'],
    unsupported: ['quickbooks'],
    destinations: [into('google_sheets')],
  }),
  row('zoho crm new leads to slack #leads', ['unsupported-tool'], {
    integrations: ['slack'],
    unsupported: ['zoho crm'],
    destinations: [channel('#leads', 'slack')],
  }),
  row('post evernote notes tagged work to notion', ['unsupported-tool', 'filter-label'], {
    integrations: ['notion'],
    unsupported: ['evernote'],
    destinations: [into('notion')],
    filters: [f.label('work')],
  }),
  row('help scout conversations → zendesk? we are migrating, new ones only', ['unsupported-tool'], {
    integrations: ['zendesk'],
    unsupported: ['help scout'],
  }),
  // Keyword traps: a word a catalog tool is known for, about another tool or no tool.
  row('summarize my emails in outlook every morning at 7 and post to teams', ['keyword-trap'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['07:00'], 'daily'),
  }),
  row('email me when a new outlook email arrives from my boss', ['keyword-trap', 'event', 'filter-from', 'dm'], {
    integrations: ['outlook'],
    trigger: event('outlook', 'new_email'),
    destinations: [dm()],
    filters: [f.from('my boss')],
  }),
  row('our team wiki lives in notion; post new pages there to #docs on slack', ['keyword-trap', 'event'], {
    integrations: ['notion', 'slack'],
    trigger: event('notion', 'new_page'),
    destinations: [channel('#docs', 'slack')],
  }),
  row('post the numbers from our airtable content calendar to #content every monday', ['keyword-trap'], {
    integrations: ['airtable'],
    trigger: on(['mon']),
    destinations: [channel('#content')],
  }),
  row('post the donation drive totals from the google sheet to slack #fundraising at 5pm daily', ['keyword-trap'], {
    integrations: ['google_sheets', 'slack'],
    trigger: at(['17:00'], 'daily'),
    destinations: [channel('#fundraising', 'slack')],
  }),
  row('post a summary for both sales teams in slack #sales-emea and #sales-us every friday', ['keyword-trap', 'multi-destination'], {
    integrations: ['slack'],
    trigger: on(['fri']),
    destinations: [channel('#sales-emea', 'slack'), channel('#sales-us', 'slack')],
  }),
  row('post stripe payouts with today’s exchange rate applied to #finance on slack', ['keyword-trap'], {
    integrations: ['stripe', 'slack'],
    destinations: [channel('#finance', 'slack')],
  }),
  row('when a support ticket comes in on intercom, create a linear issue', ['keyword-trap', 'unsupported-tool'], {
    integrations: ['linear'],
    unsupported: ['intercom'],
    destinations: [into('linear')],
  }),
  row('the orders in our airtable base that are still open → #fulfilment every morning at 8', ['keyword-trap', 'filter-status'], {
    integrations: ['airtable'],
    trigger: at(['08:00'], 'daily'),
    destinations: [channel('#fulfilment')],
    filters: [f.status('open')],
  }),
  row('new rows in the airtable spreadsheet → trello cards', ['keyword-trap', 'event'], {
    integrations: ['airtable', 'trello'],
    trigger: event('airtable', 'new_record'),
    destinations: [into('trello')],
  }),
  row('post linear issues to teams, the design teams channel is #design', ['keyword-trap'], {
    integrations: ['linear', 'teams'],
    destinations: [channel('#design', 'teams')],
  }),
  row('my hotmail inbox: summarize unread emails and dm me on slack at 9', ['keyword-trap', 'filter-unread', 'dm'], {
    integrations: ['outlook', 'slack'],
    trigger: at(['09:00']),
    destinations: [dm('slack')],
    filters: [f.unread()],
  }),
  row('payments logged in our notion finance database → weekly summary to #finance', ['keyword-trap'], {
    integrations: ['notion'],
    destinations: [channel('#finance')],
  }),
  row('meetings from my google calendar with external people → a row in the crm sheet', ['keyword-trap'], {
    integrations: ['google_calendar', 'google_sheets'],
    destinations: [into('google_sheets')],
  }),
  row('invoices emailed to billing@acme.com in gmail → save the pdfs to dropbox', ['keyword-trap'], {
    integrations: ['gmail', 'dropbox'],
    destinations: [into('dropbox')],
  }),
  row('post the repo’s new issues from github to discord', ['keyword-trap', 'event'], {
    integrations: ['github', 'discord'],
    trigger: event('github', 'new_issue'),
  }),
  row('mail merge from the google sheet to our customers? no sorry, just email me the new rows from the google sheet daily at 6pm', ['keyword-trap', 'dm'], {
    trigger: at(['18:00'], 'daily'),
    destinations: [dm()],
  }),
  row('our jira helpdesk project: new tickets → #it-help on slack', ['keyword-trap', 'event'], {
    integrations: ['jira', 'slack'],
    trigger: event('jira', 'new_issue'),
    destinations: [channel('#it-help', 'slack')],
  }),
  row('when a new deal is created in hubspot with payment terms net 30, add it to the airtable', ['keyword-trap', 'event'], {
    integrations: ['hubspot', 'airtable'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [into('airtable')],
  }),
  row('the confluence page with our drive-time policy → post changes to #hr on teams', ['keyword-trap'], {
    integrations: ['confluence', 'teams'],
    destinations: [channel('#hr', 'teams')],
  }),
  row('tell #dev on discord when a github issue mentions "linear algebra"', ['keyword-trap', 'filter-keyword'], {
    integrations: ['discord', 'github'],
    destinations: [channel('#dev', 'discord')],
    filters: [f.keyword('linear algebra')],
  }),
  row('salesforce opportunities where the customer said they have a slack workspace → post to #upsell on teams', ['keyword-trap'], {
    integrations: ['salesforce', 'teams'],
    destinations: [channel('#upsell', 'teams')],
  }),
  row('asana tasks from the team calendar project → notion every monday', ['keyword-trap'], {
    integrations: ['asana', 'notion'],
    trigger: on(['mon']),
    destinations: [into('notion')],
  }),
  row('post new shopify orders to #orders in discord, we dont use slack', ['negation', 'event'], {
    integrations: ['shopify', 'discord'],
    trigger: event('shopify', 'new_order'),
    destinations: [channel('#orders', 'discord')],
  }),
  row('new zendesk tickets from acme.com should be emailed to account-team@acme.com', ['event', 'filter-from', 'email-destination'], {
    trigger: event('zendesk', 'new_ticket'),
    destinations: [mail('account-team@acme.com')],
    filters: [f.from('acme.com')],
  }),
  // Fresh rows (h-dest2): tools named beside words another tool is known for, removals said loosely, and a
  // choice taken back inside the same message.
  row('every time a calendly invite is booked put the person in hubspot as a contact', ['unsupported-tool', 'keyword-trap'], {
    integrations: ['hubspot'],
    unsupported: ['calendly'],
  }),
  row('new jotform entries into our airtable base pls', ['unsupported-tool'], {
    integrations: ['airtable'],
    unsupported: ['jotform'],
    destinations: [into('airtable')],
  }),
  row('sentry errors to a notion page for the weekly review', ['unsupported-tool'], {
    integrations: ['notion'],
    unsupported: ['sentry'],
    destinations: [into('notion')],
  }),
  row('save every pdf from my dropbox inbox folder into google drive', ['keyword-trap'], {
    integrations: ['dropbox', 'google_drive'],
    destinations: [into('google_drive')],
  }),
  row('dump new trello cards into the notion inbox database', ['keyword-trap'], {
    integrations: ['trello', 'notion'],
    destinations: [into('notion')],
  }),
  row('no more asana for us. when a github issue is labelled bug make a linear issue', ['negation'], {
    integrations: ['github', 'linear'],
    destinations: [into('linear')],
  }),
  row('leave slack out of this one, new stripe payments go to #finance on discord', ['negation'], {
    integrations: ['stripe', 'discord'],
    destinations: [channel('#finance', 'discord')],
  }),
  row('trello is gone, we moved to asana: new hubspot deals become asana tasks', ['negation'], {
    integrations: ['hubspot', 'asana'],
    destinations: [into('asana')],
  }),
  row('new shopify orders → airtable? no, a google sheet is easier', ['negation', 'in-message-correction'], {
    integrations: ['shopify', 'google_sheets'],
    destinations: [into('google_sheets')],
  }),
  row('failed stripe payments to #billing, sorry i mean #collections, on slack', ['negation', 'in-message-correction'], {
    integrations: ['stripe', 'slack'],
    destinations: [channel('#collections', 'slack')],
  }),
  row('post new github pull requests to discord — actually teams, channel #reviews', ['negation', 'in-message-correction'], {
    integrations: ['github', 'teams'],
    destinations: [channel('#reviews', 'teams')],
  }),
  row('new zendesk tickets: #support on discord, #tier2 on slack', ['multi-destination'], {
    integrations: ['zendesk', 'discord', 'slack'],
    destinations: [channel('#support', 'discord'), channel('#tier2', 'slack')],
  }),
  row('new linear issues go to #product on teams and #dev on slack', ['multi-destination'], {
    integrations: ['linear', 'teams', 'slack'],
    destinations: [channel('#product', 'teams'), channel('#dev', 'slack')],
  }),
  row('save new google-docs to notion every friday', ['brand-spelling'], {
    integrations: ['google_drive', 'notion'],
    trigger: on(['fri']),
    destinations: [into('notion')],
  }),
  row('send new shopify orders to the orders google spreadsheet', ['keyword-trap'], {
    integrations: ['shopify', 'google_sheets'],
    destinations: [into('google_sheets')],
  }),
  // Things of a tool outside the catalog sent on to one in it: the catalog tool is where they go, not the source.
  row('new typeform responses → airtable pls', ['unsupported-tool'], {
    integrations: ['airtable'],
    unsupported: ['typeform'],
    trigger: NONE,
    destinations: [into('airtable')],
  }),
  row('every new jotform submission to my google sheet', ['unsupported-tool'], {
    integrations: ['google_sheets'],
    unsupported: ['jotform'],
    trigger: NONE,
    destinations: [into('google_sheets')],
  }),
  row('new pipedrive deals to hubspot', ['unsupported-tool'], {
    integrations: ['hubspot'],
    unsupported: ['pipedrive'],
    trigger: NONE,
    destinations: [into('hubspot')],
  }),
  row('new calendly bookings into notion', ['unsupported-tool'], {
    integrations: ['notion'],
    unsupported: ['calendly'],
    trigger: NONE,
    destinations: [into('notion')],
  }),
  row('typeform entries go to airtable', ['unsupported-tool'], {
    integrations: ['airtable'],
    unsupported: ['typeform'],
    trigger: NONE,
    destinations: [into('airtable')],
  }),
  // Who is writing ("IT helpdesk: …") is no tool when the rest names the tool things come from.
  row('IT helpdesk here - when a new linear issue is created ping #it on slack', ['role-prefix', 'event'], {
    integrations: ['linear', 'slack'],
    trigger: event('linear', 'new_issue'),
    destinations: [channel('#it', 'slack')],
  }),
  row('helpdesk team: every morning send me a summary of new jira tickets', ['role-prefix', 'dm'], {
    integrations: ['jira'],
    trigger: at(['08:00'], 'daily'),
    destinations: [dm()],
  }),
  row('Help desk lead. Need new jira tickets posted to #helpdesk on teams', ['role-prefix', 'event'], {
    integrations: ['jira', 'teams'],
    trigger: event('jira', 'new_issue'),
    destinations: [channel('#helpdesk', 'teams')],
  }),
  row('im on the helpdesk team, when a new ticket comes in on jira ping me on slack', ['role-prefix', 'event', 'dm'], {
    integrations: ['jira', 'slack'],
    trigger: event('jira', 'new_issue'),
    destinations: [dm('slack')],
  }),
  row('payments team here - when a new hubspot deal closes post it in #sales on slack', ['role-prefix', 'event'], {
    integrations: ['hubspot', 'slack'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#sales', 'slack')],
  }),
  // The role word alone still names the tool, as does the tool by its name.
  row('IT helpdesk: when a ticket comes in, post it to #it-help on slack', ['role-prefix', 'event'], {
    integrations: ['zendesk', 'slack'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#it-help', 'slack')],
  }),
  row('helpdesk: dm me on slack when a new zendesk ticket arrives', ['role-prefix', 'event', 'dm'], {
    integrations: ['zendesk', 'slack'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [dm('slack')],
  }),
  // A calendar (or another tool's things) posted on a chat tool is still read from its own tool.
  row('post my calendar in #team on slack', ['keyword-tool'], {
    integrations: ['google_calendar', 'slack'],
    destinations: [channel('#team', 'slack')],
  }),
  row('every morning at 8:30 post my calendar in #team on slack', ['keyword-tool'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['08:30'], 'daily'),
    destinations: [channel('#team', 'slack')],
  }),
  row("share today's calendar in #standup on teams at 8:45", ['keyword-tool'], {
    integrations: ['google_calendar', 'teams'],
    trigger: at(['08:45']),
    destinations: [channel('#standup', 'teams')],
  }),
  row('drop my calendar in the #team channel on discord every weekday', ['keyword-tool', 'weekdays'], {
    integrations: ['google_calendar', 'discord'],
    trigger: on('weekdays'),
    destinations: [channel('#team', 'discord')],
  }),
  row('slack me my calendar every day at 7', ['keyword-tool', 'dm'], {
    integrations: ['slack', 'google_calendar'],
    trigger: at(['07:00'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('weekdays only at 8 send me my calendar on slack', ['keyword-tool', 'dm', 'weekdays'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['08:00'], 'weekdays'),
    destinations: [dm('slack')],
  }),
  row('post my calender in #team on slack pls', ['keyword-tool', 'typo'], {
    integrations: ['google_calendar', 'slack'],
    destinations: [channel('#team', 'slack')],
  }),
  row("every monday post the week's calendar to #all-hands in teams", ['keyword-tool'], {
    integrations: ['google_calendar', 'teams'],
    trigger: at(['09:00'], ['mon']),
    destinations: [channel('#all-hands', 'teams')],
  }),
  row('post the invoices from #billing on slack to notion', ['keyword-tool', 'source-channel'], {
    integrations: ['slack', 'notion'],
    destinations: [into('notion')],
  }),
];
