import type { Destination } from '../../conversation/requirements/requirements.js';
import { REPLACEMENT_BEFORE, TAKEN_BACK_AFTER } from './corrections.js';
import type { IntegrationMention } from './integrations.js';
import { isUnsupportedToolWord } from './unsupported-tools.js';
import { eachMatch, includesAny, mask, oneOf, overlaps, type Span } from './text.js';

/** What the destination reader needs besides the text. */
export interface DestinationContext {
  /** Integrations named in the message and not being removed. */
  mentions: readonly IntegrationMention[];
  /** The chat integration to assume for a bare `#channel` (the one already in use, else Slack). */
  defaultChat: string | null;
  /** `gmail` or `outlook`. */
  emailIntegration: string | null;
  /** Spans of filter values: an address there is a sender, not a recipient. */
  filterSpans: readonly Span[];
  /** The event trigger's clause: an integration there is where events come from. */
  triggerSpan: Span | null;
  /** The event trigger's tool: inside its clause only that one is surely read from ("when a card is added create a jira ticket"). */
  triggerIntegration?: string | null;
}

const CHAT = new Set(['slack', 'teams', 'discord']);
const EMAIL = new Set(['gmail', 'outlook']);
const CHANNEL = /(?<![\w#&/])#([a-z][a-z0-9._-]*[a-z0-9]|[a-z])/g;
const NAMED_CHANNEL = /\bthe ([a-z0-9][\w-]*) (?:(?:slack|teams|discord) )?channel\b/g;
const NOT_A_CHANNEL = new Set([
  'slack', 'teams', 'discord', 'same', 'right', 'correct', 'other', 'new', 'whole', 'team', 'private', 'public',
  // "remove the second channel", "that channel", "the old channel": a channel pointed at, not named.
  'first', 'second', 'third', 'last', '1st', '2nd', '3rd', 'that', 'this', 'old', 'wrong', 'previous', 'original', 'existing', 'current',
]);
const REMOVED_BEFORE = /\b(?:instead of|not|rather than|from|replace|than)\s+(?:the\s+)?$/;
const HANDLE = /(?<![\w.@])@([a-z0-9][\w.-]*[a-z0-9]|[a-z0-9])(?![\w@])/g;
// Starts only where a run of address characters starts: tried inside one, a long run without '@' (4 000
// digits) costs O(n²) (80 ms here).
const ADDRESS = /(?<![a-z0-9._%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/g;
const SENDER_BEFORE = /\b(?:from|by|sender)\s+$/;
// "Invoices emailed to billing@acme.com in gmail → …": before an arrow, mail that came in to that address is read, not sent there.
const ARROW_AHEAD = /->|→|=>/;
const RECEIVED_BEFORE = /\b(?:(?:e-?mailed|sent|addressed|forwarded)\s+to|arriving (?:at|in))\s+$/;
/** "Every email to support@acme.com", "new mail sent to billing@…": mail that comes in to that address, whatever follows. */
const MAIL_TO_BEFORE = /\b(?:every|each|any|all|new|incoming)\s+(?:e-?mails?|mails?|messages?)\s+(?:(?:sent|addressed|that (?:comes?|goes))\s+)?to\s+$/;
const INTO_BEFORE = /\b(?:to|in|into|onto|on)\s+(?:(?:my|the|our|a|an|new|shared)\s+)*$/;
// "Create jira tickets", "open a jira ticket": the tool is made in. "Post notion updates", "the open jira
// bugs": with these verbs (or the adjective) and no article the tool is what is read.
// After another tool, "in/on X" is where things go only when the clause sends somewhere ("to the page in X", "→ a row in X"), not "to approve timesheets in X".
const SENT_IN_CLAUSE = /->|→|=>|\b(?:to|into|onto)\s+(?:(?:my|the|our|a|an|new|shared)\b|\s*$)/;
/**
 * Said without a verb: "pagerduty incidents into a notion log", "new typeform submissions to airtable", "zoom
 * recordings to google drive": things of one place sent on to a tool.
 */
const STRONG_INTO_BEFORE = /\b(?:into|onto)\s+(?:(?:my|the|our|a|an|new|shared)\s+)*$/;
/** "copy … into the fulfilment google sheet", "put … in the fulfilment airtable": one word naming which one, between "into" and the tool (with a verb that writes). */
const INTO_NAMED_BEFORE = /\b(?:into|onto|in|on|to)\s+(?:(?:my|the|our|a|an|new|shared)\s+)*[a-z]+\s+$/;
const THINGS_TO_BEFORE = /^\s*(?:new|each|every|all|any)\b[^→>]*\bto\s+(?:(?:my|the|our|a|an|new|shared)\s+)*$/;
const FIRST_WORD = /^\s*([a-z]+)/;
/** Whether the clause is "<things> to" a tool: it starts with new/each/every, or with a tool outside the catalog. */
function thingsSentTo(clause: string): boolean {
  if (THINGS_TO_BEFORE.test(clause)) return true;
  const first = FIRST_WORD.exec(clause)?.[1];
  return first !== undefined && isUnsupportedToolWord(first) && /\bto\s+(?:(?:my|the|our|a|an|new|shared)\s+)*$/.test(clause);
}
/** "New google forms responses go in the signups sheet": things said to go in a tool. */
const GO_IN_BEFORE = /\b(?:go|goes|should go|end up|ends up|land|lands)\s+(?:in|into|to|on)\s+(?:(?:my|the|our|a|an)\s+)*$/;
/** "I want it on my google calendar", "need them in the crm sheet": things wished to be in a tool. */
const WANT_IT_IN_BEFORE = /\b(?:want|need|like|get)\s+(?:it|them|those|these|each one|every one)\s+(?:on|in|into|to)\s+(?:(?:my|the|our|a|an)\s+)*$/;
/** An arrow, a channel or an address: a place has been said before. */
const PLACE_SAID = /->|→|=>|[#@]/;
/** After an arrow, in the same clause: "→ slack #brand and airtable", "→ welcome email + a hubspot contact". */
const AFTER_ARROW = /(?:->|→|=>)[^,.;!?]*$/;
const WEAK_INTO_BEFORE = /\b(?:in|on)\s+(?:(?:my|the|our)\s+)*$/;
const SENT_ON_AFTER = /^[^,.;!?+&]*?\b(?:to|into)\s+(?:[#@]|me\b|my\b|the\b|our\b|an?\b)/;

/** "The pull requests on github to #reviews": a tool after "in/on" with a "to …" still to come is where things are read. */
function readThenSent(norm: string, m: IntegrationMention): boolean {
  return WEAK_INTO_BEFORE.test(norm.slice(Math.max(0, m.start - 16), m.start)) && SENT_ON_AFTER.test(norm.slice(m.end, m.end + 80));
}
const MAKE_BEFORE = new RegExp(
  String.raw`(?:\b(?:creates?|adds?|files?|makes?|writes?|appends?|becomes?|become|turn(?:s|ed)? into|turn(?:s|ed)? (?:it|them) into)\s+(?:(?:a|an|the|new|my)\s+)*` +
    String.raw`|\b(?:opens?|logs?|posts?|publish(?:es)?|tweets?)\s+(?:an?)\s+(?:new\s+)?)$`,
);
/**
 * "Create a jira ticket", "open a github issue", "add an asana task": an order to make one thing in a tool, said with the
 * thing, is where output goes even when that tool is the first named (a tool outside the catalog is where things come from).
 */
const JOINED_BEFORE = /(?:\band|&|\+)\s+(?:(?:a|an|the|my|new)\s+)*$/;
const MAKE_ONE_BEFORE =
  /(?<!\b(?:i|we|they|he|she|someone|somebody|anyone|people|customers|users|clients|members|who)\s+)\b(?:create|add|file|make|open|raise|log)\s+(?:a|an|one)\s+(?:new\s+)?$/;
// After an article or "new"/"each" the word is a thing, not an order ("each new file in my dropbox").
const OUTPUT_VERB = new RegExp(
  String.raw`(?<!\b(?:a|an|the|new|each|every|my|our)\s)\b${oneOf([
    'adds?', 'appends?', 'saves?', 'logs?', 'writes?', 'puts?', 'stores?', 'uploads?', 'creates?', 'records?',
    'cop(?:y|ies)', 'exports?', 'inserts?', 'files?', 'posts?', 'publish(?:es)?', 'tweet', 'syncs?', 'push(?:es)?',
    'sends?', 'archives?', 'backs? up', 'dumps?', 'keeps?', 'tracks?',
  ])}\b`,
);
const NAMED =
  /\b(?:called|named|titled)\s+(?:"([^"]+)"|'([^']+)'|([a-z0-9][\w-]*))|"([^"]+)"|(?<![a-z])'([^']+)'(?![a-z])/dg;

/** "on slack" said right after a channel, before what follows it. */
const ON_CHAT_TOOL = /^\s+(?:on|in|via)\s+(?:the\s+)?(?:slack|microsoft teams|ms teams|teams|discord)\b/;
/** "#eng on teams", "#ops (discord)": only these words between a channel and the chat tool it is on. */
const ON_TOOL_BETWEEN = /^\s*(?:\(\s*)?(?:(?:on|in|via|over|at|the|our|my)\s+)*$/;

/**
 * The chat tool of a channel at `position`: the one named right after it ("#incidents on slack, #eng on
 * teams"), else the nearest one named, else the one in use.
 */
function chatFor(position: number, ctx: DestinationContext, norm = '', end = position): string | null {
  const after = ctx.mentions.find((m) => CHAT.has(m.id) && m.start >= end && m.start - end <= 14 && ON_TOOL_BETWEEN.test(norm.slice(end, m.start)));
  if (after) return after.id;
  let best: IntegrationMention | undefined;
  for (const m of ctx.mentions) {
    if (!CHAT.has(m.id)) continue;
    if (!best || Math.abs(m.start - position) < Math.abs(best.start - position)) best = m;
  }
  return best?.id ?? ctx.defaultChat;
}

const ARROW = String.raw`(?:->|→|=>|>)`;
const CLAUSE_BREAK = /[,.;!?]|->|→|=>/g;
const OUTPUT_WORD = new RegExp(
  String.raw`\b${oneOf([
    'post', 'send', 'share', 'forward', 'put', 'drop', 'copy', 'copie', 'move', 'publish', 'write', 'ping', 'notify',
    'alert', 'tell', 'announce', 'push', 'deliver', 'report', 'shout', 'broadcast', 'dump', 'route', 'pipe',
    'escalate', 'output', 'go', 'goe', 'going', 'sent', 'posted', 'shared', 'summary', 'digest', 'list', 'total',
    'remind', 'reminder', 'update', 'log', 'scream', 'yell', 'blast',
  ])}(?:s|es|ed|d|ing)?\b`,
);
// "In the teams channel #escalations": the word "channel" may stand before the channel's name.
const DELIVERY_PREFIX = /\b(?:to|into|in|on|at)\s+(?:the\s+|our\s+|my\s+)?(?:(?:slack|teams|discord)\s+)?(?:channel\s+)?$/;
const VERB_PREFIX = /\b(?:ping|notify|alert|tell|message|post|share|cc)\s+$/;
const SOURCE_PREFIX =
  /\b(?:from|of|in|through|read(?:s|ing)?|watch(?:es|ing)?|monitor(?:s|ing)?|summari[sz]e|summari[sz]ing|check|scan|follow|about|on)\s+(?:(?:the|our|my|both)\s+)?(?:(?:slack|teams|discord)\s+)?(?:channel\s+)?$/;
const SOURCE_AFTER = new RegExp(
  String.raw`^\s*(?:\((?:slack|teams|discord)\)\s*)?(?:(?:slack|teams|discord)\s+)?(?:channel\s+)?${ARROW}` +
    String.raw`|^\s+(?:new\s+)?(?:questions|messages|msgs|posts|threads|conversations|highlights|mentions|feedback|discussions?)\b` +
    String.raw`|^\s*(?:(?:slack|teams|discord)\s+)?channel\s+(?:from|into)\b`,
);
const ARROW_BEFORE = new RegExp(String.raw`${ARROW}\s*(?:(?:to|my|the|our|a|an|new)\s+)*(?:(?:slack|teams|discord)\s+)?$`);

// "When somebody posts in #requests", "what people post in #ideas": someone else's post is read, not made.
const SOMEONE_DOES = new RegExp(
  String.raw`\b(?:someone|somebody|anyone|anybody|people|everyone|everybody|nobody|customers?|clients?|users?|members?|folks)\s+` +
    String.raw`(?:\w+\s+)?(?:posts?|writes?|drops?|says?|asks?|messages?|shares?|mentions?|sends?|puts?|adds?)` +
    // …right before the channel: "when someone mentions us on twitter post it in #social" posts there.
    String.raw`(?:\s+[\w-]+){0,5}\s+$` +
    // "When my boss posts in #leadership": a person named, then what they do there.
    String.raw`|\b(?:when(?:ever)?|if|once|every time|each time|any ?time)\s+(?:my|our|the|a|an)\s+[a-z]+\s+(?:posts|writes|drops|says|asks|messages|shares|mentions|sends|puts|adds)\s+(?:something\s+|anything\s+)?(?:in|on|to|into)\s+$`,
);
/** "Say hi in #sdr", "a discord message in #alerts": "in #x" with nothing read or sent elsewhere is where it goes. */
const WEAK_CHANNEL_BEFORE = /\b(?:in|on)\s+(?:(?:the|our|my)\s+)?(?:(?:slack|teams|discord)\s+)?(?:channel\s+)?$/;

/** "A msg in #billing", "a heads up in #deal-desk": a message said as a thing, then the channel it goes in. */
const MESSAGE_IN_BEFORE =
  /\b(?:a|an|one)\s+(?:[\w-]+\s+)?(?:msg|message|ping|heads[- ]up|note|post|notification|alert|shout|shout-?out|reminder|summary|digest|hello|hi|welcome|update)\s+(?:in|on|to|into)\s+(?:the\s+)?(?:(?:slack|teams|discord)\s+)?(?:channel\s+)?$/;

/** The text of the clause before `position` (after the last comma, full stop or arrow). */
function clauseBefore(norm: string, position: number): string {
  const before = norm.slice(Math.max(0, position - 80), position);
  let cut = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) cut = m.index + m[0].length;
  return before.slice(cut);
}

/**
 * Whether a channel at `start..end` is where output goes rather than where it is read from: after an
 * arrow, after "post … to/in", "ping", or "to"; "from #x", "summarize #x", "#x →" read from it.
 */
function isDestinationChannel(norm: string, start: number, end: number): boolean {
  const before = norm.slice(Math.max(0, start - 40), start);
  if (ARROW_BEFORE.test(before)) return true;
  if (SOURCE_AFTER.test(norm.slice(end, end + 30))) return false;
  const clause = clauseBefore(norm, start);
  if (VERB_PREFIX.test(before)) return true;
  if (SOMEONE_DOES.test(clause)) return false;
  if (MESSAGE_IN_BEFORE.test(before)) return true;
  if (WEAK_INTO_BEFORE.test(before) && SENT_ON_AFTER.test(norm.slice(end, end + 80))) return false;
  if (DELIVERY_PREFIX.test(before) && (OUTPUT_WORD.test(clause) || /\b(?:to|into)\s+(?:the\s+|our\s+|my\s+)?(?:(?:slack|teams|discord)\s+)?$/.test(before))) {
    return true;
  }
  return !SOURCE_PREFIX.test(before);
}

/** "#design on slack and discord", "#ops channel in both teams & slack": one channel on two chat tools, the second captured. */
const ON_TWO_CHAT_TOOLS =
  /^\s+(?:channel\s+)?(?:on|in|via)\s+(?:both\s+)?(?:the\s+)?(?:slack|(?:microsoft |ms )?teams|discord)\s*(?:and|&|\+|,)\s*(?:also\s+)?(?:on\s+|in\s+)?(?:the\s+)?(slack|(?:microsoft |ms )?teams|discord)\b(?!\s*(?:#|channel\b))/;

/** The same channel on a second chat tool said right after it, if one is. */
function onSecondChatTool(norm: string, end: number, first: string | null, target: string): Destination | null {
  const tool = ON_TWO_CHAT_TOOLS.exec(norm.slice(end, end + 60))?.[1];
  const id = tool?.endsWith('teams') ? 'teams' : tool;
  return id && id !== first ? { kind: 'channel', integration: id, target } : null;
}

function channels(norm: string, ctx: DestinationContext): Destination[] {
  const found: { at: number; destination: Destination }[] = [];
  // Guard of the second chat tool: two are named.
  let chats = 0;
  for (const m of ctx.mentions) if (CHAT.has(m.id)) chats += 1;
  let lastSourceEnd = -100;
  const take = (start: number, end: number, target: string): void => {
    if (REMOVED_BEFORE.test(norm.slice(Math.max(0, start - 16), start))) return;
    // "in #eng and #product": a channel joined to one read from is read from too.
    const joined = start - lastSourceEnd < 8 && /^\s*(?:and|,|&|\+)\s*$/.test(norm.slice(lastSourceEnd, start));
    if (joined || !isDestinationChannel(norm, start, end)) {
      lastSourceEnd = end;
      return;
    }
    if (found.some((f) => f.destination.target === target)) return;
    const integration = chatFor(start, ctx, norm, end);
    found.push({ at: start, destination: { kind: 'channel', integration, target } });
    const second = chats >= 2 ? onSecondChatTool(norm, end, integration, target) : null;
    if (second) found.push({ at: start, destination: second });
  };
  // A channel needs '#', a channel by name the word "channel", a handle '@'.
  if (norm.includes('#')) eachMatch(CHANNEL, norm, (m) => take(m.index, m.index + m[0].length, m[0]));
  if (norm.includes('channel')) {
    eachMatch(NAMED_CHANNEL, norm, (m) => {
      if (!NOT_A_CHANNEL.has(m[1] ?? '')) take(m.index, m.index + m[0].length, `#${m[1] ?? ''}`);
    });
  }
  if (norm.includes('@')) eachMatch(HANDLE, norm, (m) => take(m.index, m.index + m[0].length, m[0]));
  found.sort((a, b) => a.at - b.at);
  // "#billing, sorry i mean #collections": a channel taken back is replaced by the next one.
  const kept = found.filter((f, i) => {
    const next = found[i + 1];
    return !(next && TAKEN_BACK_AFTER.test(norm.slice(f.at + f.destination.target.length, next.at).replace(ON_CHAT_TOOL, '')));
  });
  return kept.map((f) => f.destination);
}

/** "… and a row in the tickets google sheet", "a card on our trello board": a thing made in a tool, said without a verb. */
const THING_IN_BEFORE =
  /\b(?:a|an|one)\s+(?:new\s+)?(?:row|record|card|page|task|ticket|entry|issue|note|doc|document)\s+(?:in|on|to|into)\s+(?:(?:the|my|our|a|an)\s+)?(?:[\w-]+\s+){0,2}$/;

/**
 * "A notion page for every hubspot deal", "one asana task per new lead": a thing of a tool made for each thing
 * of another, said without a verb. The tool is where it goes when a thing follows it and the count follows that.
 */
const THING = String.raw`(?:row|record|card|page|task|ticket|entry|issue|note|doc|document|item|contact|file|folder|event)s?`;
/** The thing is in the mention ("notion page") or right after it ("github issue"). */
const THING_ENDS = new RegExp(String.raw`\b${THING}$`);
const THING_FOR_AFTER = new RegExp(String.raw`^(?:\s+${THING})?\s+(?:for|per)\s+(?:(?:every|each|any|all|a|an|new)\b|[a-z]+s\b)`);
const THING_AFTER = new RegExp(String.raw`^\s+${THING}\b`);
const THING_FOR_BEFORE = /(?:^|[,.;:!?>→]|\b(?:a|an|one|new))\s*$/;
/** "For every new hubspot deal a notion page": the count first, then one thing of a tool, said without a verb. */
const EACH_THEN_ONE_BEFORE = /\b(?:for|on) (?:every|each|any)\s+(?:new\s+)?(?:[\w-]+\s+){1,3}(?:a|an|one)\s+(?:new\s+)?$/;
/** Guard: EACH_THEN_ONE_BEFORE says one of these. */
const EACH_WORDS = ['every', 'each', 'any'];
/** "I want a hubspot contact made", "and a jira ticket created": a thing of a tool and the word that it is made. */
const THING_MADE_AFTER = new RegExp(String.raw`^(?:\s+${THING})?\s+(?:made|created|added|opened|filed|logged|raised)\b`);

const STRONG_SOURCE_WORD = /\b(?:from|read(?:s|ing)?|watch(?:es|ing)?|monitor(?:s|ing)?|summari[sz]e|summari[sz]ing|summary of|digest of|check|scan|follow|go(?:es)? through)\b/;

/**
 * When nothing else says where output goes, the last channel after a bare "in" or "on" does ("the failed
 * payments at 9 in #billing"), unless someone posts there or it is summarised or sent on.
 */
function channelByElimination(norm: string, ctx: DestinationContext): Destination | null {
  let last: Destination | null = null;
  if (!norm.includes('#')) return null;
  eachMatch(CHANNEL, norm, (m) => {
    const start = m.index;
    const end = start + m[0].length;
    if (ctx.triggerSpan && overlaps(start, end, [ctx.triggerSpan])) return;
    if (!WEAK_CHANNEL_BEFORE.test(norm.slice(Math.max(0, start - 30), start)) || REMOVED_BEFORE.test(norm.slice(Math.max(0, start - 16), start))) return;
    if (SOURCE_AFTER.test(norm.slice(end, end + 30)) || SOMEONE_DOES.test(clauseBefore(norm, start))) return;
    if (SENT_ON_AFTER.test(norm.slice(end, end + 80)) || STRONG_SOURCE_WORD.test(clauseBefore(norm, start))) return;
    last = { kind: 'channel', integration: chatFor(start, ctx), target: m[0] };
  });
  return last;
}


const ON_CHAT = /\b(?:on|via|over|through|in)\s+(?:my\s+|the\s+)?(slack|teams|discord)\b(?!\s+(?:channel|#))/;

/** Ways of saying "to me", most telling first ("to my gmail" beats "slack dms" read as a source). */
const TO_ME: readonly RegExp[] = [
  new RegExp(String.raw`\bto my (?:own )?(?:dms?|direct messages?|inbox|e-?mail|mail|phone|gmail|outlook|slack|teams|discord)\b|${ARROW}\s*(?:to\s+)?(?:my|me)\b`),
  /\b(?:dm|dms|direct message|msg|ping|pings|page|notify|notifies|alert|alerts|tell|tells|remind|reminds|text|texts|sms|slack|e-?mail|e-?mails|mail|send|sends|drop|let|forward|give|hit|shoot|message|messages|cc|bcc|keep)\s+me\b/,
  /\b(?:to|for) me\b(?:\s+(?:privately|personally|directly|only))?(?!\s+to\b)/,
  /\bdm (?:on|via|in) (?:slack|teams|discord)\b/,
  /\b(?:my|a|as an?|via|by|in an?|over) (?:(?:slack|teams|discord)\s+)?(?:dms?|direct messages?|private messages?|texts?|sms)\b/,
  /\b(?:slack|teams|discord) (?:dms?|direct messages?)\b|(?:\bmy |(?:->|→|=>)\s*)(?:teams|slack|discord) chat\b/,
  /\bprivately\b|\bjust me\b/,
];
const DIRECT_MESSAGE = /^(?:dm|direct message) me$/;
const NOT_TO_ME = /\b(?:assigned|sent|addressed|created|mentioned|shared|given|written)\s+(?:to|for)\s+me\b/g;
const EMAILISH = /^\s*(?:e-?mails?|mail)\b|\b(?:inbox|gmail|outlook)\b|\bto my (?:e-?mail|mail)\b/;
const EMAIL_AFTER = /^\s*(?:(?:by|via|through|over|in an?|as an?)\s+)?(?:an? |one )?e-?mail\b/;
/** "Email it to me", "mail the summary to me": the verb before "to me" says it goes by mail. */
const EMAIL_BEFORE = /\b(?:e-?mail|mail)(?:\s+(?:it|this|that|them|these|those|(?:the|a|an) (?:\w+\s+){0,2}\w+))?\s+$/;
const TEXT_MESSAGE = /\btext(?:s)?\b|\bsms\b|\bphone\b/;

const JUST_BEFORE_TOOL = /^\s*(?:(?:my|own|the|on|in|via|a)\s+)*$/;
/** After "send me my gmail" more words say what is read ("… unread count"); these say it is a place to receive. */
const PLACE_AFTER_TOOL = /^\s*(?:$|[,.;!?]|(?:chat|inbox|dms?|direct messages?|account|app)\b)/;

/**
 * "→ my teams chat", "to my gmail", "dm me in my slack dms": the chat or mail tool named right after
 * "to me" is the one it goes through (not "send me my gmail unread count", where it is read).
 */
function toolNamedAfter(norm: string, phrase: string, end: number, ctx: DestinationContext): string | null {
  const next = ctx.mentions.find((m) => m.start >= end && m.start - end <= 8);
  if (!next || !(CHAT.has(next.id) || EMAIL.has(next.id)) || !JUST_BEFORE_TOOL.test(norm.slice(end, next.start))) return null;
  return /\bmy$/.test(phrase) || PLACE_AFTER_TOOL.test(norm.slice(next.end, next.end + 20)) ? next.id : null;
}

// An order to the agent inside a "when …" clause without a comma ("when a card is added tell me"), not someone's deed ("when a client texts me").
const ASKED_ME = /\b(?:dm|ping|notify|alert|tell|remind|text|message|msg|slack|email|e-mail|let) me\b/g;
const DOER_BEFORE = /\b(?:i|we|you|they|he|she|it|who|someone|somebody|anyone|anybody|people|customers|clients|users|members|nobody|everyone|everybody|boss|manager)\s+(?:\w+\s+)?$/;

/** "… it goes into asana and also pings me on slack": said of the agent ("it", or joined to what it does), the verb may take an "s". */
const AGENT_ASKED_ME = /\b(?:dms|pings|notifies|alerts|tells|reminds|texts|messages|slacks|e-?mails|lets) me\b/g;
const AGENT_BEFORE = /\b(?:it|and|also|then)\s+(?:(?:also|then|just)\s+)?$/;

function askedInEventClause(text: string, ctx: DestinationContext): RegExpExecArray | null {
  if (!ctx.triggerSpan) return null;
  const [start, end] = ctx.triggerSpan;
  ASKED_ME.lastIndex = start;
  for (let m = ASKED_ME.exec(text); m !== null && m.index < end; m = ASKED_ME.exec(text)) {
    if (!DOER_BEFORE.test(text.slice(Math.max(0, m.index - 30), m.index))) return m;
  }
  AGENT_ASKED_ME.lastIndex = start;
  for (let m = AGENT_ASKED_ME.exec(text); m !== null && m.index < end; m = AGENT_ASKED_ME.exec(text)) {
    if (AGENT_BEFORE.test(text.slice(Math.max(0, m.index - 20), m.index))) return m;
  }
  return null;
}

/** The person themselves ("text me", "dm me on Slack", "to my inbox"): the tool it goes through when one is said. */
const ME_AT_ADDRESS = /^\s*(?:at\s+|\(\s*|:\s*)[a-z0-9._%+-]+@/;

/** Where "me" is said as the place output goes, if it is. */
function mePhrase(norm: string, ctx: DestinationContext): RegExpExecArray | null {
  const unmasked = norm.replace(NOT_TO_ME, (m) => ' '.repeat(m.length));
  // "When someone emails me" is the event, not where the output goes.
  const text = ctx.triggerSpan ? mask(unmasked, [ctx.triggerSpan]) : unmasked;
  return TO_ME.map((re) => re.exec(text)).find((m) => m !== null) ?? askedInEventClause(unmasked, ctx);
}

function toMe(norm: string, ctx: DestinationContext): Destination | null {
  const me = mePhrase(norm, ctx);
  if (!me) return null;
  const phrase = me[0];
  const end = me.index + phrase.length;
  // "Email me at teacher@example.com": the address is the person, and is read as such.
  if (ME_AT_ADDRESS.test(norm.slice(end, end + 40))) return null;
  if (TEXT_MESSAGE.test(phrase)) return { kind: 'dm', integration: null, target: 'me' };
  const named = toolNamedAfter(norm, phrase, end, ctx);
  // "Send me my outlook inbox on teams": a mailbox after "me" is what is read when a chat tool is said as the way.
  const onChat = named && EMAIL.has(named) ? ON_CHAT.exec(norm.slice(end)) : null;
  if (onChat?.[1]) return { kind: 'dm', integration: onChat[1], target: 'me' };
  if (named) return { kind: 'dm', integration: named, target: 'me' };
  const emailedToMe = /^(?:to|for) me/.test(phrase) && EMAIL_BEFORE.test(norm.slice(Math.max(0, me.index - 40), me.index));
  if (EMAILISH.test(phrase) || emailedToMe || EMAIL_AFTER.test(norm.slice(end, end + 24))) {
    const tool = /\boutlook\b/.test(phrase) ? 'outlook' : /\bgmail\b/.test(phrase) ? 'gmail' : ctx.emailIntegration;
    return { kind: 'dm', integration: tool, target: 'me' };
  }
  const chatNamed = ctx.mentions.some((m) => CHAT.has(m.id));
  if (chatNamed) return { kind: 'dm', integration: chatFor(me.index, ctx), target: 'me' };
  // "And dm me too": a direct message goes through the chat tool already in use.
  return { kind: 'dm', integration: DIRECT_MESSAGE.test(phrase) ? ctx.defaultChat : null, target: 'me' };
}

function emails(norm: string, ctx: DestinationContext): Destination[] {
  const found: Destination[] = [];
  let last = -1;
  // An address needs '@'.
  if (!norm.includes('@')) return found;
  eachMatch(ADDRESS, norm, (m) => {
    const end = m.index + m[0].length;
    if (overlaps(m.index, end, ctx.filterSpans)) return;
    // "bob@acme.com, sorry i meant rob@acme.com": the address taken back is replaced.
    if (last >= 0 && TAKEN_BACK_AFTER.test(norm.slice(last, m.index))) found.pop();
    if (SENDER_BEFORE.test(norm.slice(Math.max(0, m.index - 10), m.index))) return;
    if (RECEIVED_BEFORE.test(norm.slice(Math.max(0, m.index - 24), m.index)) && ARROW_AHEAD.test(norm.slice(end))) return;
    if (MAIL_TO_BEFORE.test(norm.slice(Math.max(0, m.index - 40), m.index))) return;
    if (!found.some((d) => d.target === m[0])) found.push({ kind: 'email', integration: ctx.emailIntegration, target: m[0] });
    last = end;
  });
  return found;
}

function namedTarget(norm: string, raw: string, ctx: DestinationContext): string {
  let target = '';
  eachMatch(NAMED, norm, (m) => {
    for (let i = 1; i < m.length && target === ''; i++) {
      const at = m.indices?.[i];
      if (at && !overlaps(at[0], at[1], ctx.filterSpans)) target = raw.slice(at[0], at[1]);
    }
  });
  return target;
}

/** The choice taken back was itself a place sent to: "to notion... actually", "→ stripe? no,". */
const TAKEN_BACK_BEFORE_SENT = /(?:\b(?:to|into|onto)\s+|->\s*|→\s*|=>\s*)(?:(?:my|the|our|a|an|new)\s+)*[\w-]+(?:\s+[\w-]+)?\s*(?:\?|\.{2,}|…|,|;|—|–|-)[^→]*$/;
const ASKED_TO_DO = /\b(?:remind|ask|tell|nudge)\s+(?:me|us|them|him|her|everyone|people|the team|[#@][\w.-]+)\s+(?:(?:on|in|via)\s+[\w-]+\s+)?to\s+(?!(?:my|our|the|a|an|new)\b)[^,;]*$/;

/** Tools written to; `besides` when a channel, address or DM was found, which then needs a clearer cue. */
function integrations(norm: string, raw: string, ctx: DestinationContext, besides: boolean): Destination[] {
  const found: Destination[] = [];
  const first = ctx.mentions[0];
  for (const m of ctx.mentions) {
    if (found.some((d) => d.integration === m.id)) continue;
    if (CHAT.has(m.id) || EMAIL.has(m.id)) continue;
    if (ctx.triggerSpan && overlaps(m.start, m.end, [ctx.triggerSpan]) && (ctx.triggerIntegration ?? m.id) === m.id) continue;
    const before = norm.slice(Math.max(0, m.start - 60), m.start);
    const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf('.')) + 1);
    // "Hubspot deals to notion... actually make that airtable": the replacement takes the place the first choice had.
    const arrowed = ARROW_BEFORE.test(norm.slice(Math.max(0, m.start - 16), m.start)) ||
      (m !== first && REPLACEMENT_BEFORE.test(norm.slice(Math.max(0, m.start - 50), m.start)) && TAKEN_BACK_BEFORE_SENT.test(norm.slice(0, m.start)));
    const afterSource = ctx.mentions.some((other) => other.start < m.start && other.id !== m.id);
    // "&" and "+" stand between spaces, where "\b" finds no word edge.
    const after = norm.slice(m.end, m.end + 50);
    const saysThing = THING_ENDS.test(norm.slice(m.start, m.end)) || THING_AFTER.test(after);
    // "→ email hiring@acme.com + notion page": a thing of a tool joined to a place already said is one more.
    // A thing joined to a place already said comes after it: "my calendar + my asana tasks → my slack dms" joins two sources.
    const joined = (found.length > 0 || (besides && saysThing && m !== first && PLACE_SAID.test(norm.slice(0, m.start))) ||
      (m !== first && (besides || saysThing) && AFTER_ARROW.test(before))) && JOINED_BEFORE.test(before);
    const madeOne = saysThing && MAKE_ONE_BEFORE.test(clause);
    const made = MAKE_BEFORE.test(clause) && !(besides && (m === first || /\bpost|\bpublish|\btweet/.test(clause)));
    // "Remind me to log my hours in the timesheet": what the person is asked to do is no place the agent writes to.
    if (ASKED_TO_DO.test(clause)) continue;
    const intoBefore = INTO_BEFORE.test(clause);
    const into = (intoBefore || INTO_NAMED_BEFORE.test(clause)) && (OUTPUT_VERB.test(clause) || GO_IN_BEFORE.test(clause) || (afterSource && SENT_IN_CLAUSE.test(clause)) || STRONG_INTO_BEFORE.test(clause) || thingsSentTo(clause)) &&
      !(besides && m === first) && !readThenSent(norm, m);
    const wanted = intoBefore && WANT_IT_IN_BEFORE.test(clause) && !(besides && m === first);
    const thingIn = THING_IN_BEFORE.test(norm.slice(Math.max(0, m.start - 60), m.start)) && !(besides && m === first);
    const thingFor = saysThing && ((THING_FOR_AFTER.test(after) &&
      THING_FOR_BEFORE.test(norm.slice(Math.max(0, m.start - 12), m.start))) || (includesAny(clause, EACH_WORDS) && EACH_THEN_ONE_BEFORE.test(clause)) ||
      (THING_MADE_AFTER.test(after) && /\b(?:a|an|one)\s+(?:new\s+)?$/.test(before)));
    if (into || made || madeOne || thingIn || thingFor || wanted || (arrowed && m.start > 0) || joined) {
      found.push({ kind: 'integration', integration: m.id, target: found.length === 0 ? namedTarget(norm, raw, ctx) : '' });
    }
  }
  return found;
}

/**
 * Every place the output goes, when a concrete place is said: channels posted to (not those read
 * from), handles, addresses, the person themselves ("text me", "dm me on Slack", "to my inbox"), or
 * a tool written to ("add a row to my Google Sheet", target named or `''` for the tool's default
 * place). "Post it to Slack" alone gives none: it needs a channel.
 */
export function findDestinations(norm: string, raw: string, ctx: DestinationContext): Destination[] {
  const found = [...channels(norm, ctx), ...emails(norm, ctx)];
  const me = toMe(norm, ctx);
  if (me) found.push(me);
  found.push(...integrations(norm, raw, ctx, found.length > 0));
  const eliminated = found.length === 0 ? channelByElimination(norm, ctx) : null;
  if (eliminated) found.push(eliminated);
  return found;
}
