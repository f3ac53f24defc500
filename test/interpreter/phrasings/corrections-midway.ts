/**
 * Corrections typed the way people fix an assistant mid-conversation: lower case, typos, no punctuation,
 * hedges ("hmm", "wait", "nvm"), partial references ("the second one", "that channel", "the time"), several
 * edits in one message, relative times ("an hour later"), undo, and replies that must change nothing.
 */
import type { CorrectionConversation, ExpectedRequirements } from './phrasing-case.js';
import { at, channel, dm, event, everyHours, everyMinutes, filter as f, into, mail, MANUAL } from './expect-builders.js';

function talk(name: string, turns: string[], expect: ExpectedRequirements, ...tags: string[]): CorrectionConversation {
  return { name, turns, expect, tags: ['correction', 'midway', ...tags] };
}

export const MIDWAY_CORRECTIONS: CorrectionConversation[] = [
  // Several edits in one message.
  talk('time and channel in one run-on', ['send my unread gmail to #inbox on slack every day at 8', 'hmm make it 7am and send it to #ops instead'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['07:00'], 'daily'),
    destinations: [channel('#ops', 'slack')],
  }, 'time', 'replace-destination'),
  talk('days and an added channel in one message', ['every monday at 9 send the hubspot pipeline to #sales', 'make it fridays at 4 and add #leadership'], {
    integrations: ['hubspot'],
    trigger: at(['16:00'], ['fri']),
    destinations: [channel('#sales'), channel('#leadership')],
  }, 'days', 'time', 'add-destination'),
  talk('priority and a new channel in one message', ['new zendesk tickets into #support on slack pls', 'only urgent ones and send them to #escalations instead'], {
    integrations: ['zendesk', 'slack'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#escalations', 'slack')],
    filters: [f.priority('urgent')],
  }, 'add-filter', 'replace-destination'),
  talk('time and sender in a run-on after ok cool', ['every morning send my unread gmail to slack', 'ok cool but can it be 6:45 and only from acme.com'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['06:45']),
    filters: [f.unread(), f.from('acme.com')],
  }, 'time', 'add-filter'),
  // Removals.
  talk('the email part forgotten', ['post new github issues to #eng on slack and email them to dev@acme.com', 'forget the email part'], {
    integrations: ['github', 'slack'],
    trigger: event('github', 'new_issue'),
    destinations: [channel('#eng', 'slack')],
  }, 'remove-destination'),
  talk('no need for slack', ['new github issues -> #eng on slack + email them to dev@acme.com', 'no need for slack'], {
    trigger: event('github', 'new_issue'),
    destinations: [mail('dev@acme.com')],
  }, 'remove-destination', 'remove-integration'),
  talk('the sheet not needed', ['post new hubspot deals to #sales on slack and add them to a google sheet', 'we dont need the sheet'], {
    integrations: ['hubspot', 'slack'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#sales', 'slack')],
  }, 'remove-destination', 'remove-integration'),
  talk('newsletters not included', ['forward everything from my gmail to my slack dms', 'dont include newsletters'], {
    integrations: ['gmail', 'slack'],
    destinations: [dm('slack')],
    filters: [f.exclude('newsletters')],
  }, 'add-filter', 'filter-exclude'),
  talk('the slack part removed', ['post new jira bugs to #bugs on slack and email qa@acme.com', 'remove the slack part'], {
    trigger: event('jira', 'new_issue'),
    destinations: [mail('qa@acme.com')],
  }, 'remove-destination'),
  talk('stop sending to a channel', ['post the daily sales numbers from stripe to #sales and #random at 6pm', 'stop sending to #random'], {
    integrations: ['stripe'],
    trigger: at(['18:00']),
    destinations: [channel('#sales')],
  }, 'remove-destination'),
  talk('second channel removed by position', ['post new jira tickets to #eng and #qa on slack', 'remove the second channel'], {
    integrations: ['jira', 'slack'],
    destinations: [channel('#eng', 'slack')],
  }, 'remove-destination'),
  talk('first one dropped', ['post the hubspot report to #sales and #leadership every monday at 9', 'drop the first one'], {
    integrations: ['hubspot'],
    trigger: at(['09:00'], ['mon']),
    destinations: [channel('#leadership')],
  }, 'remove-destination'),
  talk('second time removed by position', ['post the trello board to #pm at 9 and 3pm every weekday', 'remove the second one'], {
    integrations: ['trello'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [channel('#pm')],
  }, 'multi-time'),
  // Additions.
  talk('cc me by email', ['post new shopify orders to #orders', 'also cc me by email'], {
    integrations: ['shopify'],
    destinations: [channel('#orders'), dm()],
  }, 'add-destination', 'dm'),
  talk('and post to a channel too', ['email me my google calendar agenda every morning at 8', 'and post to #team too'], {
    trigger: at(['08:00'], 'daily'),
    destinations: [dm(), channel('#team')],
  }, 'add-destination'),
  talk('yep and dm me as well', ['when theres a new hubspot deal post it in #sales', 'yep and dm me as well'], {
    integrations: ['hubspot'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#sales'), dm()],
  }, 'add-destination', 'dm'),
  talk('sunday added', ['every weekday at 9 post the zendesk backlog to #support', 'add sunday too'], {
    integrations: ['zendesk'],
    trigger: at(['09:00'], ['mon', 'tue', 'wed', 'thu', 'fri', 'sun']),
    destinations: [channel('#support')],
  }, 'days'),
  // Tool replacements.
  talk('teams instead of slack', ['post new hubspot deals to #sales on slack', 'use teams instead of slack'], {
    integrations: ['hubspot', 'teams'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#sales', 'teams')],
  }, 'replace-integration'),
  talk('gmail swapped for outlook', ['forward invoices from gmail to finance@acme.com every friday at 3pm', 'swap gmail for outlook'], {
    integrations: ['outlook'],
    trigger: at(['15:00'], ['fri']),
    destinations: [mail('finance@acme.com')],
  }, 'replace-integration'),
  talk('switch slack to teams', ['post new github issues to #dev on slack', 'switch slack to teams'], {
    integrations: ['github', 'teams'],
    trigger: event('github', 'new_issue'),
    destinations: [channel('#dev', 'teams')],
  }, 'replace-integration'),
  talk('sheet instead of airtable', ['log new stripe payments in airtable', 'hmm use a google sheet instead'], {
    integrations: ['stripe', 'google_sheets'],
    trigger: event('stripe', 'payment_succeeded'),
    destinations: [into('google_sheets')],
  }, 'replace-integration'),
  talk('actually google drive', ['save new gmail attachments to dropbox', 'actually google drive'], {
    integrations: ['gmail', 'google_drive'],
    destinations: [into('google_drive')],
  }, 'replace-integration'),
  talk('discord not slack said bare', ['post new github issues to slack #dev', 'discord not slack'], {
    integrations: ['github', 'discord'],
    destinations: [channel('#dev', 'discord')],
  }, 'replace-integration', 'negation'),
  // Partial references.
  talk('rename that channel', ['post new hubspot deals to #sales', 'rename that channel to #deals'], {
    integrations: ['hubspot'],
    destinations: [channel('#deals')],
  }, 'replace-destination'),
  talk('wrong channel', ['post in #general when a new google calendar event is created', 'wrong channel its #sales'], {
    integrations: ['google_calendar'],
    destinations: [channel('#sales')],
  }, 'replace-destination'),
  talk('change the time', ['send me my jira tickets on slack every weekday at 9', 'change the time to 7:30'], {
    integrations: ['jira', 'slack'],
    trigger: at(['07:30'], 'weekdays'),
    destinations: [dm('slack')],
  }, 'time'),
  talk('the time should be', ['post the stripe balance to #finance every day at 9', 'the time should be 10 not 9'], {
    integrations: ['stripe'],
    trigger: at(['10:00'], 'daily'),
    destinations: [channel('#finance')],
  }, 'time'),
  talk('email address swapped', ['send the weekly zendesk report to boss@acme.com every friday at 5pm', 'not boss@acme.com, send it to cto@acme.com'], {
    trigger: at(['17:00'], ['fri']),
    destinations: [mail('cto@acme.com')],
  }, 'replace-destination'),
  // Relative times.
  talk('an hour later', ['send the stripe payouts to #finance every monday at 9', 'an hour later'], {
    integrations: ['stripe'],
    trigger: at(['10:00'], ['mon']),
    destinations: [channel('#finance')],
  }, 'time', 'relative-time'),
  talk('thirty minutes earlier', ['post the stripe summary in #finance at 5pm every day', '30 min earlier pls'], {
    integrations: ['stripe'],
    trigger: at(['16:30'], 'daily'),
    destinations: [channel('#finance')],
  }, 'time', 'relative-time'),
  talk('pushed back an hour', ['every weekday at 8 dm me my asana tasks on slack', 'push it back an hour'], {
    integrations: ['asana', 'slack'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [dm('slack')],
  }, 'time', 'relative-time'),
  talk('earlier like 6', ['post my asana tasks to #team every day at 8am', 'make it earlier, like 6'], {
    integrations: ['asana'],
    trigger: at(['06:00'], 'daily'),
    destinations: [channel('#team')],
  }, 'time', 'relative-time'),
  talk('two hours earlier with a typo', ['every day at 9am send me my unread outlook mail on teams', 'actualy 2 hours earlier'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['07:00'], 'daily'),
    destinations: [dm('teams')],
  }, 'time', 'relative-time', 'typo'),
  // Undo.
  talk('bare undo after a time change', ['every day at 8 email me the new trello cards', 'make it 7', 'undo'], {
    integrations: ['trello'],
    trigger: at(['08:00'], 'daily'),
    destinations: [dm()],
  }, 'undo'),
  talk('go back to the old time', ['send my google calendar agenda to #team every day at 8am', 'make it 9', 'hmm no go back to 8am'], {
    integrations: ['google_calendar'],
    trigger: at(['08:00'], 'daily'),
    destinations: [channel('#team')],
  }, 'undo', 'time'),
  talk('scratch that after a time change', ['email me a summary of stripe payments every friday at 4pm', 'make it 5', 'scratch that'], {
    integrations: ['stripe'],
    trigger: at(['16:00'], ['fri']),
    destinations: [dm()],
  }, 'undo'),
  talk('put the days back', ['post the github prs to #reviews every day at 10', 'weekdays only', 'put it back'], {
    integrations: ['github'],
    trigger: at(['10:00'], 'daily'),
    destinations: [channel('#reviews')],
  }, 'undo', 'days'),
  talk('nah put the channel back', ['post jira p2s to #eng and #oncall', 'drop #oncall', 'nah put it back'], {
    integrations: ['jira'],
    destinations: [channel('#eng'), channel('#oncall')],
  }, 'undo', 'remove-destination'),
  // Confirmations mixed with edits.
  talk('yes but at 9', ['every monday send me the shopify sales report on slack', 'yes but at 9'], {
    integrations: ['shopify', 'slack'],
    trigger: at(['09:00'], ['mon']),
    destinations: [dm('slack')],
  }, 'time', 'confirm-edit'),
  talk('yes but only weekdays', ['send me my asana tasks on slack every morning at 9', 'yes but only weekdays'], {
    integrations: ['asana', 'slack'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [dm('slack')],
  }, 'days', 'confirm-edit'),
  talk('sure but another channel', ['post every new hubspot deal to #sales-team', 'sure, but to #deals'], {
    integrations: ['hubspot'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#deals')],
  }, 'replace-destination', 'confirm-edit'),
  // Hedges and switches.
  talk('wait every hour instead', ['send my gmail invoices to a google sheet every day at 9', 'wait do it every hour instead'], {
    integrations: ['gmail', 'google_sheets'],
    trigger: everyHours(1),
    destinations: [into('google_sheets')],
  }, 'interval', 'trigger-switch'),
  talk('only when i trigger it', ['every day at 9 post the linear backlog to #product', 'nvm just when i trigger it manually'], {
    integrations: ['linear'],
    trigger: MANUAL,
    destinations: [channel('#product')],
  }, 'trigger-switch', 'manual'),
  talk('mon to fri only', ['every day at 8 post the sentry... i mean the github issues to #eng', 'mon-fri only'], {
    integrations: ['github'],
    trigger: at(['08:00'], 'weekdays'),
    destinations: [channel('#eng')],
  }, 'days'),
  talk('thursday instead', ['post the linear cycle summary to #product every tuesday at 10', 'thursday instead'], {
    integrations: ['linear'],
    trigger: at(['10:00'], ['thu']),
    destinations: [channel('#product')],
  }, 'days'),
  talk('amount bumped', ['post stripe payments over $100 to #wins', 'bump it to 250'], {
    integrations: ['stripe'],
    destinations: [channel('#wins')],
    filters: [f.amount('>', 250)],
  }, 'filter-amount'),
  talk('priority changed with actually at the end', ['zendesk tickets to #support as they come in', 'only high priority', 'urgent actually'], {
    integrations: ['zendesk'],
    destinations: [channel('#support')],
    filters: [f.priority('urgent')],
    onlyFilters: true,
  }, 'filter-priority'),
  // Replies that change nothing.
  talk('no thats fine', ['new zendesk ticket -> slack #support', 'no thats fine'], {
    integrations: ['zendesk', 'slack'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#support', 'slack')],
  }, 'no-op'),
  talk('looks good', ['every weekday at 7 email me my google calendar', 'looks good'], {
    integrations: ['google_calendar'],
    trigger: at(['07:00'], 'weekdays'),
    destinations: [dm()],
  }, 'no-op'),
  talk('nope all good', ['post new linear issues into #triage-team', 'nope all good'], {
    integrations: ['linear'],
    trigger: event('linear', 'new_issue'),
    destinations: [channel('#triage-team')],
  }, 'no-op'),
  talk('nah its fine as is', ['dm me on slack when a new hubspot deal comes in', 'nah its fine as is'], {
    integrations: ['hubspot', 'slack'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [dm('slack')],
  }, 'no-op'),
  talk('no changes', ['post the stripe balance to #finance every monday at 9', 'no changes'], {
    integrations: ['stripe'],
    trigger: at(['09:00'], ['mon']),
    destinations: [channel('#finance')],
  }, 'no-op'),
  talk('leave it as is', ['every friday at 4 email me the open jira tickets', 'leave it as is'], {
    integrations: ['jira'],
    trigger: at(['16:00'], ['fri']),
    destinations: [dm()],
  }, 'no-op'),
  talk('nothing else thx', ['shopify orders over 500 go to #big-orders on slack', 'nothing else thx'], {
    integrations: ['shopify', 'slack'],
    destinations: [channel('#big-orders', 'slack')],
    filters: [f.amount('>', 500)],
    onlyFilters: true,
  }, 'no-op'),
  talk('thats perfect after an edit', ['dm me my unread outlook mail on teams at 8', 'make it 8:30', 'thats perfect'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['08:30']),
    destinations: [dm('teams')],
  }, 'no-op', 'time'),
  talk('keep it like that', ['post new github issues labelled bug to #qa', 'keep it like that'], {
    integrations: ['github'],
    destinations: [channel('#qa')],
    filters: [f.label('bug')],
    onlyFilters: true,
  }, 'no-op'),
  talk('no its right', ['every day at 6pm send the shopify sales to #sales', 'no no its right'], {
    integrations: ['shopify'],
    trigger: at(['18:00'], 'daily'),
    destinations: [channel('#sales')],
  }, 'no-op'),
  // A second round, written after the first was read.
  talk('time and sender after hmm actually', ['every weekday at 9 send me my unread gmail on slack', 'hmm actually 8:15 and only from my boss'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['08:15'], 'weekdays'),
    destinations: [dm('slack')],
    filters: [f.unread(), f.from('my boss')],
  }, 'time', 'add-filter'),
  talk('swap slack for teams pls', ['post new stripe payments to #finance on slack', 'swap slack for teams pls'], {
    integrations: ['stripe', 'teams'],
    destinations: [channel('#finance', 'teams')],
  }, 'replace-integration'),
  talk('forget the email, slack dm instead', ['send me the hubspot deals every monday at 9 by email', 'forget the email, slack dm instead'], {
    integrations: ['hubspot', 'slack'],
    trigger: at(['09:00'], ['mon']),
    destinations: [dm('slack')],
  }, 'replace-destination', 'dm'),
  talk('drop the last one of two channels', ['post new asana tasks to #ops and #eng', 'drop the last one'], {
    integrations: ['asana'],
    destinations: [channel('#ops')],
  }, 'remove-destination'),
  talk('time and days in one change', ['every day at 8am post my google calendar to #team', 'change it to 7:30 and only weekdays'], {
    integrations: ['google_calendar'],
    trigger: at(['07:30'], 'weekdays'),
    destinations: [channel('#team')],
  }, 'time', 'days'),
  talk('moved 15 min earlier', ['remind #standup on slack every weekday at 9:45', 'move it 15 min earlier'], {
    trigger: at(['09:30'], 'weekdays'),
    destinations: [channel('#standup', 'slack')],
  }, 'time', 'relative-time'),
  talk('wait no thursdays', ['email me a digest of new zendesk tickets every friday at 3pm', 'wait no thursdays'], {
    trigger: at(['15:00'], ['thu']),
    destinations: [dm()],
  }, 'days'),
  talk('address added then undone', ['post new jira issues to #eng', 'also to qa@acme.com', 'undo that'], {
    integrations: ['jira'],
    destinations: [channel('#eng')],
  }, 'undo', 'add-destination'),
  talk('looks good thanks', ['post new github prs to #reviews on slack', 'looks good thanks'], {
    integrations: ['github', 'slack'],
    destinations: [channel('#reviews', 'slack')],
  }, 'no-op'),
  talk('nope thats all', ['text me new shopify orders', 'nope, thats all'], {
    trigger: event('shopify', 'new_order'),
    destinations: [dm()],
  }, 'no-op'),
  talk('another channel on another chat tool', ['post new hubspot contacts to #growth on slack', 'and to teams #marketing too'], {
    integrations: ['hubspot', 'slack', 'teams'],
    destinations: [channel('#growth', 'slack'), channel('#marketing', 'teams')],
  }, 'add-destination', 'multi-destination'),
  talk('no need for drive put them in notion', ['save new dropbox files into google drive', 'no need for google drive, put them in notion'], {
    integrations: ['dropbox', 'notion'],
    destinations: [into('notion')],
  }, 'replace-integration'),
  talk('second time added then first removed', ['send my outlook unread to #inbox at 8', 'and at 1pm', 'remove the first time'], {
    integrations: ['outlook'],
    trigger: at(['13:00']),
    destinations: [channel('#inbox')],
  }, 'multi-time'),
  talk('day kept time changed', ['every sunday at 6pm email me a summary of linear issues', 'sunday is fine but make it 8pm'], {
    trigger: at(['20:00'], ['sun']),
    destinations: [dm()],
  }, 'time'),
  talk('interval halved', ['post new github issues to #eng every hour', 'every 30 min instead'], {
    integrations: ['github'],
    trigger: everyMinutes(30),
    destinations: [channel('#eng')],
  }, 'interval'),
  talk('address replaced by stop sending', ['forward gmail invoices to finance@acme.com', 'stop sending to finance@acme.com, send to ap@acme.com'], {
    destinations: [mail('ap@acme.com')],
  }, 'replace-destination'),
  talk('the slack part should be teams', ['every morning at 7 dm me my google calendar on slack', 'the slack part should be teams'], {
    integrations: ['google_calendar', 'teams'],
    trigger: at(['07:00'], 'daily'),
    destinations: [dm('teams')],
  }, 'replace-integration'),
];
