/**
 * First messages that narrow what the agent looks at: from a person or domain, unread, a label or folder,
 * a keyword or subject, a status, a priority, an amount, an exclusion.
 */
import type { PhrasingCase } from './phrasing-case.js';
import { at, channel, dm, event, everyHours, everyMinutes, filter as f, into, mail, MANUAL, on, row } from './expect-builders.js';

export const FILTER_MESSAGES: PhrasingCase[] = [
  // From a person or a domain.
  row('forward emails from my manager to my slack dms', ['filter-from', 'dm'], {
    integrations: ['gmail', 'slack'],
    destinations: [dm('slack')],
    filters: [f.from('my manager')],
  }),
  row('anything from @acme.com in my gmail → #acme-account on slack', ['filter-from'], {
    integrations: ['gmail', 'slack'],
    destinations: [channel('#acme-account', 'slack')],
    filters: [f.from('acme.com')],
  }),
  row('only emails from jordan@example.com, summarised to me at 6pm', ['filter-from', 'dm'], {
    trigger: at(['18:00']),
    destinations: [dm()],
    filters: [f.from('jordan@example.com')],
  }),
  row('emails sent by our lawyers (lawfirm.example.com) should be saved to google drive', ['filter-from'], {
    integrations: ['gmail', 'google_drive'],
    destinations: [into('google_drive')],
    filters: [f.from('lawfirm.example.com')],
  }),
  row('post slack messages from the ceo in #general to a notion page every friday', ['filter-from', 'source-channel'], {
    integrations: ['slack', 'notion'],
    trigger: on(['fri']),
    destinations: [into('notion')],
    filters: [f.from('the ceo')],
  }),
  row('zendesk tickets from enterprise customers → #enterprise-support', ['filter-from'], {
    integrations: ['zendesk'],
    destinations: [channel('#enterprise-support')],
    filters: [f.from('enterprise customers')],
  }),
  row('new outlook emails from my kids’ school → text me', ['filter-from', 'event', 'dm', 'parent'], {
    trigger: event('outlook', 'new_email'),
    destinations: [dm()],
    filters: [f.from('my kids’ school')],
  }),
  row('gmail from the landlord or the letting agent, forward to my partner at partner@example.com', ['filter-from', 'email-destination'], {
    integrations: ['gmail'],
    destinations: [mail('partner@example.com')],
    filters: [f.from('the landlord'), f.from('the letting agent')],
  }),
  row('github issues opened by external contributors → #community on discord', ['event'], {
    integrations: ['github', 'discord'],
    trigger: event('github', 'new_issue'),
    destinations: [channel('#community', 'discord')],
  }),
  row('emails from billing@vendor.example.com with a pdf → dropbox receipts folder', ['filter-from'], {
    integrations: ['gmail', 'dropbox'],
    destinations: [into('dropbox')],
    filters: [f.from('billing@vendor.example.com')],
  }),
  row('from: my boss. to: my slack. when: as soon as it arrives', ['filter-from', 'event', 'terse', 'dm'], {
    integrations: ['gmail', 'slack'],
    trigger: event('gmail', 'new_email'),
    destinations: [dm('slack')],
    filters: [f.from('my boss')],
  }),
  // Unread.
  row('every morning at 7 list my unread emails in a slack dm', ['filter-unread', 'dm'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['07:00'], 'daily'),
    destinations: [dm('slack')],
    filters: [f.unread()],
  }),
  row('unread outlook mail older than a day → teams reminder to me at 4pm', ['filter-unread', 'dm'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['16:00']),
    destinations: [dm('teams')],
    filters: [f.unread()],
  }),
  row('summarise the messages i haven’t read in slack and email them to me at 8pm', ['filter-unread', 'dm'], {
    trigger: at(['20:00']),
    destinations: [dm()],
    filters: [f.unread()],
  }),
  row('only unread ones pls: gmail → notion every evening at 9', ['filter-unread'], {
    integrations: ['gmail', 'notion'],
    trigger: at(['21:00'], 'daily'),
    destinations: [into('notion')],
    filters: [f.unread()],
  }),
  row('gmial unread count + top 5 subjects → slakc dm at 9:00 and 13:00', ['filter-unread', 'typo', 'multi-time', 'dm'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['09:00', '13:00']),
    destinations: [dm('slack')],
    filters: [f.unread()],
  }),
  row('things i have not opened yet in my inbox, summarized at noon on weekdays to teams', ['filter-unread', 'weekdays', 'time-form'], {
    trigger: at(['12:00'], 'weekdays'),
    filters: [f.unread()],
  }),
  // Label, folder.
  row('gmail emails with the label clients → airtable', ['filter-label'], {
    integrations: ['gmail', 'airtable'],
    destinations: [into('airtable')],
    filters: [f.label('clients')],
  }),
  row('everything in my outlook folder "receipts" → a google sheet at the end of each month... say the 28th', ['filter-label', 'day-of-month'], {
    integrations: ['outlook', 'google_sheets'],
    trigger: { type: 'schedule', dayOfMonth: 28 },
    destinations: [into('google_sheets')],
    filters: [f.label('receipts')],
  }),
  row('new files in the dropbox folder /clients/acme → slack #acme', ['event'], {
    integrations: ['dropbox', 'slack'],
    trigger: event('dropbox', 'new_file'),
    destinations: [channel('#acme', 'slack')],
  }),
  row('github issues labelled documentation → confluence page every monday', ['filter-label'], {
    integrations: ['github', 'confluence'],
    trigger: on(['mon']),
    destinations: [into('confluence')],
    filters: [f.label('documentation')],
  }),
  row('trello cards with the red label → my slack dm at 8:30', ['filter-label', 'dm'], {
    integrations: ['trello', 'slack'],
    trigger: at(['08:30']),
    destinations: [dm('slack')],
    filters: [f.label('red')],
  }),
  row('jira tickets tagged frontend → #frontend on teams every day at 10', ['filter-label'], {
    integrations: ['jira', 'teams'],
    trigger: at(['10:00'], 'daily'),
    destinations: [channel('#frontend', 'teams')],
    filters: [f.label('frontend')],
  }),
  row('gmail label "kids" → a notion page for the family, sundays at 6pm', ['filter-label', 'parent'], {
    integrations: ['gmail', 'notion'],
    trigger: at(['18:00'], ['sun']),
    destinations: [into('notion')],
    filters: [f.label('kids')],
  }),
  row('zendesk tickets in the billing group → #billing', ['filter-label'], {
    integrations: ['zendesk'],
    destinations: [channel('#billing')],
    filters: [f.label('billing')],
  }),
  row('google drive files in the "board packs" folder → email board@acme.com when they appear', ['filter-label', 'event'], {
    trigger: event('google_drive', 'new_file'),
    destinations: [mail('board@acme.com')],
    filters: [f.label('board packs')],
  }),
  // Keyword or subject.
  row('emails with "invoice" in the subject → stripe? no, to a google sheet', ['filter-keyword'], {
    integrations: ['gmail', 'google_sheets'],
    destinations: [into('google_sheets')],
    filters: [f.keyword('invoice')],
  }),
  row('slack messages that mention "outage" anywhere → text me', ['filter-keyword', 'dm'], {
    destinations: [dm()],
    filters: [f.keyword('outage')],
  }),
  row('twitter mentions that contain "refund" → zendesk ticket', ['filter-keyword', 'event'], {
    integrations: ['twitter', 'zendesk'],
    trigger: event('twitter', 'new_mention'),
    destinations: [into('zendesk')],
    filters: [f.keyword('refund')],
  }),
  row('gmail subject contains "order confirmation" → airtable row', ['filter-keyword'], {
    integrations: ['gmail', 'airtable'],
    destinations: [into('airtable')],
    filters: [f.keyword('order confirmation')],
  }),
  row('github issues about "login" → #auth-team', ['filter-keyword'], {
    integrations: ['github'],
    destinations: [channel('#auth-team')],
    filters: [f.keyword('login')],
  }),
  row('discord posts mentioning our product name "widgetly" → #brand on slack', ['filter-keyword'], {
    integrations: ['discord', 'slack'],
    destinations: [channel('#brand', 'slack')],
    filters: [f.keyword('widgetly')],
  }),
  row('any outlook email whose subject starts with [action] → asana task', ['filter-keyword'], {
    integrations: ['outlook', 'asana'],
    destinations: [into('asana')],
    filters: [f.keyword('[action]')],
  }),
  row('emails about the field trip → my slack dm', ['filter-keyword', 'dm', 'parent'], {
    integrations: ['gmail', 'slack'],
    destinations: [dm('slack')],
    filters: [f.keyword('field trip')],
  }),
  row('jira tickets with "security" in the title → #security every 30 min', ['filter-keyword', 'interval'], {
    integrations: ['jira'],
    trigger: everyMinutes(30),
    destinations: [channel('#security')],
    filters: [f.keyword('security')],
  }),
  // Status.
  row('only open tickets from zendesk, posted to #support at 9', ['filter-status'], {
    integrations: ['zendesk'],
    trigger: at(['09:00']),
    destinations: [channel('#support')],
    filters: [f.status('open')],
  }),
  row('jira tickets that are done this week → confluence changelog on friday at 4', ['filter-status'], {
    integrations: ['jira', 'confluence'],
    trigger: at(['16:00'], ['fri']),
    destinations: [into('confluence')],
    filters: [f.status('done')],
  }),
  row('linear issues in review for more than 2 days → dm me on slack at 10', ['filter-status', 'dm'], {
    integrations: ['linear', 'slack'],
    trigger: at(['10:00']),
    destinations: [dm('slack')],
    filters: [f.status('in review')],
  }),
  row('asana tasks marked complete today → #wins on teams at 5:30pm', ['filter-status'], {
    integrations: ['asana', 'teams'],
    trigger: at(['17:30']),
    destinations: [channel('#wins', 'teams')],
    filters: [f.status('complete')],
  }),
  row('github pull requests that are still open after 3 days → #eng-leads each morning at 9', ['filter-status'], {
    integrations: ['github'],
    trigger: at(['09:00'], 'daily'),
    destinations: [channel('#eng-leads')],
    filters: [f.status('open')],
  }),
  row('trello cards in the blocked list → slack #standup at 9:10 weekdays', ['filter-status', 'time-form'], {
    integrations: ['trello', 'slack'],
    trigger: at(['09:10'], 'weekdays'),
    destinations: [channel('#standup', 'slack')],
    filters: [f.status('blocked')],
  }),
  row('zendesk tickets that are solved → a monthly report to support@acme.com on the 1st', ['filter-status', 'day-of-month'], {
    trigger: { type: 'schedule', dayOfMonth: 1 },
    destinations: [mail('support@acme.com')],
    filters: [f.status('solved')],
  }),
  row('hubspot deals in stage closed won → #wins', ['filter-status'], {
    integrations: ['hubspot'],
    destinations: [channel('#wins')],
    filters: [f.status('closed won')],
  }),
  row('shopify orders still unfulfilled at 5pm → #warehouse on slack', ['filter-status'], {
    integrations: ['shopify', 'slack'],
    trigger: at(['17:00']),
    destinations: [channel('#warehouse', 'slack')],
    filters: [f.status('unfulfilled')],
  }),
  row('stripe invoices that are past due → email me mondays at 8', ['filter-status', 'dm', 'freelancer'], {
    trigger: at(['08:00'], ['mon']),
    destinations: [dm()],
    filters: [f.status('past due')],
  }),
  row('linaer issues in todo → notoin board every morning', ['filter-status', 'typo'], {
    integrations: ['linear', 'notion'],
    trigger: on('daily'),
    destinations: [into('notion')],
    filters: [f.status('todo')],
  }),
  // Priority.
  row('high priority only: new jira issues to #eng-alerts', ['filter-priority', 'event'], {
    integrations: ['jira'],
    trigger: event('jira', 'new_issue'),
    destinations: [channel('#eng-alerts')],
    filters: [f.priority('high')],
  }),
  row('P1 tickets from zendesk → text me right away', ['filter-priority', 'event', 'dm'], {
    trigger: event('zendesk', 'new_ticket'),
    destinations: [dm()],
    filters: [f.priority('p1')],
  }),
  row('linear urgent issues → #oncall on slack, normal ones can wait', ['filter-priority'], {
    integrations: ['linear', 'slack'],
    destinations: [channel('#oncall', 'slack')],
    filters: [f.priority('urgent')],
  }),
  row('outlook emails marked high importance → my teams chat', ['filter-priority', 'dm'], {
    integrations: ['outlook', 'teams'],
    destinations: [dm('teams')],
    filters: [f.priority('high')],
  }),
  row('critical sentry... no, critical github issues → discord #alerts', ['filter-priority'], {
    integrations: ['github', 'discord'],
    destinations: [channel('#alerts', 'discord')],
    filters: [f.priority('critical')],
  }),
  row('asana tasks with high priority due this week → slack dm monday 8am', ['filter-priority', 'dm'], {
    integrations: ['asana', 'slack'],
    trigger: at(['08:00'], ['mon']),
    destinations: [dm('slack')],
    filters: [f.priority('high')],
  }),
  row('jria p0 and p1 bugs → #incidents every 5 mins', ['filter-priority', 'typo', 'interval'], {
    integrations: ['jira'],
    trigger: everyMinutes(5),
    destinations: [channel('#incidents')],
    filters: [f.priority('p0'), f.priority('p1')],
  }),
  row('only sev1 zendesk tickets to the on-call channel on slack', ['filter-priority'], {
    integrations: ['zendesk', 'slack'],
    destinations: [channel('#on-call', 'slack')],
    filters: [f.priority('sev1')],
  }),
  // Amount.
  row('stripe invoices over $500 → #finance', ['filter-amount'], {
    integrations: ['stripe'],
    destinations: [channel('#finance')],
    filters: [f.amount('>', 500)],
  }),
  row('shopify orders above 250 → slack me', ['filter-amount', 'dm'], {
    integrations: ['shopify', 'slack'],
    destinations: [dm('slack')],
    filters: [f.amount('>', 250)],
  }),
  row('stripe charges under $5 look like card testing, alert #fraud on slack', ['filter-amount'], {
    integrations: ['stripe', 'slack'],
    destinations: [channel('#fraud', 'slack')],
    filters: [f.amount('<', 5)],
  }),
  row('hubspot deals worth at least 10000 → #big-deals', ['filter-amount'], {
    integrations: ['hubspot'],
    destinations: [channel('#big-deals')],
    filters: [f.amount('>=', 10000)],
  }),
  row('expenses in the google sheet more than 1,000 → email finance@acme.com', ['filter-amount'], {
    destinations: [mail('finance@acme.com')],
    filters: [f.amount('>', 1000)],
  }),
  row('salesforce opportunities bigger than 50k → ping the vp in #leadership', ['filter-amount'], {
    integrations: ['salesforce'],
    destinations: [channel('#leadership')],
    filters: [f.amount('>', 50000)],
  }),
  row('payments of exactly 99 dollars from stripe → the annual plan sheet', ['filter-amount'], {
    integrations: ['stripe', 'google_sheets'],
    destinations: [into('google_sheets')],
    filters: [f.amount('=', 99)],
  }),
  row('stripe refunds... i mean payments less than or equal to 20 → airtable', ['filter-amount'], {
    integrations: ['stripe', 'airtable'],
    destinations: [into('airtable')],
    filters: [f.amount('<=', 20)],
  }),
  row('shopify orders over €2000 → email owner@example.com and #sales on teams', ['filter-amount', 'multi-destination'], {
    destinations: [mail('owner@example.com'), channel('#sales', 'teams')],
    filters: [f.amount('>', 2000)],
  }),
  row('hubspto deals > 5000 → slakc #sales', ['filter-amount', 'typo', 'terse'], {
    integrations: ['hubspot', 'slack'],
    destinations: [channel('#sales', 'slack')],
    filters: [f.amount('>', 5000)],
  }),
  row('airtable expense records over 200 pounds need approval, dm me on teams', ['filter-amount', 'dm'], {
    integrations: ['airtable', 'teams'],
    destinations: [dm('teams')],
    filters: [f.amount('>', 200)],
  }),
  row('big stripe payments (over 10k) → text me instantly', ['filter-amount', 'event', 'dm'], {
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [dm()],
    filters: [f.amount('>', 10000)],
  }),
  // Exclusion.
  row('forward my gmail to slack dm except newsletters', ['filter-exclude', 'dm'], {
    integrations: ['gmail', 'slack'],
    destinations: [dm('slack')],
    filters: [f.exclude('newsletters')],
  }),
  row('summarise my inbox at 6pm but skip anything from noreply', ['filter-exclude'], {
    trigger: at(['18:00']),
    filters: [f.exclude('noreply')],
  }),
  row('post new github issues to #eng except the ones labelled wontfix', ['filter-exclude', 'event'], {
    integrations: ['github'],
    trigger: event('github', 'new_issue'),
    destinations: [channel('#eng')],
    filters: [f.exclude('wontfix')],
  }),
  row('all new zendesk tickets to #support but not the spam ones', ['filter-exclude', 'event'], {
    integrations: ['zendesk'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#support')],
    filters: [f.exclude('spam')],
  }),
  row('outlook emails to teams, ignore the automated ones from jira', ['filter-exclude', 'keyword-trap'], {
    integrations: ['outlook', 'teams'],
    filters: [f.exclude('jira')],
  }),
  row('slack #general summary every evening, leave out bot messages', ['filter-exclude', 'source-channel'], {
    integrations: ['slack'],
    trigger: on('daily'),
    filters: [f.exclude('bot messages')],
  }),
  row('twitter mentions → #social, excluding retweets', ['filter-exclude', 'event'], {
    integrations: ['twitter'],
    trigger: event('twitter', 'new_mention'),
    destinations: [channel('#social')],
    filters: [f.exclude('retweets')],
  }),
  row('gmail from school → text me, but not the lunch menu emails', ['filter-exclude', 'filter-from', 'dm', 'parent'], {
    destinations: [dm()],
    filters: [f.from('school'), f.exclude('lunch menu')],
  }),
  row('new shopify orders to #orders except test orders', ['filter-exclude', 'event'], {
    integrations: ['shopify'],
    trigger: event('shopify', 'new_order'),
    destinations: [channel('#orders')],
    filters: [f.exclude('test orders')],
  }),
  row('every jira ticket except the ones in done → weekly email to pm@acme.com, mondays', ['filter-exclude'], {
    trigger: on(['mon']),
    destinations: [mail('pm@acme.com')],
    filters: [f.exclude('done')],
  }),
  row('all stripe payments apart from the ones under 1 dollar → google sheet', ['filter-amount'], {
    integrations: ['stripe', 'google_sheets'],
    destinations: [into('google_sheets')],
    filters: [f.amount('>=', 1)],
  }),
  row('gmail → notion, skip promotions and social tabs', ['filter-exclude'], {
    integrations: ['gmail', 'notion'],
    destinations: [into('notion')],
    filters: [f.exclude('promotions'), f.exclude('social')],
  }),
  // Several filters together.
  row('unread emails from acme.com with "contract" in the subject → dm me on slack at 9 and 3', ['filter-unread', 'filter-from', 'filter-keyword', 'multi-time', 'dm'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['09:00', '15:00']),
    destinations: [dm('slack')],
    filters: [f.unread(), f.from('acme.com'), f.keyword('contract')],
  }),
  row('open high priority zendesk tickets → #support-leads every hour', ['filter-status', 'filter-priority', 'interval'], {
    integrations: ['zendesk'],
    trigger: everyHours(1),
    destinations: [channel('#support-leads')],
    filters: [f.status('open'), f.priority('high')],
  }),
  row('stripe payments over 100 except from test customers → airtable', ['filter-amount', 'filter-exclude'], {
    integrations: ['stripe', 'airtable'],
    destinations: [into('airtable')],
    filters: [f.amount('>', 100), f.exclude('test customers')],
  }),
  row('jira bugs labelled mobile, priority high, status open → teams #mobile at 9 weekdays', ['filter-label', 'filter-priority', 'filter-status', 'weekdays'], {
    integrations: ['jira', 'teams'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [channel('#mobile', 'teams')],
    filters: [f.label('mobile'), f.priority('high'), f.status('open')],
  }),
  row('emails from hr with "payslip" in the subject → save to google drive', ['filter-from', 'filter-keyword'], {
    integrations: ['gmail', 'google_drive'],
    destinations: [into('google_drive')],
    filters: [f.from('hr'), f.keyword('payslip')],
  }),
  row('unread outlook mail in the "projects" folder, skip anything from noreply, dm me on teams at noon', ['filter-unread', 'filter-label', 'filter-exclude', 'dm'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['12:00']),
    destinations: [dm('teams')],
    filters: [f.unread(), f.label('projects'), f.exclude('noreply')],
  }),
  row('whenever i ask, the linear issues assigned to me that are in progress and urgent → slack dm', ['manual', 'filter-status', 'filter-priority', 'dm'], {
    integrations: ['linear', 'slack'],
    trigger: MANUAL,
    destinations: [dm('slack')],
    filters: [f.status('in progress'), f.priority('urgent')],
  }),
  row('hubspot deals above 25k in stage negotiation → #deal-desk daily at 8:45', ['filter-amount', 'filter-status', 'time-form'], {
    integrations: ['hubspot'],
    trigger: at(['08:45'], 'daily'),
    destinations: [channel('#deal-desk')],
    filters: [f.amount('>', 25000), f.status('negotiation')],
  }),
  row('gmial from clients, not newsletters, unread only → notoin inbox page every 2 hrs', ['filter-exclude', 'filter-unread', 'typo', 'interval'], {
    integrations: ['gmail', 'notion'],
    trigger: everyHours(2),
    destinations: [into('notion')],
    filters: [f.exclude('newsletters'), f.unread()],
  }),
  row('zendsk tickets tagged refund over $50 → strpe? no, just to #billing on slack', ['filter-label', 'filter-amount', 'typo'], {
    integrations: ['zendesk', 'slack'],
    destinations: [channel('#billing', 'slack')],
    filters: [f.label('refund'), f.amount('>', 50)],
  }),
  row('githb prs labelled hotfix that are open → dm me on slack every 15 min', ['filter-label', 'filter-status', 'typo', 'interval', 'dm'], {
    integrations: ['github', 'slack'],
    trigger: everyMinutes(15),
    destinations: [dm('slack')],
    filters: [f.label('hotfix'), f.status('open')],
  }),
  row('trello cards in done, except the ones labelled internal → client update email to client@example.com fridays', ['filter-status', 'filter-exclude', 'freelancer'], {
    trigger: on(['fri']),
    destinations: [mail('client@example.com')],
    filters: [f.status('done'), f.exclude('internal')],
  }),
  row('new hubspot contacts from example.com → salesfroce lead', ['filter-from', 'typo', 'event'], {
    integrations: ['hubspot', 'salesforce'],
    trigger: event('hubspot', 'new_contact'),
    destinations: [into('salesforce')],
    filters: [f.from('example.com')],
  }),
  row('outlok emails from my accountant about tax → dropbx', ['filter-from', 'filter-keyword', 'typo'], {
    integrations: ['outlook', 'dropbox'],
    destinations: [into('dropbox')],
    filters: [f.from('my accountant'), f.keyword('tax')],
  }),
  row('airtabel records with status approved → slack #approved', ['filter-status', 'typo'], {
    integrations: ['airtable', 'slack'],
    destinations: [channel('#approved', 'slack')],
    filters: [f.status('approved')],
  }),
  row('asana tasks due today that are not done yet → my teems chat at 3pm', ['typo', 'dm'], {
    integrations: ['asana', 'teams'],
    trigger: at(['15:00']),
    destinations: [dm('teams')],
  }),
  row('Stripe payments > 1000 → Slack #Finance', ['filter-amount', 'casing', 'terse'], {
    integrations: ['stripe', 'slack'],
    filters: [f.amount('>', 1000)],
  }),
  row('Gmail, unread, from Acme.com → Teams DM, 8AM weekdays', ['filter-unread', 'filter-from', 'casing', 'weekdays', 'dm'], {
    integrations: ['gmail', 'teams'],
    trigger: at(['08:00'], 'weekdays'),
    destinations: [dm('teams')],
    filters: [f.unread(), f.from('acme.com')],
  }),
  row('ZENDESK URGENT TICKETS → TEXT ME', ['filter-priority', 'casing', 'dm', 'terse'], {
    destinations: [dm()],
    filters: [f.priority('urgent')],
  }),
  row('my side hustle: stripe payments of 500+ → notion ledger, everyday at 11pm', ['filter-amount', 'freelancer', 'daily'], {
    integrations: ['stripe', 'notion'],
    trigger: at(['23:00'], 'daily'),
    destinations: [into('notion')],
    filters: [f.amount('>=', 500)],
  }),
  row('discord messages in #support that mention "crash", excluding ones from mods → github issue', ['filter-keyword', 'filter-exclude', 'source-channel'], {
    integrations: ['discord', 'github'],
    destinations: [into('github')],
    filters: [f.keyword('crash'), f.exclude('mods')],
  }),
  row('new gmail with attachments from anyone but my own team → dropbox', ['filter-exclude', 'event'], {
    integrations: ['gmail', 'dropbox'],
    trigger: event('gmail', 'new_email'),
    destinations: [into('dropbox')],
    filters: [f.exclude('my own team')],
  }),
  row('linear issues not in done, priority urgent or high → #eng-leads at 4pm', ['filter-exclude', 'filter-priority'], {
    integrations: ['linear'],
    trigger: at(['16:00']),
    destinations: [channel('#eng-leads')],
    filters: [f.exclude('done'), f.priority('urgent'), f.priority('high')],
  }),
  row('salesforce leads from the uk only → #uk-sales on teams every morning at 8', ['channel-destination'], {
    integrations: ['salesforce', 'teams'],
    trigger: at(['08:00'], 'daily'),
    destinations: [channel('#uk-sales', 'teams')],
  }),
  // Written later, the way people type, before the rules were reworked (held-out style).
  row('text me when my boss emails me on gmail', ['filter-from'], {
    integrations: ['gmail'],
    filters: [f.from('my boss')],
  }),
  row('ping me on slack whenever the school emails', ['filter-from'], {
    integrations: ['slack', 'gmail'],
    filters: [f.from('the school')],
  }),
  row('fwd mails from the recruiter to me@example.com pls', ['filter-from'], {
    filters: [f.from('the recruiter')],
  }),
  row('emails from anyone @bigclient.com → #bigclient in slack', ['filter-from'], {
    integrations: ['gmail', 'slack'],
    filters: [f.from('bigclient.com')],
  }),
  row('mails from my mom in outlook → teams chat, but not the chain letters', ['filter-from', 'filter-exclude'], {
    integrations: ['outlook', 'teams'],
    filters: [f.from('my mom'), f.exclude('chain letters')],
  }),
  row('gmial, unread only, from the accountant, every friday 4pm → slack dm', ['filter-unread', 'filter-from', 'typo'], {
    integrations: ['gmail', 'slack'],
    filters: [f.unread(), f.from('the accountant')],
  }),
  row('unread outlook emails from hr@acme.com → dm me on teams every morning', ['filter-unread', 'filter-from'], {
    integrations: ['outlook', 'teams'],
    filters: [f.unread(), f.from('hr@acme.com')],
  }),
  row('githb prs, only the ones labeled needs review, to #reviews on slack', ['filter-label', 'typo'], {
    integrations: ['github', 'slack'],
    filters: [f.label('needs review')],
  }),
  row('github issues tagged "help wanted" → discord #contributors every monday', ['filter-label'], {
    integrations: ['github', 'discord'],
    filters: [f.label('help wanted')],
  }),
  row('jira issues labeled tech debt → confluence on the 1st of each month', ['filter-label'], {
    integrations: ['jira', 'confluence'],
    filters: [f.label('tech debt')],
  }),
  row('outlook mail in my "Clients" folder → airtable', ['filter-label'], {
    integrations: ['outlook', 'airtable'],
    filters: [f.label('clients')],
  }),
  row('dropbox files in the receipts folder → google sheets', ['filter-label'], {
    integrations: ['dropbox', 'google_sheets'],
    filters: [f.label('receipts')],
  }),
  row('new stuff in my google drive "Invoices 2024" folder → email accountant@example.com', ['filter-label'], {
    integrations: ['google_drive'],
    filters: [f.label('invoices 2024')],
  }),
  row('gmail emails labelled to pay → google sheet every sunday', ['filter-label'], {
    integrations: ['gmail', 'google_sheets'],
    filters: [f.label('to pay')],
  }),
  row('gmail messages with the subject "weekly report" → save to google drive', ['filter-keyword'], {
    integrations: ['gmail', 'google_drive'],
    filters: [f.keyword('weekly report')],
  }),
  row('slack msgs mentioning deploy → text me', ['filter-keyword'], {
    integrations: ['slack'],
    filters: [f.keyword('deploy')],
  }),
  row('github issues with segfault in the title → discord #bugs', ['filter-keyword'], {
    integrations: ['github', 'discord'],
    filters: [f.keyword('segfault')],
  }),
  row('jira tickets with status in progress → #standup every weekday at 9', ['filter-status'], {
    integrations: ['jira'],
    filters: [f.status('in progress')],
  }),
  row('zendesk tickets still pending → my slack dm at 5pm', ['filter-status'], {
    integrations: ['zendesk', 'slack'],
    filters: [f.status('pending')],
  }),
  row('trello cards in the doing list → #standup every morning', ['filter-status'], {
    integrations: ['trello'],
    filters: [f.status('doing')],
  }),
  row('hubspot deals that are closed lost → #sales-retro on fridays', ['filter-status'], {
    integrations: ['hubspot'],
    filters: [f.status('closed lost')],
  }),
  row('stripe invoices overdue → email me every monday', ['filter-status'], {
    integrations: ['stripe'],
    filters: [f.status('overdue')],
  }),
  row('linear issues with priority urgent → #oncall', ['filter-priority'], {
    integrations: ['linear'],
    filters: [f.priority('urgent')],
  }),
  row('only high prio jira bugs to slack #bugs pls', ['filter-priority'], {
    integrations: ['jira', 'slack'],
    filters: [f.priority('high')],
  }),
  row('zendesk tickets w/ priority urgent or high → #support-escalations', ['filter-priority'], {
    integrations: ['zendesk'],
    filters: [f.priority('urgent'), f.priority('high')],
  }),
  row('stripe payments over $1k → #sales', ['filter-amount'], {
    integrations: ['stripe'],
    filters: [f.amount('>', 1000)],
  }),
  row('shopify orders under 20 bucks → google sheet', ['filter-amount'], {
    integrations: ['shopify', 'google_sheets'],
    filters: [f.amount('<', 20)],
  }),
  row('hubspot deals of 5k or more → slack #deals', ['filter-amount'], {
    integrations: ['hubspot', 'slack'],
    filters: [f.amount('>=', 5000)],
  }),
  row('wanna see stripe refunds bigger than $250 in my teams chat', ['filter-amount'], {
    integrations: ['stripe', 'teams'],
    filters: [f.amount('>', 250)],
  }),
  row('airtable rows where the amount is more than 750 → slack me', ['filter-amount'], {
    integrations: ['airtable', 'slack'],
    filters: [f.amount('>', 750)],
  }),
  row('shopfiy orders over 1.5k → text me', ['filter-amount', 'typo'], {
    integrations: ['shopify'],
    filters: [f.amount('>', 1500)],
  }),
  row('stripe charges below $10 → #fraud-watch', ['filter-amount'], {
    integrations: ['stripe'],
    filters: [f.amount('<', 10)],
  }),
  row('everything in gmail except stuff from amazon → my slack dm', ['filter-exclude'], {
    integrations: ['gmail', 'slack'],
    filters: [f.exclude('amazon')],
  }),
  row('skip anything from linkedin, send the rest of my gmail to notion', ['filter-exclude'], {
    integrations: ['gmail', 'notion'],
    filters: [f.exclude('linkedin')],
  }),
  row('new asana tasks → teams #ops, ignore the ones from the marketing team', ['filter-exclude'], {
    integrations: ['asana', 'teams'],
    filters: [f.exclude('the marketing team')],
  }),
  row('twitter mentions, no retweets, into #social on discord', ['filter-exclude'], {
    integrations: ['twitter', 'discord'],
    filters: [f.exclude('retweets')],
  }),
  // No filter was asked for: none must be invented.
  row('send my gmail to notion every day, nothing fancy', ['no-filter'], {
    integrations: ['gmail', 'notion'],
    filters: [],
    onlyFilters: true,
  }),
  row('post new trello cards to #planning on slack, no need to tell me', ['no-filter'], {
    integrations: ['trello', 'slack'],
    filters: [],
    onlyFilters: true,
  }),
  // Sayings that stress the order ("no exceptions", "no excuses") leave nothing out.
  row('send me my google calendar at 9am, no exceptions', ['negation', 'dm'], {
    integrations: ['google_calendar'],
    trigger: at(['09:00']),
    destinations: [dm()],
    filters: [],
    onlyFilters: true,
  }),
  row('summarise my unread gmail and post it to slack #inbox every morning at 8, no excuses', ['negation', 'british', 'filter-unread'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['08:00']),
    destinations: [channel('#inbox', 'slack')],
    filters: [f.unread()],
    onlyFilters: true,
  }),
  row('every day at 9, no days off, send me my hubspot deals on slack 💪', ['negation', 'dm', 'emoji'], {
    integrations: ['hubspot', 'slack'],
    trigger: at(['09:00'], 'daily'),
    destinations: [dm('slack')],
    filters: [],
    onlyFilters: true,
  }),
  row('post my trello cards to #team at 9 every day, no skipping!!', ['negation'], {
    integrations: ['trello'],
    trigger: at(['09:00'], 'daily'),
    destinations: [channel('#team')],
    filters: [],
    onlyFilters: true,
  }),
  row('every day at 9 no matter what post the jira blockers to #eng', ['negation'], {
    integrations: ['jira'],
    trigger: at(['09:00'], 'daily'),
    destinations: [channel('#eng')],
    filters: [],
    onlyFilters: true,
  }),
  row('new zendesk tickets to #support, no ifs no buts, skip the spam ones', ['negation', 'filter-exclude'], {
    integrations: ['zendesk'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#support')],
    filters: [f.exclude('spam')],
    onlyFilters: true,
  }),
];
