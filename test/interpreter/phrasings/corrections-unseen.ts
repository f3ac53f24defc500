/**
 * Corrections of the kinds the earlier rows did not cover, typed as people fix an assistant: "no not slack,
 * teams", a tool said alone ("use discord"), a chat tool for a message sent by mail ("slack instead"), days
 * removed, added or swapped ("remove monday", "and saturdays", "not fridays, mondays"), an hour offered
 * without "at" ("can we do 10 instead?"), a change with a question, one recipient of several replaced, a
 * filter dropped by its name ("no minimum"), and corrections after the summary was agreed to.
 */
import type { CorrectionConversation, ExpectedRequirements } from './phrasing-case.js';
import { at, channel, dm, event, everyMinutes, filter as f, into, mail, MANUAL, monthlyOn } from './expect-builders.js';

function talk(name: string, turns: string[], expect: ExpectedRequirements, ...tags: string[]): CorrectionConversation {
  return { name, turns, expect, tags: ['correction', 'unseen', ...tags] };
}

export const UNSEEN_CORRECTIONS: CorrectionConversation[] = [
  // Tools.
  talk('no not slack, teams', ['new hubspot deals into #sales on slack please', 'no not slack, teams'], {
    integrations: ['hubspot', 'teams'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#sales', 'teams')],
    filters: [],
    onlyFilters: true,
  }, 'replace-integration', 'negation'),
  talk('use discord said alone', ['post new linear issues to #triage on slack', 'use discord'], {
    integrations: ['linear', 'discord'],
    trigger: event('linear', 'new_issue'),
    destinations: [channel('#triage', 'discord')],
  }, 'replace-integration'),
  talk('lets go with google drive then', ['save new gmail attachments to dropbox every night', "let's go with google drive then"], {
    integrations: ['gmail', 'google_drive'],
    destinations: [into('google_drive')],
  }, 'replace-integration'),
  talk('the sheet skipped after actually', ['post new hubspot deals to #sales and log them in a google sheet', 'actually skip the sheet'], {
    integrations: ['hubspot'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#sales')],
  }, 'remove-destination', 'remove-integration'),
  // A message to the person moved to a chat tool.
  talk('slack instead of the email', ['email me my asana tasks every morning at 7', 'slack instead'], {
    integrations: ['asana', 'slack'],
    trigger: at(['07:00'], 'daily'),
    destinations: [dm('slack')],
  }, 'replace-destination', 'dm'),
  talk('send it on slack instead of email', ['email me the open jira bugs every monday at 9', 'send it on slack instead of email'], {
    integrations: ['jira', 'slack'],
    trigger: at(['09:00'], ['mon']),
    destinations: [dm('slack')],
  }, 'replace-destination', 'dm'),
  talk('put it in slack', ['every friday email me a summary of closed zendesk tickets', 'put it in slack'], {
    integrations: ['zendesk', 'slack'],
    destinations: [dm('slack')],
  }, 'replace-destination', 'dm'),
  talk('and on teams too', ['email me my google calendar for the day at 7:30', 'and on teams too'], {
    integrations: ['google_calendar', 'teams'],
    trigger: at(['07:30']),
    destinations: [dm(), dm('teams')],
  }, 'add-destination', 'dm'),
  // Days.
  talk('remove monday', ['every weekday at 9 post open zendesk tickets to #support', 'remove monday'], {
    integrations: ['zendesk'],
    trigger: at(['09:00'], ['tue', 'wed', 'thu', 'fri']),
    destinations: [channel('#support')],
  }, 'days', 'exclude-day'),
  talk('drop mondays and fridays', ['weekdays at 8:30 send me my outlook calendar on teams', 'drop mondays and fridays'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['08:30'], ['tue', 'wed', 'thu']),
    destinations: [dm('teams')],
  }, 'days', 'exclude-day'),
  talk('and saturdays', ['post the open zendesk tickets to #support every weekday at 9', 'and saturdays'], {
    integrations: ['zendesk'],
    trigger: at(['09:00'], ['mon', 'tue', 'wed', 'thu', 'fri', 'sat']),
    destinations: [channel('#support')],
  }, 'days'),
  talk('same but thursdays', ['send the stripe revenue to #finance every friday at 5pm', 'same but thursdays'], {
    integrations: ['stripe'],
    trigger: at(['17:00'], ['thu', 'fri']),
    destinations: [channel('#finance')],
  }, 'days'),
  talk('same but fridays and mondays', ['every friday at 4 send the github release notes to #eng', 'same but fridays and mondays'], {
    integrations: ['github'],
    trigger: at(['16:00'], ['mon', 'fri']),
    destinations: [channel('#eng')],
  }, 'days'),
  talk('not fridays, mondays', ['send a weekly summary of github commits to #eng on fridays at 10', 'not fridays, mondays'], {
    integrations: ['github'],
    trigger: at(['10:00'], ['mon']),
    destinations: [channel('#eng')],
  }, 'days', 'negation'),
  talk('nah not friday but thursday', ['email me the shopify sales every friday at 6pm', 'nah not friday but thursday'], {
    integrations: ['shopify'],
    trigger: at(['18:00'], ['thu']),
    destinations: [dm()],
  }, 'days', 'negation'),
  talk('weekends taken off', ['every day at 9 post new intercom... i mean zendesk tickets to #support', 'take off the weekends'], {
    integrations: ['zendesk'],
    trigger: at(['09:00'], 'weekdays'),
    destinations: [channel('#support')],
  }, 'days', 'exclude-day'),
  talk('wait only weekdays', ['every day at 7 text me my google calendar agenda', 'wait, only weekdays'], {
    integrations: ['google_calendar'],
    trigger: at(['07:00'], 'weekdays'),
    destinations: [dm()],
  }, 'days'),
  talk('tues and thurs only', ['every weekday at 8 send me my asana tasks on slack', 'tues and thurs only'], {
    integrations: ['asana', 'slack'],
    trigger: at(['08:00'], ['tue', 'thu']),
    destinations: [dm('slack')],
  }, 'days'),
  // Times.
  talk('actually make it 8', ['every morning at 9 send my unread gmail to #inbox on slack', 'actually make it 8'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['08:00'], 'daily'),
    destinations: [channel('#inbox', 'slack')],
  }, 'time'),
  talk('can we do 10 instead', ['remind #standup on slack every weekday at 9:30', 'can we do 10 instead?'], {
    integrations: ['slack'],
    trigger: at(['10:00'], 'weekdays'),
    destinations: [channel('#standup', 'slack')],
  }, 'time', 'question-form'),
  talk('a change and a question in one', ['post the jira sprint board to #standup on slack weekdays at 9:30', 'hmm can we do 10 instead? also is that in my timezone?'], {
    integrations: ['jira', 'slack'],
    trigger: at(['10:00'], 'weekdays'),
    destinations: [channel('#standup', 'slack')],
  }, 'time', 'question-form'),
  talk('what if we did 10', ['send me the overnight sentry... no, github issues on slack at 9 every day', 'what if we did 10 instead'], {
    integrations: ['github', 'slack'],
    trigger: at(['10:00'], 'daily'),
  }, 'time'),
  talk('an hour earlier pls', ['remind #standup on teams every weekday at 9:30', 'an hour earlier pls'], {
    integrations: ['teams'],
    trigger: at(['08:30'], 'weekdays'),
    destinations: [channel('#standup', 'teams')],
  }, 'time', 'relative-time'),
  talk('too early, a later time', ['post my calendar for the day to #team every morning at 8:30', '8:30 is too early make it 9:15'], {
    integrations: ['google_calendar'],
    trigger: at(['09:15'], 'daily'),
    destinations: [channel('#team')],
  }, 'time'),
  talk('6am not pm', ['every day at 6pm email me a report of stripe payouts', 'make it 6am not pm'], {
    integrations: ['stripe'],
    trigger: at(['06:00'], 'daily'),
    destinations: [dm()],
  }, 'time'),
  talk('thanks but 6:30 tho', ['every morning at 7 send me my calendar on slack', 'thanks, can you make it 6:30 tho'], {
    integrations: ['google_calendar', 'slack'],
    trigger: at(['06:30'], 'daily'),
    destinations: [dm('slack')],
  }, 'time'),
  // Recipients and places.
  talk('and also email me', ['new github issues should go to #eng on slack', 'and also email me'], {
    integrations: ['github', 'slack'],
    trigger: event('github', 'new_issue'),
    destinations: [channel('#eng', 'slack'), dm()],
  }, 'add-destination', 'dm'),
  talk('not the cfo, the controller', ['post stripe disputes to #finance and email cfo@acme.com', 'not the cfo, the controller controller@acme.com'], {
    integrations: ['stripe'],
    destinations: [channel('#finance'), mail('controller@acme.com')],
    filters: [],
    onlyFilters: true,
  }, 'replace-destination'),
  talk('a channel replaced beside an address', ['every morning at 8 post my unread gmail to #general on slack and email it to boss@acme.com', 'actually it should go to #ops not #general'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['08:00'], 'daily'),
    destinations: [channel('#ops', 'slack'), mail('boss@acme.com')],
  }, 'replace-destination'),
  talk('just me, not the team', ['email the weekly hubspot pipeline to team@acme.com and dm me on slack', 'just me, not the team'], {
    integrations: ['hubspot', 'slack'],
    destinations: [dm('slack')],
  }, 'remove-destination', 'dm'),
  talk('get rid of the 2nd one', ['post new zendesk tickets to #support and #cs', 'get rid of the 2nd one'], {
    integrations: ['zendesk'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#support')],
  }, 'remove-destination', 'by-place'),
  talk('oops wrong address', ['forward invoices from gmail to finance@acme.com', 'oops wrong address, its accounts@acme.com'], {
    integrations: ['gmail'],
    destinations: [mail('accounts@acme.com')],
  }, 'replace-destination'),
  talk('also slack to a sheet', ['put new typeform... no, new airtable records in a google sheet', 'also slack #marketing'], {
    integrations: ['airtable', 'google_sheets', 'slack'],
    destinations: [into('google_sheets'), channel('#marketing', 'slack')],
  }, 'add-destination'),
  // Filters.
  talk('no minimum, all orders', ['post new shopify orders over $200 to #orders', 'no minimum, all orders'], {
    integrations: ['shopify'],
    trigger: event('shopify', 'new_order'),
    destinations: [channel('#orders')],
    filters: [],
    onlyFilters: true,
  }, 'remove-filter'),
  talk('drop the filter', ['send me jira tickets with high priority on slack every day at 10', 'drop the filter'], {
    integrations: ['jira', 'slack'],
    trigger: at(['10:00'], 'daily'),
    filters: [],
    onlyFilters: true,
  }, 'remove-filter'),
  talk('also from hr', ['dm me on slack when i get an email from my boss', 'also from hr@acme.com'], {
    integrations: ['gmail', 'slack'],
    trigger: event('gmail', 'new_email'),
    filters: [f.from('my boss'), f.from('hr@acme.com')],
  }, 'add-filter'),
  // After the summary was agreed to (over HTTP these come after the test run).
  talk('channel changed after looks good', ['post new github issues to #eng on slack every day at 9', 'looks good', 'the summary should go to #ops not #eng'], {
    integrations: ['github', 'slack'],
    trigger: at(['09:00'], 'daily'),
    destinations: [channel('#ops', 'slack')],
  }, 'replace-destination', 'after-confirm'),
  talk('time changed after perfect', ['post a summary of my unread gmail to #general on slack every morning at 8', 'perfect', 'hmm make it 7:30'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['07:30'], 'daily'),
    destinations: [channel('#general', 'slack')],
  }, 'time', 'after-confirm'),
  // "Never mind": the message before taken back when it changed something, else nothing; never a cancel.
  talk('nvm after a time change', ['email me a summary of new salesforce leads every monday at 8', 'make it 5', 'nvm'], {
    integrations: ['salesforce'],
    trigger: at(['08:00'], ['mon']),
    destinations: [dm()],
  }, 'dismiss', 'undo'),
  talk('hmm never mind after an added channel', ['post the github release notes to #eng every friday at 4', 'add #product too', 'hmm never mind'], {
    integrations: ['github'],
    trigger: at(['16:00'], ['fri']),
    destinations: [channel('#eng')],
  }, 'dismiss', 'undo'),
  talk('nvm after a question changes nothing', ['post the github release notes to #eng every tuesday at 11', 'what timezone is that in?', 'nvm'], {
    integrations: ['github'],
    trigger: at(['11:00'], ['tue']),
    destinations: [channel('#eng')],
  }, 'dismiss', 'no-op'),
  talk('nvm right after the description keeps it', ['every weekday at 8 dm me my open linear issues on slack', 'nvm'], {
    integrations: ['linear', 'slack'],
    trigger: at(['08:00'], 'weekdays'),
    destinations: [dm('slack')],
  }, 'dismiss', 'no-op'),
  talk('forget that after a dropped filter', ['summarize my unread outlook mail on teams at 8:30', 'drop the unread filter', 'forget that'], {
    integrations: ['outlook', 'teams'],
    trigger: at(['08:30']),
    filters: [f.unread()],
  }, 'dismiss', 'undo'),
  talk('never mind that last change after two', ['post stripe payouts to #finance every monday', 'make it 10am', 'and also #ceo', 'never mind that last change'], {
    integrations: ['stripe'],
    trigger: at(['10:00'], ['mon']),
    destinations: [channel('#finance')],
  }, 'undo'),
  talk('undo after two changes takes back the last', ['post the stripe payouts to #finance every monday at 9', 'make it 10am', 'and also #ceo', 'undo'], {
    integrations: ['stripe'],
    trigger: at(['10:00'], ['mon']),
    destinations: [channel('#finance')],
  }, 'undo'),
  talk('nvm with a new reading', ['every day at 9 post the linear backlog to #product on slack', 'nvm just when i run it'], {
    integrations: ['linear', 'slack'],
    trigger: MANUAL,
    destinations: [channel('#product', 'slack')],
  }, 'dismiss', 'manual'),
  // Going back and starting over.
  talk('go back then a time', ['every monday 9am post github prs to #reviews', 'go back', 'make it 10'], {
    integrations: ['github'],
    trigger: at(['10:00'], ['mon']),
    destinations: [channel('#reviews')],
  }, 'go-back', 'time'),
  talk('go back then a channel', ['send new zendesk tickets to #support', 'go back', 'actually post them in #helpdesk'], {
    integrations: ['zendesk'],
    trigger: event('zendesk', 'new_ticket'),
    destinations: [channel('#helpdesk')],
  }, 'go-back', 'replace-destination'),
  talk('start over then a new agent', ['every monday 9am post asana overdue tasks to #pm', 'start over', 'send me my unread gmail on slack every day at 8'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['08:00'], 'daily'),
    destinations: [dm('slack')],
    filters: [f.unread()],
  }, 'restart'),
  talk('start over with the new agent in one message', ['post trello cards to #design every day', 'start over: email me new hubspot deals every friday at 3pm'], {
    integrations: ['hubspot'],
    trigger: at(['15:00'], ['fri']),
    destinations: [dm()],
  }, 'restart'),
  // Times, tools and channels said in part.
  talk('teams arrow slack', ['post notion updates to #docs on teams', 'teams -> slack'], {
    integrations: ['notion', 'slack'],
    destinations: [channel('#docs', 'slack')],
  }, 'replace-integration'),
  talk('every 15 of every 30 min', ['dm me my github notifications on slack every 30 min', 'every 15'], {
    integrations: ['github', 'slack'],
    trigger: everyMinutes(15),
    destinations: [dm('slack')],
  }, 'interval'),
  talk('just the 9 one', ['post trello cards due today to #pm at 9 and 2', 'just the 9 one'], {
    integrations: ['trello'],
    trigger: at(['09:00'], 'daily'),
    destinations: [channel('#pm')],
  }, 'multi-time'),
  talk('the 2pm one made 3pm', ['post the trello cards due today in #pm at 9am and 2pm', 'make the 2pm one 3pm'], {
    integrations: ['trello'],
    trigger: at(['09:00', '15:00'], 'daily'),
    destinations: [channel('#pm')],
  }, 'multi-time', 'time'),
  talk('channel named without its hash', ['post new stripe payouts to #finance', 'change channel to finance-alerts'], {
    integrations: ['stripe'],
    destinations: [channel('#finance-alerts')],
  }, 'replace-destination'),
  talk('sorry i meant morning', ['every evening at 6 send me an email with the stripe payouts', 'sorry i meant morning'], {
    integrations: ['stripe'],
    trigger: at(['06:00'], 'daily'),
    destinations: [dm()],
  }, 'time'),
  talk('pm not am', ['every weekday at 7 text me the new zendesk tickets', 'pm not am'], {
    integrations: ['zendesk'],
    trigger: at(['19:00'], 'weekdays'),
    destinations: [dm()],
  }, 'time'),
  // Amounts, recipients and places said in part.
  talk('actually 5k', ['post every new hubspot deal in #sales', 'only deals over 10k', 'actually 5k'], {
    integrations: ['hubspot'],
    trigger: event('hubspot', 'new_deal'),
    destinations: [channel('#sales')],
    filters: [f.amount('>', 5000)],
    onlyFilters: true,
  }, 'amount'),
  talk('lower it to 5k', ['post new hubspot deals over 10k to #sales on teams', 'lower it to 5k'], {
    integrations: ['hubspot', 'teams'],
    filters: [f.amount('>', 5000)],
    onlyFilters: true,
  }, 'amount'),
  talk('too late, a bare hour after it', ['send my calendar for tomorrow to #team at 6pm', '6 is too late, 5'], {
    integrations: ['google_calendar'],
    trigger: at(['17:00'], 'daily'),
    destinations: [channel('#team')],
  }, 'time'),
  talk('5 is better', ['every weekday at 4:30pm post the zendesk backlog to #support', '5 is better'], {
    integrations: ['zendesk'],
    trigger: at(['17:00'], 'weekdays'),
    destinations: [channel('#support')],
  }, 'time'),
  talk('remove the email', ['post new linear issues to #triage and email eng@acme.com', 'remove the email'], {
    integrations: ['linear'],
    trigger: event('linear', 'new_issue'),
    destinations: [channel('#triage')],
  }, 'remove-destination'),
  talk('no email', ['new linear bugs go to #bugs and to qa@acme.com', 'no email'], {
    integrations: ['linear'],
    destinations: [channel('#bugs')],
  }, 'remove-destination'),
  talk('just slack is fine', ['post new sentry... no, new github issues to #triage and email eng@acme.com', 'just slack is fine'], {
    integrations: ['github', 'slack'],
    destinations: [channel('#triage')],
  }, 'remove-destination'),
  talk('just the slack channel', ['post new linear issues to #triage on slack and email eng@acme.com', 'just the slack channel'], {
    integrations: ['linear', 'slack'],
    destinations: [channel('#triage', 'slack')],
  }, 'remove-destination'),
  talk('just the email one', ['email ops@acme.com and post in #ops when a new pagerduty... no, a new zendesk ticket comes in', 'only the email one'], {
    integrations: ['zendesk'],
    destinations: [mail('ops@acme.com')],
  }, 'remove-destination'),
  talk('time and weekends in one hmm wait', ['send me a digest of my unread gmail every morning at 7 on slack', 'hmm wait can it be 7:30 and skip weekends'], {
    integrations: ['gmail', 'slack'],
    trigger: at(['07:30'], 'weekdays'),
    destinations: [dm('slack')],
  }, 'time', 'days'),
  talk('typo then a priority', ['post new jira bugs to #qa', 'actualy #qa-team', 'and only p1s'], {
    integrations: ['jira'],
    destinations: [channel('#qa-team')],
    filters: [f.priority('p1')],
  }, 'replace-destination', 'add-filter', 'typo'),
  talk('cc me and an hour earlier in one', ['every friday at 5 email finance@acme.com the stripe payouts', 'also cc me pls and make it 4'], {
    integrations: ['stripe'],
    trigger: at(['16:00'], ['fri']),
    destinations: [mail('finance@acme.com'), dm()],
  }, 'add-destination', 'time'),
  talk('no wait, as well', ['every friday at 5pm email the stripe payouts to finance@acme.com', 'no wait, send it to ap@acme.com as well'], {
    integrations: ['stripe'],
    destinations: [mail('finance@acme.com'), mail('ap@acme.com')],
  }, 'add-destination'),
  talk('sunday evening to monday morning', ['every sunday at 6pm email me a summary of my week from google calendar', 'monday morning instead'], {
    integrations: ['google_calendar'],
    trigger: at(['08:00'], ['mon']),
    destinations: [dm()],
  }, 'days', 'time'),
  talk('half an hour later', ['every weekday at 4:30pm post the zendesk queue to #support', 'half an hour later'], {
    integrations: ['zendesk'],
    trigger: at(['17:00'], 'weekdays'),
  }, 'time', 'relative-time'),
  // Replies that read like corrections but ask for none.
  talk('is 9am in my timezone', ['post new hubspot deals to #sales every monday at 9', 'is 9am in my timezone?'], {
    integrations: ['hubspot'],
    trigger: at(['09:00'], ['mon']),
    destinations: [channel('#sales')],
  }, 'no-op', 'question-form'),
  talk('will it run on holidays', ['post the hubspot pipeline in #sales every monday at 9:00', 'will it still run at 9 on holidays?'], {
    integrations: ['hubspot'],
    trigger: at(['09:00'], ['mon']),
  }, 'no-op', 'question-form'),
  talk('so it goes to sales right', ['send the weekly hubspot deals to #sales every monday at 9', 'ok so it goes to #sales right?'], {
    destinations: [channel('#sales')],
  }, 'no-op', 'question-form'),
  talk('wait so its every monday', ['every monday at 9 send the hubspot deals to #sales', 'wait so its every monday?'], {
    trigger: at(['09:00'], ['mon']),
  }, 'no-op', 'question-form'),
  talk('so monday 9am, got it', ['mondays at 9 post new hubspot deals in #sales', 'so monday 9am, #sales, got it'], {
    trigger: at(['09:00'], ['mon']),
    destinations: [channel('#sales')],
  }, 'no-op'),
  talk('what if hubspot is down', ['hubspot deals to #sales every monday 9am', 'what happens if hubspot is down?'], {
    integrations: ['hubspot'],
    destinations: [channel('#sales')],
  }, 'no-op', 'question-form'),
  talk('can i change the time later', ['post the new hubspot deals to #sales at 9 every monday', 'can i change the time later?'], {
    trigger: at(['09:00'], ['mon']),
  }, 'no-op', 'question-form'),
  // After the summary was agreed to, and other late changes.
  talk('every 2 hrs after yes', ['summarize new zendesk tickets for #support every hour', 'yes', 'can u make it every 2 hrs'], {
    integrations: ['zendesk'],
    trigger: { type: 'schedule', every: { hours: 2 } },
    destinations: [channel('#support')],
  }, 'interval', 'after-confirm'),
  talk('lgtm then nvm changes nothing', ['every morning at 8 send me my jira tickets on slack', 'lgtm', 'nvm'], {
    integrations: ['jira', 'slack'],
    trigger: at(['08:00'], 'daily'),
    destinations: [dm('slack')],
  }, 'dismiss', 'no-op', 'after-confirm'),
  talk('lgtm then actually 8:30', ['every morning at 8 dm me my open jira tickets on slack', 'lgtm', 'actually 8:30'], {
    integrations: ['jira', 'slack'],
    trigger: at(['08:30'], 'daily'),
    destinations: [dm('slack')],
  }, 'time', 'after-confirm'),
  talk('ok then wait change it to teams', ['each morning at 8 send me my jira tickets on slack', 'ok', 'wait change it to teams'], {
    integrations: ['jira', 'teams'],
    trigger: at(['08:00'], 'daily'),
    destinations: [dm('teams')],
  }, 'replace-integration', 'after-confirm'),
  talk('make that 11 then undo', ['post the stripe mrr to #metrics every monday', 'at 10', 'make that 11', 'undo'], {
    integrations: ['stripe'],
    trigger: at(['10:00'], ['mon']),
    destinations: [channel('#metrics')],
  }, 'time', 'undo'),
  talk('too late lol', ['send me the daily sales from shopify at 9pm', '9pm is too late lol, 6pm'], {
    integrations: ['shopify'],
    trigger: at(['18:00'], 'daily'),
    destinations: [dm()],
  }, 'time'),
  talk('also at 4 pls', ['post github issues to #eng every day at 10', 'also at 4 pls'], {
    integrations: ['github'],
    trigger: at(['10:00', '16:00'], 'daily'),
    destinations: [channel('#eng')],
  }, 'multi-time'),
  talk('twice a day, 10 and 4', ['post the open github issues to #eng every day at 10', 'twice a day, 10 and 4'], {
    integrations: ['github'],
    trigger: at(['10:00', '16:00'], 'daily'),
  }, 'multi-time'),
  talk('no discord', ['post new trello cards to #design on slack and discord', 'no discord'], {
    integrations: ['trello', 'slack'],
    destinations: [channel('#design', 'slack')],
  }, 'remove-integration'),
  talk('on tuesdays instead pls', ['every week on monday post the asana summary to #pm', 'on tuesdays instead pls'], {
    integrations: ['asana'],
    trigger: at(['09:00'], ['tue']),
    destinations: [channel('#pm')],
  }, 'days'),
  talk('changed my mind, make it 10', ['post jira tickets to #eng every monday at 9', 'changed my mind, make it 10'], {
    integrations: ['jira'],
    trigger: at(['10:00'], ['mon']),
    destinations: [channel('#eng')],
  }, 'time'),
  talk('also on slack after an email', ['email me the notion tasks due today every morning', 'at 7 pls', 'also on slack'], {
    integrations: ['notion', 'slack'],
    trigger: at(['07:00'], 'daily'),
    destinations: [dm(), dm('slack')],
  }, 'add-destination', 'time'),
  talk('twice a month moved to 11', ['twice a month at 10 email me a summary of my stripe payouts', 'make it 11am'], {
    integrations: ['stripe'],
    trigger: monthlyOn([1, 15], ['11:00']),
    destinations: [dm()],
  }, 'time'),
  // A sender taken back for another, or added in a follow-up.
  talk('not my boss, my manager', ['summarize my unread gmail from my boss and dm me on slack every morning', 'not my boss, my manager'], {
    integrations: ['gmail', 'slack'],
    destinations: [dm('slack')],
    filters: [f.unread(), f.from('my manager')],
    onlyFilters: true,
  }, 'replace-filter'),
  talk('no not from the landlord but the letting agent', ['email me new outlook mail from the landlord', 'no, not from the landlord but the letting agent'], {
    trigger: event('outlook', 'new_email'),
    filters: [f.from('the letting agent')],
    onlyFilters: true,
  }, 'replace-filter'),
  talk('sorry not my boss i meant my manager', ['post gmail emails from my boss to #inbox', 'sorry not my boss i meant my manager'], {
    destinations: [channel('#inbox')],
    filters: [f.from('my manager')],
    onlyFilters: true,
  }, 'replace-filter'),
  talk('also from my boss only', ['summarize my unread gmail and dm me on slack every morning', 'also from my boss only'], {
    integrations: ['gmail', 'slack'],
    filters: [f.unread(), f.from('my boss')],
    onlyFilters: true,
  }, 'add-filter'),
  talk('and only from the accountant', ['send me my new outlook emails on teams', 'and only from the accountant'], {
    integrations: ['outlook', 'teams'],
    filters: [f.from('the accountant')],
    onlyFilters: true,
  }, 'add-filter'),
  // A dismissal, then agreement: the change before stays.
  talk('nvm looks good keeps the change', ['post stripe payouts to #finance every monday at 9', 'make it 10', 'nvm, looks good'], {
    trigger: at(['10:00'], ['mon']),
    destinations: [channel('#finance')],
  }, 'no-op'),
  talk('never mind all good thanks', ['every weekday at 8 dm me my open jira issues on slack', 'never mind, all good thanks'], {
    integrations: ['jira', 'slack'],
    trigger: at(['08:00'], 'weekdays'),
    destinations: [dm('slack')],
  }, 'no-op'),
  // "I changed my mind", "forget it": the message before taken back, like "never mind"; with a correction, the correction.
  talk('i changed my mind after a time change', ['email me a summary of new salesforce leads every tuesday at 8', 'make it 5', 'i changed my mind'], {
    trigger: at(['08:00'], ['tue']),
  }, 'dismiss'),
  talk('i changed my mind, slack instead', ['dm me my asana tasks on teams every morning', 'i changed my mind, slack instead'], {
    integrations: ['asana', 'slack'],
    destinations: [dm('slack')],
  }, 'replace-integration'),
  talk('forget it after an added channel', ['post the github release notes to #eng every thursday at 4', 'add #product too', 'forget it'], {
    destinations: [channel('#eng')],
  }, 'dismiss'),
  talk("ive changed my mind, post them to #ops", ['when a zendesk ticket comes in drop it in #support on slack', "i've changed my mind, post them to #ops"], {
    integrations: ['zendesk', 'slack'],
    destinations: [channel('#ops', 'slack')],
  }, 'replace-destination'),
];
