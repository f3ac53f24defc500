/**
 * First messages about where the result goes: a channel, an address, the person themselves ("text me",
 * "dm me", "send it to me privately"), several places at once; a channel read from is not a destination.
 */
import type { PhrasingCase } from './phrasing-case.js';
import { at, channel, dm, event, everyHours, filter as f, into, mail, on, row, VAGUE } from './expect-builders.js';

export const DESTINATION_MESSAGES: PhrasingCase[] = [
  // To the person themselves.
  row('dm me on slack every morning at 8 with my unread gmail', ['dm', 'filter-unread'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['08:00'], 'daily'),
    destinations: [dm('slack')],
    filters: [f.unread()],
  }),
  row('text me when a stripe payment fails', ['dm', 'event'], {
    trigger: event('stripe', 'payment_failed'),
    destinations: [dm()],
  }),
  row('send it to me privately on slack: the jira tickets assigned to me, at 9 every weekday', ['dm'], {
    integrations: ['jira', 'slack'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [dm('slack')],
  }),
  row('email me a summary of the #support channel every evening at 6', ['dm', 'source-channel'], {
    trigger: at(['18:00'], 'daily'),
    destinations: [dm()],
  }),
  row('ping me on slack when someone opens a pull request on our repo', ['dm', 'event'], {
    integrations: ['github', 'slack'],
    trigger: event('github', 'new_pull_request'),
    destinations: [dm('slack')],
  }),
  row('just message me directly on teams when a new hubspot deal comes in', ['dm', 'event'], {
    integrations: ['hubspot', 'teams'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [dm('teams')],
  }),
  row('send my gmail digest to my own inbox at 7pm', ['dm'], {
    integrations: ['gmail'],
    trigger: at(['19:00']),
    destinations: [dm('gmail')],
  }),
  row('let me know on discord when a new shopify order comes in', ['dm', 'event'], {
    integrations: ['shopify', 'discord'],
    trigger: event('shopify', 'new_order'),
    destinations: [dm('discord')],
  }),
  row('slack dm to me with the new salesforce leads, every hour', ['dm', 'interval'], {
    integrations: ['salesforce', 'slack'],
    trigger: everyHours(1),
    destinations: [dm('slack')],
  }),
  row('tell me (just me, not the channel) when a zendesk ticket is marked urgent, on slack', ['dm', 'filter-priority'], {
    integrations: ['zendesk', 'slack'],
    destinations: [dm('slack')],
    filters: [f.priority('urgent')],
  }),
  row('notify me personally on teams when an asana task is created for me', ['dm', 'event'], {
    integrations: ['asana', 'teams'],
    trigger: event('asana', 'new_task'),
    destinations: [dm('teams')],
  }),
  row('send me a private message on slack with the confluence pages published today at 5pm', ['dm'], {
    integrations: ['confluence', 'slack'],
    trigger: at(['17:00']),
    destinations: [dm('slack')],
  }),
  row('email me my calendar for tomorrow every night at 9', ['dm'], {
    trigger: at(['21:00'], 'daily'),
    destinations: [dm()],
  }),
  row('drop me a dm when my twitter gets mentioned', ['dm', 'event'], {
    trigger: event('twitter', 'new_mention'),
    destinations: [dm()],
  }),
  row('i am a freelancer: text me when a client pays an invoice through stripe', ['dm', 'event', 'freelancer'], {
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [dm()],
  }),
  row('shoot me a slack message when an airtable record is added', ['dm', 'event'], {
    integrations: ['airtable', 'slack'],
    trigger: event('airtable', 'new_record'),
    destinations: [dm('slack')],
  }),
  row('remind me on slack every friday at 4 to submit my timesheet from the notion page', ['dm'], {
    integrations: ['slack', 'notion'],
    trigger: at(['16:00'], ['fri']),
    destinations: [dm('slack')],
  }),
  row('send to me only, by email, the linear issues i opened that are still open, mondays at 9', ['dm', 'filter-status'], {
    trigger: at(['09:00'], ['mon']),
    destinations: [dm()],
    filters: [f.status('open')],
  }),
  // A channel, an address, another tool.
  row('post the hubspot weekly numbers in #team-updates every monday at 9', ['channel-destination'], {
    integrations: ['hubspot'],
    trigger: at(['09:00'], ['mon']),
    destinations: [channel('#team-updates')],
  }),
  row('put the new trello cards in the marketing channel on slack every afternoon at 3', ['channel-destination'], {
    integrations: ['trello', 'slack'],
    trigger: at(['15:00'], 'daily'),
    destinations: [channel('#marketing', 'slack')],
  }),
  row('send the zendesk daily report to boss@example.com at 6pm', ['email-destination'], {
    trigger: at(['18:00']),
    destinations: [mail('boss@example.com')],
  }),
  row('new github releases → the releases channel in discord', ['channel-destination', 'event-not-in-catalog'], {
    integrations: ['github', 'discord'],
    destinations: [channel('#releases', 'discord')],
  }),
  row('post to #general on teams when a new confluence page is published', ['channel-destination', 'event'], {
    integrations: ['teams', 'confluence'],
    trigger: event('confluence', 'new_page'),
    destinations: [channel('#general', 'teams')],
  }),
  row('log each stripe payment as a new row in our revenue google sheet', ['integration-destination', 'event'], {
    integrations: ['stripe', 'google_sheets'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [into('google_sheets')],
  }),
  row('add the week’s closed jira tickets to the release notes page in confluence fridays at 2', ['integration-destination', 'filter-status'], {
    integrations: ['jira', 'confluence'],
    trigger: at(['14:00'], ['fri']),
    destinations: [into('confluence')],
    filters: [f.status('closed')],
  }),
  row('put every new hubspot contact on the trello board "outreach"', ['integration-destination', 'event'], {
    integrations: ['hubspot', 'trello'],
    trigger: event('hubspot', 'new_contact'),
    destinations: [into('trello')],
  }),
  row('each morning at 8:30 send the stripe summary to accounting@acme.com', ['email-destination'], {
    trigger: at(['08:30'], 'daily'),
    destinations: [mail('accounting@acme.com')],
  }),
  row('post the github issue digest to the engineering channel every weekday at 9:30', ['channel-destination'], {
    integrations: ['github'],
    trigger: at(['09:30'], 'weekdays'),
    destinations: [channel('#engineering')],
  }),
  row('send new airtable applicants to recruiting@acme.com the moment they come in', ['email-destination', 'event'], {
    trigger: event('airtable', 'new_record'),
    destinations: [mail('recruiting@acme.com')],
  }),
  // A channel read from is not a destination.
  row('summarize #support and post it to #leads every day at 5pm on slack', ['source-channel'], {
    integrations: ['slack'],
    trigger: at(['17:00'], 'daily'),
    destinations: [channel('#leads', 'slack')],
  }),
  row('read #customer-feedback in slack each friday and put the themes into a notion page', ['source-channel'], {
    integrations: ['slack', 'notion'],
    trigger: on(['fri']),
    destinations: [into('notion')],
  }),
  row('go through #random every evening and dm me anything funny', ['source-channel', 'dm'], {
    trigger: on('daily'),
    destinations: [dm()],
  }),
  row('take what people post in #ideas on slack and email it to product@acme.com on mondays', ['source-channel', 'email-destination'], {
    trigger: on(['mon']),
    destinations: [mail('product@acme.com')],
  }),
  row('from #sales-wins on slack, collect the deals and post a weekly total in #leadership', ['source-channel'], {
    integrations: ['slack'],
    destinations: [channel('#leadership', 'slack')],
  }),
  row('watch the #incidents channel on teams and create a jira ticket for each new post', ['source-channel', 'event'], {
    integrations: ['teams', 'jira'],
    trigger: event('teams', 'new_message'),
    destinations: [into('jira')],
  }),
  row('summarise yesterday in #eng and #product on slack, send the summary to me at 8:30', ['source-channel', 'dm'], {
    trigger: at(['08:30']),
    destinations: [dm()],
  }),
  row('collect questions from the #help channel on discord and post the unanswered ones in #mods at 9pm', ['source-channel'], {
    integrations: ['discord'],
    trigger: at(['21:00']),
    destinations: [channel('#mods', 'discord')],
  }),
  row('digest of #announcements (slack) → my gmail every sunday', ['source-channel', 'dm'], {
    integrations: ['slack', 'gmail'],
    trigger: on(['sun']),
    destinations: [dm('gmail')],
  }),
  row('copy messages mentioning "outage" from #ops-chat to #status on slack', ['source-channel', 'filter-keyword'], {
    integrations: ['slack'],
    destinations: [channel('#status', 'slack')],
    filters: [f.keyword('outage')],
  }),
  row('every friday read the #wins channel and write a notion page for the newsletter', ['source-channel'], {
    integrations: ['notion'],
    trigger: on(['fri']),
    destinations: [into('notion')],
  }),
  row('the #bugs teams channel → summarise and email qa@acme.com at 4pm weekdays', ['source-channel', 'email-destination'], {
    trigger: at(['16:00'], 'weekdays'),
    destinations: [mail('qa@acme.com')],
  }),
  row('watch #alerts in slakc and text me if something mentions database', ['source-channel', 'typo', 'dm', 'filter-keyword', 'event'], {
    trigger: event('slack', 'new_message'),
    destinations: [dm()],
    filters: [f.keyword('database')],
  }),
  row('summarize the #sales channel from teams into the weekly report sheet on fridays', ['source-channel'], {
    integrations: ['teams', 'google_sheets'],
    trigger: on(['fri']),
    destinations: [into('google_sheets')],
  }),
  // Several destinations at once.
  row('post new stripe payments to #finance on slack and email cfo@acme.com too', ['multi-destination', 'event'], {
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [channel('#finance', 'slack'), mail('cfo@acme.com')],
  }),
  row('send the jira weekly report to #eng and #product on slack every monday at 10', ['multi-destination'], {
    integrations: ['jira', 'slack'],
    trigger: at(['10:00'], ['mon']),
    destinations: [channel('#eng', 'slack'), channel('#product', 'slack')],
  }),
  row('new zendesk tickets → #support on slack and a row in the tickets google sheet', ['multi-destination', 'event'], {
    integrations: ['zendesk', 'slack', 'google_sheets'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#support', 'slack'), into('google_sheets')],
  }),
  row('email the shopify daily sales to me and to partner@example.com at 9pm', ['multi-destination', 'dm'], {
    trigger: at(['21:00']),
    destinations: [dm(), mail('partner@example.com')],
  }),
  row('post hubspot deals over 20k to #sales and dm me on slack as well', ['multi-destination', 'dm', 'filter-amount'], {
    integrations: ['hubspot', 'slack'],
    destinations: [channel('#sales', 'slack'), dm('slack')],
    filters: [f.amount('>', 20000)],
  }),
  row('new github issues to both #backend and #frontend channels on slack', ['multi-destination', 'event'], {
    integrations: ['github', 'slack'],
    trigger: event('github', 'new_issue'),
    destinations: [channel('#backend', 'slack'), channel('#frontend', 'slack')],
  }),
  row('each new salesforce lead: create a hubspot contact, post in #sdr on teams, and email sdr-lead@acme.com', ['multi-destination', 'event'], {
    trigger: event('salesforce', 'new_lead'),
    destinations: [into('hubspot'), channel('#sdr', 'teams'), mail('sdr-lead@acme.com')],
  }),
  row('send the weekly linear summary to a@acme.com, b@acme.com and c@acme.com on fridays at 4', ['multi-destination', 'email-destination'], {
    trigger: at(['16:00'], ['fri']),
    destinations: [mail('a@acme.com'), mail('b@acme.com'), mail('c@acme.com')],
  }),
  row('post the notion meeting notes to #team on slack and to the team discord #general', ['multi-destination'], {
    integrations: ['notion', 'slack', 'discord'],
    destinations: [channel('#team', 'slack'), channel('#general', 'discord')],
  }),
  row('new trello cards → notion AND airtable', ['multi-destination', 'event', 'casing'], {
    integrations: ['trello', 'notion', 'airtable'],
    trigger: event('trello', 'new_card'),
    destinations: [into('notion'), into('airtable')],
  }),
  row('the gmail invoices go to dropbox and a summary to #finance on teams, every friday at 5', ['multi-destination', 'keyword-trap'], {
    integrations: ['gmail', 'dropbox', 'teams'],
    trigger: at(['17:00'], ['fri']),
    destinations: [into('dropbox'), channel('#finance', 'teams')],
  }),
  row('when someone opens a pull request, post to #reviews and dm the tech lead... actually just dm me and post to #reviews', ['multi-destination', 'event', 'dm'], {
    trigger: event('github', 'new_pull_request'),
    destinations: [channel('#reviews'), dm()],
  }),
  row('send the kids’ school emails from gmail to me and to my partner at partner@example.com as soon as they arrive', ['multi-destination', 'event', 'parent'], {
    trigger: event('gmail', 'new_email'),
    destinations: [dm(), mail('partner@example.com')],
  }),
  row('shopify orders over 1000 to #vip-orders on slack and text me', ['multi-destination', 'dm', 'filter-amount'], {
    destinations: [channel('#vip-orders', 'slack'), dm()],
    filters: [f.amount('>', 1000)],
  }),
  row('post the daily stand-up prompt to #team-a, #team-b and #team-c on teams at 9:25 weekdays', ['multi-destination', 'weekdays'], {
    integrations: ['teams'],
    trigger: at(['09:25'], 'weekdays'),
    destinations: [channel('#team-a', 'teams'), channel('#team-b', 'teams'), channel('#team-c', 'teams')],
  }),
  row('twitter mentions → #social on slack + a row in airtable', ['multi-destination', 'event'], {
    integrations: ['twitter', 'slack', 'airtable'],
    trigger: event('twitter', 'new_mention'),
    destinations: [channel('#social', 'slack'), into('airtable')],
  }),
  row('weekly hr digest from the notion people page to hr@acme.com and #people on slack, mondays 8am', ['multi-destination', 'hr'], {
    trigger: at(['08:00'], ['mon']),
    destinations: [mail('hr@acme.com'), channel('#people', 'slack')],
  }),
  row('new dropbox files: copy to google drive and tell me on slack', ['multi-destination', 'event', 'dm'], {
    integrations: ['dropbox', 'google_drive', 'slack'],
    trigger: event('dropbox', 'new_file'),
    destinations: [into('google_drive'), dm('slack')],
  }),
  row('p1 jira bugs: #incidents on slack, #eng on teams, and an email to cto@acme.com', ['multi-destination', 'filter-priority'], {
    destinations: [channel('#incidents', 'slack'), channel('#eng', 'teams'), mail('cto@acme.com')],
    filters: [f.priority('p1')],
  }),
  row('new google calendar events → a notion page and a reminder to me on slack', ['multi-destination', 'event', 'dm'], {
    integrations: ['google_calendar', 'notion', 'slack'],
    trigger: event('google_calendar', 'new_event'),
    destinations: [into('notion'), dm('slack')],
  }),
  // Many voices.
  row('hi! i coach a kids soccer team and i get a ton of parent emails. could you gather the ones from the league every friday and send them to me in one email? 🙏', ['dm', 'emoji', 'polite', 'filter-from', 'parent'], {
    trigger: on(['fri']),
    destinations: [dm()],
    filters: [f.from('the league')],
  }),
  row('as a recruiter i need new greenhouse... never mind, new airtable candidates posted to #hiring on slack at 10 and 3', ['multi-time', 'hr'], {
    integrations: ['airtable', 'slack'],
    trigger: at(['10:00', '15:00']),
    destinations: [channel('#hiring', 'slack')],
  }),
  row('finance here. every day at 7:45 i need yesterday’s stripe charges in the reconciliation sheet', ['finance', 'time-form'], {
    integrations: ['stripe', 'google_sheets'],
    trigger: at(['07:45'], 'daily'),
    destinations: [into('google_sheets')],
  }),
  row('eng manager here — a slack dm at 9:05 each weekday with PRs older than 2 days', ['dm', 'time-form', 'weekdays'], {
    integrations: ['github', 'slack'],
    trigger: at(['09:05'], 'weekdays'),
    destinations: [dm('slack')],
  }),
  row('support lead: post the zendesk sla breaches to #support-leads every 2 hours', ['interval'], {
    integrations: ['zendesk'],
    trigger: everyHours(2),
    destinations: [channel('#support-leads')],
  }),
  row('I’m the office manager. Could you remind everyone in #office on Teams on the last friday... ok, every friday at 3pm, to clean the fridge? Thanks!', ['polite', 'specific-days'], {
    integrations: ['teams'],
    trigger: at(['15:00'], ['fri']),
    destinations: [channel('#office', 'teams')],
  }),
  row('marketing ops: new hubspot contacts from the webinar form → #webinar on slack', ['event'], {
    integrations: ['hubspot', 'slack'],
    trigger: event('hubspot', 'new_contact'),
    destinations: [channel('#webinar', 'slack')],
  }),
  row('yo whenever someone drops a msg in the discord #bug-reports make a github issue pls', ['event', 'source-channel'], {
    integrations: ['discord', 'github'],
    trigger: event('discord', 'new_message'),
    destinations: [into('github')],
  }),
  row('send me my outlook emails from ceo@acme.com on teams right when they arrive', ['event', 'filter-from', 'dm'], {
    integrations: ['outlook', 'teams'],
    trigger: event('outlook', 'new_email'),
    destinations: [dm('teams')],
    filters: [f.from('ceo@acme.com')],
  }),
  row('when i get a new notion page shared with me, tell me on slack', ['event', 'dm'], {
    integrations: ['notion', 'slack'],
    trigger: event('notion', 'new_page'),
    destinations: [dm('slack')],
  }),
  row('can you post a quote of the day in #random? doesn’t matter when', ['vague-time'], {
    trigger: VAGUE,
    destinations: [channel('#random')],
  }),
  row('daily at 6:40 send me the new linear issues on discord', ['dm', 'time-form', 'daily'], {
    integrations: ['linear', 'discord'],
    trigger: at(['06:40'], 'daily'),
    destinations: [dm('discord')],
  }),
  row('email me (me@example.com) the trello cards due this week every monday at 7', ['email-destination'], {
    trigger: at(['07:00'], ['mon']),
  }),
  row('put new shopify orders in the fulfilment airtable and slack the warehouse channel', ['multi-destination', 'event'], {
    integrations: ['shopify', 'airtable', 'slack'],
    trigger: event('shopify', 'new_order'),
    destinations: [into('airtable'), channel('#warehouse', 'slack')],
  }),
  row('post the confluence on-call page to #oncall on slack every monday at 9 and dm me a copy', ['multi-destination', 'dm'], {
    integrations: ['confluence', 'slack'],
    trigger: at(['09:00'], ['mon']),
    destinations: [channel('#oncall', 'slack'), dm('slack')],
  }),
  // Fresh phrasings: casual, arrows, misspelled tools, two recipients, a tool read from beside a tool written to.
  row('text me whenever a new order comes in on shopify', ['dm', 'event'], {
    integrations: ['shopify'],
    trigger: event('shopify', 'new_order'),
    destinations: [dm()],
  }),
  row('send it to me on slack every morning at 7: the open jira bugs assigned to me', ['dm'], {
    integrations: ['jira', 'slack'],
    trigger: at(['07:00'], 'daily'),
    destinations: [dm('slack')],
  }),
  row('slack me when zendesk gets an urgent ticket', ['dm', 'event', 'filter-priority'], {
    integrations: ['zendesk', 'slack'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [dm('slack')],
    filters: [f.priority('urgent')],
  }),
  row('github prs waiting for review -> #code-review every weekday 10am', ['channel-destination', 'weekdays'], {
    integrations: ['github'],
    trigger: at(['10:00'], 'weekdays'),
    destinations: [channel('#code-review')],
  }),
  row('new hubspot deals -> #sales in slak', ['typo', 'event', 'channel-destination'], {
    integrations: ['hubspot', 'slack'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#sales', 'slack')],
  }),
  row('post in #standup on teems every weekday at 9:15 a reminder to fill in the notion standup page', ['typo', 'channel-destination'], {
    integrations: ['teams', 'notion'],
    trigger: at(['09:15'], 'weekdays'),
    destinations: [channel('#standup', 'teams')],
  }),
  row('email my linear issues to me and to my manager at boss@example.com every friday at 4pm', ['multi-destination', 'dm'], {
    trigger: at(['16:00'], ['fri']),
    destinations: [dm(), mail('boss@example.com')],
  }),
  row('failed stripe payments → dm me and post in #finance', ['multi-destination', 'dm', 'event'], {
    integrations: ['stripe'],
    trigger: event('stripe', 'payment_failed'),
    destinations: [dm(), channel('#finance')],
  }),
  row('save every new gmail attachment to dropboks', ['typo', 'integration-destination', 'event'], {
    integrations: ['gmail', 'dropbox'],
    trigger: event('gmail', 'new_email'),
    destinations: [into('dropbox')],
  }),
  row('new rows in the leads sheet -> slack #sales', ['event', 'channel-destination'], {
    integrations: ['google_sheets', 'slack'],
    trigger: event('google_sheets', 'new_row'),
    destinations: [channel('#sales', 'slack')],
  }),
  row('add a row to my expenses sheet for every stripe payment', ['integration-destination', 'event'], {
    integrations: ['stripe', 'google_sheets'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [into('google_sheets')],
  }),
  row('when a new trello card shows up create a jira ticket for it', ['integration-destination', 'event'], {
    integrations: ['trello', 'jira'],
    trigger: event('trello', 'new_card'),
    destinations: [into('jira')],
  }),
  row('jira issues that are blocked -> slack me twice a day at 10 and 4', ['dm', 'multi-time'], {
    integrations: ['jira', 'slack'],
    trigger: at(['10:00', '16:00']),
    destinations: [dm('slack')],
  }),
  row('dm me in slakk whenever someone mentions us on twitter', ['typo', 'dm', 'event'], {
    integrations: ['slack', 'twitter'],
    trigger: event('twitter', 'new_mention'),
    destinations: [dm('slack')],
  }),
  row('github issues with the bug label go to the bug tracker page in notoin', ['typo', 'integration-destination', 'filter-label'], {
    integrations: ['github', 'notion'],
    destinations: [into('notion')],
    filters: [f.label('bug')],
  }),
  row('every monday 8am email the hubspot pipeline to sales-team@acme.com and post it in #sales on teams', ['multi-destination'], {
    integrations: ['hubspot', 'teams'],
    trigger: at(['08:00'], ['mon']),
    destinations: [mail('sales-team@acme.com'), channel('#sales', 'teams')],
  }),
  row('new asana tasks to #design', ['channel-destination', 'event'], {
    integrations: ['asana'],
    trigger: event('asana', 'new_task'),
    destinations: [channel('#design')],
  }),
  row('post the day’s google calendar events in #office on discord at 8', ['channel-destination'], {
    integrations: ['google_calendar', 'discord'],
    trigger: at(['08:00']),
    destinations: [channel('#office', 'discord')],
  }),
  row('each new confluence page → a card on our trello board', ['integration-destination', 'event'], {
    integrations: ['confluence', 'trello'],
    trigger: event('confluence', 'new_page'),
    destinations: [into('trello')],
  }),
  row('airtable records added to the inventory base -> text me', ['dm', 'event'], {
    integrations: ['airtable'],
    trigger: event('airtable', 'new_record'),
    destinations: [dm()],
  }),
  row('drop new salesforce opportunities into the #deals channel on slack and into our hubspot', ['multi-destination', 'event'], {
    integrations: ['salesforce', 'slack', 'hubspot'],
    trigger: event('salesforce', 'new_opportunity'),
    destinations: [channel('#deals', 'slack'), into('hubspot')],
  }),
  row('every friday 5pm put a summary of the week’s github commits in a notion page', ['integration-destination'], {
    integrations: ['github', 'notion'],
    trigger: at(['17:00'], ['fri']),
    destinations: [into('notion')],
  }),
  row('ping #oncall on teams and email ops@acme.com when a zendesk ticket comes in with priority urgent', ['multi-destination', 'event', 'filter-priority'], {
    integrations: ['zendesk', 'teams'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#oncall', 'teams'), mail('ops@acme.com')],
    filters: [f.priority('urgent')],
  }),
  row('summarize #general from discord and send it to me every sunday evening at 6', ['source-channel', 'dm'], {
    integrations: ['discord'],
    trigger: at(['18:00'], ['sun']),
    destinations: [dm()],
  }),
  row('copy new shopify orders to my google sheet', ['integration-destination', 'event'], {
    integrations: ['shopify', 'google_sheets'],
    trigger: event('shopify', 'new_order'),
    destinations: [into('google_sheets')],
  }),
  row('twitter mentions of our brand -> a jira ticket for the support team', ['integration-destination', 'event'], {
    integrations: ['twitter', 'jira'],
    trigger: event('twitter', 'new_mention'),
    destinations: [into('jira')],
  }),
  row('MESSAGE ME ON TEAMS when an email from acme.com lands in outlook', ['dm', 'event', 'casing'], {
    integrations: ['teams', 'outlook'],
    trigger: event('outlook', 'new_email'),
    destinations: [dm('teams')],
  }),
  row('new google drive files in the contracts folder - slack #legal pls', ['channel-destination', 'event'], {
    integrations: ['google_drive', 'slack'],
    trigger: event('google_drive', 'new_file'),
    destinations: [channel('#legal', 'slack')],
  }),
  row('whenever a linear issue is opened put it on the trello board and tell me', ['multi-destination', 'dm', 'event'], {
    integrations: ['linear', 'trello'],
    trigger: event('linear', 'new_issue'),
    destinations: [into('trello'), dm()],
  }),
  row('send the weekly stripe totals to finance@acme.com and slack them to #finance too', ['multi-destination'], {
    integrations: ['stripe', 'slack'],
    destinations: [mail('finance@acme.com'), channel('#finance', 'slack')],
  }),
  row('zendesk tickets tagged billing → teams #billing-support, also tell me on teams', ['multi-destination', 'dm', 'filter-label'], {
    integrations: ['zendesk', 'teams'],
    destinations: [channel('#billing-support', 'teams'), dm('teams')],
    filters: [f.label('billing')],
  }),
  row('new shopify orders → my gmial inbox', ['typo', 'dm', 'event'], {
    integrations: ['shopify', 'gmail'],
    trigger: event('shopify', 'new_order'),
    destinations: [dm('gmail')],
  }),
  // A thing of a tool for each thing of another, said without a verb: the tool is written to, the other starts it.
  row('a notion page for every hubspot deal', ['event', 'integration-target'], {
    integrations: ['notion', 'hubspot'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [into('notion')],
  }),
  row('one asana task per new hubspot deal pls', ['event', 'integration-target'], {
    integrations: ['asana', 'hubspot'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [into('asana')],
  }),
  row('pls make me a notion page for evry hubspot deal 🙏', ['event', 'integration-target', 'typo', 'emoji'], {
    integrations: ['notion', 'hubspot'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [into('notion')],
  }),
  row('i want a github issue for every new zendesk ticket', ['event', 'integration-target'], {
    integrations: ['github', 'zendesk'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [into('github')],
  }),
  row('create a notion page per hubspot deal', ['event', 'integration-target'], {
    integrations: ['notion', 'hubspot'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [into('notion')],
  }),
  row('a jira ticket for every new zendesk ticket plz', ['event', 'integration-target'], {
    integrations: ['jira', 'zendesk'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [into('jira')],
  }),
  row('a row in my google sheet per stripe payment', ['event', 'integration-target'], {
    integrations: ['google_sheets', 'stripe'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [into('google_sheets')],
  }),
  // Places written to said with a name, after "&" or "+", and things (not orders) after an article.
  row('log new stripe payments in the finance airtable pls', ['event', 'integration-target'], {
    integrations: ['stripe', 'airtable'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [into('airtable')],
  }),
  row('a bot that pings me on teams whenever a p1 jira ticket comes in', ['event', 'dm', 'filter-priority'], {
    integrations: ['teams', 'jira'],
    trigger: event('jira', 'new_issue'),
    destinations: [dm('teams')],
    filters: [f.priority('p1')],
  }),
  row('whenever a customer drops a message in our discord #support make a zendesk ticket', ['event', 'source-channel'], {
    integrations: ['discord', 'zendesk'],
    trigger: event('discord', 'new_message'),
    destinations: [into('zendesk')],
  }),
  row('new shopify orders → a row in google sheets & an asana task', ['event', 'multi-destination'], {
    integrations: ['shopify', 'google_sheets', 'asana'],
    trigger: event('shopify', 'new_order'),
    destinations: [into('google_sheets'), into('asana')],
  }),
  row('each new upload in my dropbox → a note in notion', ['event', 'integration-target'], {
    integrations: ['dropbox', 'notion'],
    trigger: event('dropbox', 'new_file'),
    destinations: [into('notion')],
  }),
  row('2x/day send me my outlook inbox on teams', ['schedule', 'dm'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['09:00', '17:00'], 'daily'),
    destinations: [dm('teams')],
  }),
  // One channel on two chat tools: the channel on both.
  row('post new github issues to #design on slack and discord', ['multi-destination', 'event'], {
    integrations: ['github', 'slack', 'discord'],
    trigger: event('github', 'new_issue'),
    destinations: [channel('#design', 'slack'), channel('#design', 'discord')],
  }),
  row('send the weekly notion roadmap to #product on teams and slack every monday at 9', ['multi-destination', 'specific-days'], {
    integrations: ['notion', 'teams', 'slack'],
    trigger: at(['09:00'], ['mon']),
    destinations: [channel('#product', 'teams'), channel('#product', 'slack')],
  }),
  row('new hubspot deals → #sales on slack & discord', ['multi-destination', 'event', 'terse'], {
    integrations: ['hubspot', 'slack', 'discord'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#sales', 'slack'), channel('#sales', 'discord')],
  }),
  row('every friday at 4 post the shopify sales total in #team on both slack and discord pls', ['multi-destination', 'specific-days'], {
    integrations: ['shopify', 'slack', 'discord'],
    trigger: at(['16:00'], ['fri']),
    destinations: [channel('#team', 'slack'), channel('#team', 'discord')],
  }),
  row('when a new zendesk ticket comes in ping the #support channel in discord and slack', ['multi-destination', 'event'], {
    integrations: ['zendesk', 'discord', 'slack'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#support', 'discord'), channel('#support', 'slack')],
  }),
  row('post stripe payouts to #finance on slack and #money on discord', ['multi-destination'], {
    integrations: ['stripe', 'slack', 'discord'],
    destinations: [channel('#finance', 'slack'), channel('#money', 'discord')],
  }),
];
