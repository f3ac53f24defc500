/**
 * Short conversations: a first description, then the corrections people make after the bot has summarised
 * the agent back ("actually make it 9:30", "also send it to dana@acme.com", "undo that"). `expect` is the
 * state after the last turn.
 */
import { MIDWAY_CORRECTIONS } from './corrections-midway.js';
import { UNSEEN_CORRECTIONS } from './corrections-unseen.js';
import type { CorrectionConversation, ExpectedRequirements } from './phrasing-case.js';
import { at, channel, dm, event, everyHours, everyMinutes, filter as f, into, mail, MANUAL, monthly, on } from './expect-builders.js';

function talk(name: string, turns: string[], expect: ExpectedRequirements, ...tags: string[]): CorrectionConversation {
  return { name, turns, expect, tags: ['correction', ...tags] };
}

export const CORRECTIONS: CorrectionConversation[] = [
  talk('time moved to half past', ['send my unread gmail to slack #inbox every weekday at 9', 'actually make it 9:30'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['09:30'], 'weekdays'),
    destinations: [channel('#inbox', 'slack')],
  }, 'time'),
  talk('second email recipient added', ['email a summary of new hubspot deals to sam@acme.com every friday at 4pm', 'also send it to dana@acme.com'], {
    trigger: at(['16:00'], ['fri']),
    destinations: [mail('sam@acme.com'), mail('dana@acme.com')],
  }, 'add-destination'),
  talk('second channel added', ['post new zendesk tickets to #support on slack', 'add #sales too'], {
    integrations: ['zendesk', 'slack'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#support', 'slack'), channel('#sales', 'slack')],
  }, 'add-destination'),
  talk('slack swapped for teams', ['daily standup reminder in slack #dev at 9:45 on weekdays', 'not slack, teams'], {
    integrations: ['teams'],
    trigger: at(['09:45'], 'weekdays'),
    destinations: [channel('#dev', 'teams')],
  }, 'negation', 'replace-integration'),
  talk('unread filter dropped', ['summarize my unread emails from acme.com and dm me on slack at 8am', 'drop the unread filter'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['08:00']),
    destinations: [dm('slack')],
    filters: [f.from('acme.com')],
    onlyFilters: true,
  }, 'remove-filter'),
  talk('priority filter added', ['post new jira issues to #eng-alerts', 'only high priority ones'], {
    integrations: ['jira'],
    trigger: event('jira', 'new_issue'),
    destinations: [channel('#eng-alerts')],
    filters: [f.priority('high')],
  }, 'add-filter'),
  talk('weekdays widened to every day', ['every weekday at 7 send me my google calendar agenda on slack', 'every day not just weekdays'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['07:00'], 'daily'),
    destinations: [dm('slack')],
  }, 'days'),
  talk('friday skipped', ['send the linear issues in progress to #product every weekday at 10', 'skip fridays'], {
    integrations: ['linear'],
    trigger: at(['10:00'], ['mon', 'tue', 'wed', 'thu']),
    destinations: [channel('#product')],
  }, 'days', 'exclude-day'),
  talk('schedule becomes an email event', ['check my gmail every hour and forward invoices to finance@acme.com', 'make it run when a new email arrives instead'], {
    trigger: event('gmail', 'new_email'),
    destinations: [mail('finance@acme.com')],
  }, 'trigger-switch'),
  talk('schedule becomes manual', ['every monday at 9 post open github pull requests to #code-review on slack', "actually i'll run it myself"], {
    integrations: ['github', 'slack'],
    trigger: MANUAL,
    destinations: [channel('#code-review', 'slack')],
  }, 'trigger-switch', 'manual'),
  talk('undo a time change', ['post the stripe payments summary to #finance every day at 6pm', 'make it 5pm', 'undo that'], {
    integrations: ['stripe'],
    trigger: at(['18:00'], 'daily'),
    destinations: [channel('#finance')],
  }, 'undo'),
  talk('put back a removed destination', ['send new shopify orders to #orders and to ops@acme.com', 'remove the email destination', 'put it back'], {
    trigger: event('shopify', 'new_order'),
    destinations: [channel('#orders'), mail('ops@acme.com')],
  }, 'undo', 'remove-destination'),
  talk('email destination removed', ['new salesforce leads go to #sales on slack and to lead-desk@acme.com', 'remove the email destination'], {
    integrations: ['salesforce', 'slack'],
    trigger: event('salesforce', 'new_lead'),
    destinations: [channel('#sales', 'slack')],
  }, 'remove-destination'),
  talk('second day of month', ['on the 1st of every month at 9 email me the stripe revenue', 'and also on the 15th'], {
    trigger: { type: 'schedule', times: ['09:00'] },
    destinations: [dm()],
  }, 'day-of-month'),
  talk('time then channel', ['post trello cards due this week to slack #pm on mondays at 9', 'make it 8:30', 'and post it in #leads instead of #pm'], {
    integrations: ['trello', 'slack'],
    trigger: at(['08:30'], ['mon']),
    destinations: [channel('#leads', 'slack')],
  }, 'time', 'replace-destination'),
  talk('tool swap by instead of', ['copy new airtable records into a google sheet', 'instead of the google sheet use notion'], {
    integrations: ['airtable', 'notion'],
    trigger: event('airtable', 'new_record'),
    destinations: [into('notion')],
  }, 'negation', 'replace-integration'),
  talk('interval changed', ['check zendesk for urgent tickets every 15 minutes and post to #support', 'every 5 min is better'], {
    integrations: ['zendesk'],
    trigger: everyMinutes(5),
    destinations: [channel('#support')],
    filters: [f.priority('urgent')],
  }, 'interval'),
  talk('interval to hourly', ['every 10 minutes post new discord messages from #bugs into jira', 'thats too often, make it every 2 hours'], {
    integrations: ['discord', 'jira'],
    trigger: everyHours(2),
    destinations: [into('jira')],
  }, 'interval'),
  talk('second time of day', ['send me my asana tasks on slack at 9am', 'and again at 4pm'], {
    integrations: ['asana', 'slack'],
    trigger: at(['09:00', '16:00']),
    destinations: [dm('slack')],
  }, 'multi-time'),
  talk('one of two times dropped', ['post the jira board to teams #dev at 9 and 5 every weekday', 'just the morning one'], {
    integrations: ['jira', 'teams'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [channel('#dev', 'teams')],
  }, 'multi-time'),
  talk('exclusion added', ['forward all my gmail to my slack dms', 'except newsletters'], {
    integrations: ['gmail', 'slack'],
    destinations: [dm('slack')],
    filters: [f.exclude('newsletters')],
  }, 'add-filter', 'filter-exclude'),
  talk('amount threshold changed', ['post stripe payments over $500 to #wins', 'make that over 1000'], {
    integrations: ['stripe'],
    destinations: [channel('#wins')],
    filters: [f.amount('>', 1000)],
  }, 'filter-amount'),
  talk('status filter changed', ['every friday at 5 post the linear issues that are done to #changelog', 'actually the ones in review, not done'], {
    integrations: ['linear'],
    trigger: at(['17:00'], ['fri']),
    destinations: [channel('#changelog')],
    filters: [f.status('in review')],
  }, 'filter-status'),
  talk('sender filter added then undone', ['summarise my outlook inbox every morning at 8 and email it to me', 'only emails from my manager', 'undo that'], {
    integrations: ['outlook'],
    trigger: at(['08:00'], 'daily'),
    destinations: [dm()],
    filters: [],
    onlyFilters: true,
  }, 'undo', 'add-filter'),
  talk('dm instead of channel', ['post my github review requests to #backend every weekday at 10', 'actually just dm me instead'], {
    trigger: at(['10:00'], 'weekdays'),
    destinations: [dm()],
  }, 'replace-destination', 'dm'),
  talk('weekends added as only days', ['text me the weather... no sorry, send my google calendar agenda to my slack every day at 8', 'only on weekends'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['08:00'], 'weekends'),
    destinations: [dm('slack')],
  }, 'days', 'weekends'),
  talk('manual becomes schedule', ['pull the hubspot pipeline into a notion page whenever i ask', 'actually run it every monday at 7am'], {
    integrations: ['hubspot', 'notion'],
    trigger: at(['07:00'], ['mon']),
    destinations: [into('notion')],
  }, 'trigger-switch', 'manual'),
  talk('event becomes schedule', ['when a new card is added in trello post it to #design', 'no, just once a day at 5pm with all of them'], {
    integrations: ['trello'],
    trigger: at(['17:00'], 'daily'),
    destinations: [channel('#design')],
  }, 'trigger-switch'),
  talk('tool removed', ['post new github issues and jira tickets into #eng', 'without jira'], {
    integrations: ['github'],
    trigger: event('github', 'new_issue'),
    destinations: [channel('#eng')],
  }, 'negation', 'remove-integration'),
  talk('stop using a tool', ['save gmail attachments into dropbox and google drive', 'stop using dropbox'], {
    integrations: ['gmail', 'google_drive'],
    destinations: [into('google_drive')],
  }, 'negation', 'remove-integration'),
  talk('third recipient and undo', ['email the weekly zendesk stats to a@acme.com and b@acme.com mondays 9am', 'add c@acme.com', 'undo that'], {
    trigger: at(['09:00'], ['mon']),
    destinations: [mail('a@acme.com'), mail('b@acme.com')],
  }, 'undo', 'add-destination'),
  talk('time in words', ['slack me my unread outlook mail at 9', 'quarter to nine actually'], {
    integrations: ['outlook', 'slack'],
    trigger: at(['08:45']),
    destinations: [dm('slack')],
  }, 'time', 'time-form'),
  talk('pm fix', ['send the shopify sales to #sales at 6', 'i meant 6 in the evening'], {
    integrations: ['shopify'],
    trigger: at(['18:00']),
    destinations: [channel('#sales')],
  }, 'time'),
  talk('label filter removed', ['gmail emails labelled receipts to a google sheet every sunday', 'forget the label, all of them'], {
    integrations: ['gmail', 'google_sheets'],
    trigger: on(['sun']),
    destinations: [into('google_sheets')],
    filters: [],
    onlyFilters: true,
  }, 'remove-filter'),
  talk('channel renamed', ['post new confluence pages to #docs in teams', 'the channel is called #documentation sorry'], {
    integrations: ['confluence', 'teams'],
    trigger: event('confluence', 'new_page'),
    destinations: [channel('#documentation', 'teams')],
  }, 'replace-destination'),
  talk('teams to slack and a channel', ['new hubspot contacts to ms teams #growth', 'use slack instead of teams', 'and also #marketing'], {
    integrations: ['hubspot', 'slack'],
    trigger: event('hubspot', 'new_contact'),
    destinations: [channel('#growth', 'slack'), channel('#marketing', 'slack')],
  }, 'replace-integration', 'add-destination'),
  talk('month day changed', ['on the 1st of each month email the airtable inventory to ops@acme.com', 'make it the last working day... no, the 28th'], {
    trigger: monthly(28),
    destinations: [mail('ops@acme.com')],
  }, 'day-of-month'),
  talk('keyword filter added', ['dm me on slack when a new email arrives in gmail', 'only if the subject says invoice'], {
    integrations: ['gmail', 'slack'],
    trigger: event('gmail', 'new_email'),
    destinations: [dm('slack')],
    filters: [f.keyword('invoice')],
  }, 'add-filter', 'filter-keyword'),
  talk('two exclusions in a row', ['text me when i get an email', 'skip anything from noreply', 'and nothing from linkedin either'], {
    trigger: event('gmail', 'new_email'),
    destinations: [dm()],
    filters: [f.exclude('noreply'), f.exclude('linkedin')],
  }, 'filter-exclude'),
  talk('filters cleared', ['post zendesk tickets that are open and high priority to #support-leads at 9am', 'clear all the filters'], {
    integrations: ['zendesk'],
    trigger: at(['09:00']),
    destinations: [channel('#support-leads')],
    filters: [],
    onlyFilters: true,
  }, 'remove-filter'),
  talk('specific days changed', ['every mon wed fri at 8 send the stripe balance to my slack', 'tuesdays and thursdays instead'], {
    integrations: ['stripe', 'slack'],
    trigger: at(['08:00'], ['tue', 'thu']),
    destinations: [dm('slack')],
  }, 'days'),
  talk('add saturday', ['post the discord highlights to #community every weekday at 6pm', 'add saturday'], {
    integrations: ['discord'],
    trigger: at(['18:00'], ['mon', 'tue', 'wed', 'thu', 'fri', 'sat']),
    destinations: [channel('#community')],
  }, 'days'),
  talk('second destination in another tool', ['post new github releases to #releases on slack', 'also put them on our discord'], {
    integrations: ['github', 'slack', 'discord'],
  }, 'add-destination', 'multi-destination'),
  talk('outlook not gmail', ['forward my work emails from acme.com to teams', 'its outlook not gmail btw'], {
    integrations: ['outlook', 'teams'],
    filters: [f.from('acme.com')],
  }, 'replace-integration', 'negation'),
  talk('undo twice-removed channel', ['post jira p1s to #incidents and #eng', 'drop #eng', 'put it back'], {
    integrations: ['jira'],
    destinations: [channel('#incidents'), channel('#eng')],
    filters: [f.priority('p1')],
  }, 'undo', 'remove-destination'),
  talk('noon fix', ['post the google sheets kpis to #leadership every monday at 12', 'noon i mean, not midnight'], {
    integrations: ['google_sheets'],
    trigger: at(['12:00'], ['mon']),
    destinations: [channel('#leadership')],
  }, 'time'),
  talk('everyday to weekdays', ['every day at 7:15 send me the new trello cards on teams', 'weekdays only'], {
    integrations: ['trello', 'teams'],
    trigger: at(['07:15'], 'weekdays'),
    destinations: [dm('teams')],
  }, 'days'),
  talk('email then slack dm', ['email me my calendar for the day every morning at 6:30', 'actually slack dm is better than email'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['06:30'], 'daily'),
    destinations: [dm('slack')],
  }, 'replace-destination', 'dm'),
  talk('source channel stays a source', ['summarize #support on slack every evening at 6 and post it to #leads', 'also to #managers'], {
    integrations: ['slack'],
    trigger: at(['18:00'], 'daily'),
    destinations: [channel('#leads', 'slack'), channel('#managers', 'slack')],
  }, 'source-channel', 'add-destination'),
  talk('manual then event', ['summarise my new salesforce leads when i click run', 'nah run it whenever a new lead comes in', 'and dm me on slack'], {
    integrations: ['salesforce', 'slack'],
    trigger: event('salesforce', 'new_lead'),
    destinations: [dm('slack')],
  }, 'trigger-switch', 'dm'),
  talk('vague time made precise', ['send my notion to-dos to slack in the morning', 'lets say 7:45'], {
    integrations: ['notion', 'slack'],
    trigger: at(['07:45']),
  }, 'time', 'vague-time'),
  talk('typo in correction', ['post new linear issues to #triage', 'also send to slakc #eng-leads'], {
    integrations: ['linear', 'slack'],
    trigger: event('linear', 'new_issue'),
    destinations: [channel('#triage'), channel('#eng-leads', 'slack')],
  }, 'typo', 'add-destination'),
  talk('unsupported tool named in correction', ['post new stripe payments to #finance', 'could it also log them in quickbooks'], {
    integrations: ['stripe'],
    unsupported: ['quickbooks'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [channel('#finance')],
  }, 'unsupported-tool'),
  talk('amount direction flipped', ['ping #finance on slack for stripe charges under $50', 'sorry, over $50'], {
    integrations: ['stripe', 'slack'],
    destinations: [channel('#finance', 'slack')],
    filters: [f.amount('>', 50)],
  }, 'filter-amount'),
  talk('parent school email', ['text me when the school sends an email to my gmail', 'also my partner, at partner@example.com'], {
    trigger: event('gmail', 'new_email'),
    destinations: [dm(), mail('partner@example.com')],
    filters: [f.from('the school')],
  }, 'add-destination', 'dm'),
  talk('freelancer invoice weekly then monthly', ['every friday email me a list of unpaid stripe invoices', 'monthly is enough, on the 1st'], {
    trigger: monthly(1),
    destinations: [dm()],
  }, 'day-of-month', 'days'),
  talk('hr onboarding channel swap and time', ['when a new row is added to the onboarding sheet post it in #people on slack', 'post in #hr-ops not #people'], {
    integrations: ['google_sheets', 'slack'],
    trigger: event('google_sheets', 'new_row'),
    destinations: [channel('#hr-ops', 'slack')],
  }, 'replace-destination'),
  talk('support priority then undo then status', ['post new zendesk tickets to #support', 'only urgent ones', 'undo that', 'only open ones'], {
    integrations: ['zendesk'],
    destinations: [channel('#support')],
    filters: [f.status('open')],
    onlyFilters: true,
  }, 'undo', 'filter-status'),
  talk('midnight fix', ['back up my notion pages to google drive every night at 12', 'midnight'], {
    integrations: ['notion', 'google_drive'],
    trigger: at(['00:00'], 'daily'),
    destinations: [into('google_drive')],
  }, 'time'),
  talk('anything but email', ['email me when a new airtable record is created', 'anything but email actually, slack dm'], {
    integrations: ['airtable', 'slack'],
    trigger: event('airtable', 'new_record'),
    destinations: [dm('slack')],
  }, 'negation', 'replace-destination'),
  talk('meeting starting event and teams', ['remind me on slack when a meeting is about to start', 'on teams not slack'], {
    integrations: ['google_calendar', 'teams'],
    trigger: event('google_calendar', 'event_starting'),
    destinations: [dm('teams')],
  }, 'replace-integration', 'negation'),
  talk('no longer use trello', ['every morning at 9 post my trello cards to slack', 'we no longer use trello, use asana tasks'], {
    integrations: ['asana', 'slack'],
    trigger: at(['09:00'], 'daily'),
  }, 'negation', 'replace-integration'),
  talk('weekend time added', ['post the shopify orders to #orders every weekday at 9', 'and on weekends at 11'], {
    integrations: ['shopify'],
    destinations: [channel('#orders')],
  }, 'days', 'multi-time'),
  talk('two corrections in one', ['send the github issues labelled bug to #qa every monday at 10', 'make it 9 and also send to qa-lead@acme.com'], {
    trigger: at(['09:00'], ['mon']),
    destinations: [channel('#qa'), mail('qa-lead@acme.com')],
    filters: [f.label('bug')],
  }, 'time', 'add-destination'),
  talk('remove a channel by name', ['post new hubspot deals to #sales, #leadership and #finance', 'not #finance'], {
    integrations: ['hubspot'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#sales'), channel('#leadership')],
  }, 'remove-destination', 'negation'),
  talk('question after an edit changes nothing', ['post new github issues to #eng on slack', 'also #qa', 'what did i change?'], {
    integrations: ['github', 'slack'],
    trigger: event('github', 'new_issue'),
    destinations: [channel('#eng', 'slack'), channel('#qa', 'slack')],
  }, 'non-request', 'no-op', 'add-destination'),
  talk('thanks changes nothing', ['every weekday at 8:30 send me my unread outlook mail on teams', 'perfect thanks!'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['08:30'], 'weekdays'),
    destinations: [dm('teams')],
    filters: [f.unread()],
  }, 'non-request', 'no-op'),
  talk('question about the schedule changes nothing', ['post the hubspot pipeline to #sales every monday at 9', 'wait, what time does it run again?'], {
    integrations: ['hubspot'],
    trigger: at(['09:00'], ['mon']),
    destinations: [channel('#sales')],
  }, 'non-request', 'no-op'),
  talk('typo in a replacement tool', ['copy new trello cards into asana', 'actually use linaer not asana'], {
    integrations: ['trello', 'linear'],
    trigger: event('trello', 'new_card'),
    destinations: [into('linear')],
  }, 'typo', 'replace-integration'),
  talk('casing in a correction', ['new zendesk tickets should go to #support on slack', 'TEAMS not slack'], {
    integrations: ['zendesk', 'teams'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#support', 'teams')],
  }, 'casing', 'replace-integration'),
  talk('event to manual to undo', ['when a new row is added to the leads sheet post it to #sales on slack', "actually i'll run it myself", 'undo that'], {
    integrations: ['google_sheets', 'slack'],
    trigger: event('google_sheets', 'new_row'),
    destinations: [channel('#sales', 'slack')],
  }, 'undo', 'trigger-switch'),
  talk('interval to a daily time', ['check stripe every 30 minutes for failed payments and slack me', 'once a day is enough, at 6pm'], {
    integrations: ['stripe', 'slack'],
    trigger: at(['18:00']),
    destinations: [dm('slack')],
  }, 'interval', 'time'),
  talk('weekly to two days with a word time', ['every monday at 9 post the linear roadmap to #product', 'mondays and thursdays', 'and make it quarter past nine'], {
    integrations: ['linear'],
    trigger: at(['09:15'], ['mon', 'thu']),
    destinations: [channel('#product')],
  }, 'days', 'time-form'),
  talk('filter exclusion removed', ['forward my gmail to my slack dms except newsletters', 'actually include the newsletters too'], {
    integrations: ['gmail', 'slack'],
    destinations: [dm('slack')],
    filters: [],
    onlyFilters: true,
  }, 'remove-filter', 'filter-exclude'),
  talk('dm added beside a channel', ['post new shopify orders over 500 to #orders on slack', 'and dm me too'], {
    integrations: ['shopify', 'slack'],
    destinations: [channel('#orders', 'slack'), dm('slack')],
    filters: [f.amount('>', 500)],
  }, 'add-destination', 'dm'),
  talk('four turns of a parent setting up school mail', ['text me when the school emails my gmail', 'also my partner at partner@example.com', 'but skip the lunch menu ones', 'actually not my partner, just me'], {
    trigger: event('gmail', 'new_email'),
    destinations: [dm()],
    filters: [f.from('the school'), f.exclude('lunch menu')],
  }, 'parent', 'add-destination', 'remove-destination', 'filter-exclude'),
  talk('four turns of an engineer tuning a digest', ['post open github pull requests to #reviews on slack every weekday at 10', 'and at 3pm too', 'only the ones labelled needs-review', 'drop the 3pm one'], {
    integrations: ['github', 'slack'],
    trigger: at(['10:00'], 'weekdays'),
    destinations: [channel('#reviews', 'slack')],
    filters: [f.label('needs-review')],
  }, 'multi-time', 'add-filter'),
  talk('finance threshold, channel and undo', ['post stripe charges over $1000 to #finance on slack', 'make it 2000', 'also email cfo@acme.com', 'undo that'], {
    integrations: ['stripe', 'slack'],
    destinations: [channel('#finance', 'slack')],
    filters: [f.amount('>', 2000)],
  }, 'filter-amount', 'undo', 'add-destination'),
  talk('support lead switches trigger twice', ['summarise urgent zendesk tickets for #support-leads every hour', 'no, as soon as one comes in', 'hmm, back to every hour actually'], {
    integrations: ['zendesk'],
    trigger: everyHours(1),
    destinations: [channel('#support-leads')],
    filters: [f.priority('urgent')],
  }, 'trigger-switch', 'interval'),
  talk('freelancer moves from weekly to on demand and adds a dm', ['every friday at 5 email client@example.com the trello cards i finished', 'actually only when i ask', 'and send me a copy on slack'], {
    trigger: MANUAL,
    destinations: [mail('client@example.com'), dm('slack')],
  }, 'freelancer', 'trigger-switch', 'manual', 'add-destination'),
  // Fresh conversations (h-dest2): a choice taken back in the same message, and a tool dropped loosely.
  talk('sheet swapped for notion mid-message', ['copy new hubspot contacts to a google sheet', 'to a google sheet? no, to notion instead'], {
    integrations: ['hubspot', 'notion'],
    destinations: [into('notion')],
  }, 'negation', 'replace-integration'),
  talk('channel corrected within the answer', ['post new jira bugs to #eng on slack', 'send them to #qa, sorry i mean #qa-team'], {
    integrations: ['jira', 'slack'],
    destinations: [channel('#qa-team', 'slack')],
  }, 'replace-destination'),
  talk('tool dropped with no more', ['every friday at 4 post a summary of github issues and jira tickets to #eng', 'no more jira, just github'], {
    integrations: ['github'],
    trigger: at(['16:00'], ['fri']),
    destinations: [channel('#eng')],
  }, 'negation', 'remove-integration'),
  talk('interval that does not divide the day', ['every 5 hours post new zendesk tickets to #support', 'make it every 6 hours instead'], {
    integrations: ['zendesk'],
    trigger: everyHours(6),
    destinations: [channel('#support')],
  }, 'interval'),
  talk('rounded interval changed', ['check stripe every 7 minutes for failed payments and slack me', 'hmm every 10 min is fine'], {
    integrations: ['stripe', 'slack'],
    trigger: everyMinutes(10),
    destinations: [dm('slack')],
  }, 'interval'),
  talk('new time taken back in the same breath', ['every weekday at 9 post my jira tickets to #standup', 'change it to 7am... no, 7:30'], {
    integrations: ['jira'],
    trigger: at(['07:30'], 'weekdays'),
    destinations: [channel('#standup')],
  }, 'time', 'self-correction'),
  talk('new day taken back in the same breath', ['send me my unread gmail on slack every monday at 9', 'make it tuesdays, sorry, wednesdays'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['09:00'], ['wed']),
    destinations: [dm('slack')],
    filters: [f.unread()],
  }, 'days', 'self-correction'),
  talk('every day narrowed to weekdays only', ['every day at 9 email me my unread gmail', 'actually make it weekdays only'], {
    integrations: ['gmail'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [dm()],
  }, 'days'),
  talk('weekends skipped after a no', ['post the hubspot deals to #sales every day at 8:30', 'no, skip weekends'], {
    integrations: ['hubspot'],
    trigger: at(['08:30'], 'weekdays'),
    destinations: [channel('#sales')],
  }, 'days', 'negation'),
  talk('not on weekends, said loosely', ['dm me my jira tickets on slack every morning', 'not on weekends tho'], {
    integrations: ['jira', 'slack'],
    trigger: at(['08:00'], 'weekdays'),
    destinations: [dm('slack')],
  }, 'days', 'negation'),
  talk('one day left out of every day', ['send my google calendar agenda to #team on slack every day at 9', 'except fridays'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['09:00'], ['sat', 'sun', 'mon', 'tue', 'wed', 'thu']),
    destinations: [channel('#team', 'slack')],
  }, 'days', 'negation'),
  talk('saturday and sunday left out by name', ['every day at 7 text me the new trello cards', 'hmm but not on saturdays and sundays'], {
    integrations: ['trello'],
    trigger: at(['07:00'], 'weekdays'),
    destinations: [dm()],
  }, 'days', 'negation'),
  talk('twice a day raised to three times', ['twice a day summarize my unread gmail on slack', 'actually three times a day'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['09:00', '13:00', '17:00'], 'daily'),
    filters: [f.unread()],
  }, 'time', 'multi-time'),
  talk('picked times of three a day replaced', ['three times a day post the zendesk queue to #support', 'make it 8, 12 and 4'], {
    integrations: ['zendesk'],
    trigger: at(['08:00', '12:00', '16:00'], 'daily'),
    destinations: [channel('#support')],
  }, 'time', 'multi-time'),
  // Corrections typed mid-conversation the way people fix an assistant (corrections-midway.ts).
  ...MIDWAY_CORRECTIONS,
  // Kinds of corrections the rows above did not cover (corrections-unseen.ts).
  ...UNSEEN_CORRECTIONS,
];
