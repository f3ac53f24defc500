import type { Destination } from '../../conversation/requirements/requirements.js';
import type { IntegrationMention } from './integrations.js';
import { eachMatch, oneOf } from './text.js';

const LEADING_MARKER = new RegExp(
  String.raw`^(?:(?:hmm+|um+|oh|ok(?:ay)?|wait|sorry|oops)[,!.]?\s+)*` +
    String.raw`(?:no|nope|nah|actually|wait|sorry|oops|correction|rather|scratch that|on second thought|nvm|never ?mind|(?:i(?:'ve| have)? )?changed my mind)\b`,
);
const MARKER = new RegExp(
  [
    String.raw`\binstead\b|\bactually\b|\brather than\b|\bi meant?\b|\breplace\b|\bswap\b|\bno longer\b`,
    String.raw`\bmake (?:it|that|them) (?:at |run at |run |go to |go |post to |send to |be )?` +
      String.raw`(?:\d|noon|midnight|every|daily|weekly|hourly|monthly|on |weekdays|weekends|#|@)`,
    String.raw`\bchange (?:it|that|this|the \w+|my \w+)\b|\bswitch (?:it |that |over )?(?:to|from)\b`,
    String.raw`\b(?:move|set|push) (?:it|that|the \w+) (?:to|back)\b`,
    String.raw`\bupdate the (?:time|schedule|channel|destination|filters?|trigger|name)\b`,
    String.raw`\bnot [\w#@.-]+(?: [\w#@.-]+)?,? but\b`,
  ].join('|'),
);
/** Words after which the next integration named is the one being dropped. */
const REMOVAL_CUE = new RegExp(
  String.raw`\b${oneOf([
    'instead of', 'rather than', 'replace', 'replacing', 'switch(?:ing)? (?:over )?from', 'mov(?:e|ing) (?:away )?from',
    'chang(?:e|ing) from', 'migrat(?:e|ing) from', 'swap(?:ping)?(?: out)?', 'not', 'no longer(?: use| using)?',
    "(?:don'?t|dont|do not|stop|stopped|quit|never) (?:use|using|post(?:ing)? (?:to|in)|send(?:ing)? (?:to|in))", 'remove', 'drop',
    'mov(?:e|ed|ing) off(?: of)?', 'forget(?: about)?', '(?:we are |we\'re )?getting rid of', 'got rid of', 'no(?: more)?', 'ditch(?:ed)?',
    'dropped', 'left', 'leaving', 'quit(?:ting)?', 'abandon(?:ed)?', 'skip',
    'without', 'get rid of', 'no more', '(?:is )?better than', 'anything but', 'but not',
  ])}\s+`,
  'g',
);
const ENDS_HERE = /^\s*(?:(?:pls|please|too|then|part|bit|one|for now|altogether|entirely|thanks|thx)\s*)*[.!]*$/;
const CUE_FILLER = /^(?:(?:using|use|the|my|our|a|an|on|in|to|into|via|posting to|sending to)\s+)*/;
const IMPLIED =
  /\binstead\b|\bswitch(?:ing)? (?:it |that |over )?to\b|\bchange (?:it |that )?to\b|\bmove (?:it |that )?(?:over )?to\b|\brather\b|\bonly use\b/;
/** "Use discord", "let's go with asana then": a tool alone said to be used, in a follow-up, takes its kind's place. */
const USE_ALONE =
  /^(?:(?:ok(?:ay)?|so|hmm+|and|then|let'?s|can we|could we|pls|please|just|maybe|we should)[,\s]+)*(?:use|go with|try)\s+(?:the\s+|my\s+|our\s+)?[a-z]+(?:\s+[a-z]+)?(?:\s+(?:instead|then|pls|please))?[.!?]*$/;

/** "Actually google drive", "no, outlook", "sorry i meant teams": a tool said as the correction itself replaces its kind. */
const LEADING_TAKEBACK =
  /^(?:(?:hmm+|oh|ok(?:ay)?|wait|oops)[,.!]*\s+)*(?:actually|actualy|no|nope|nah|sorry(?:,?\s+i\s+meant?)?|i\s+meant?|wait,?\s+no|make (?:it|that))\b/;
/** Said with more ("actually also google drive", "no, teams too") a tool is added, not swapped. */
const ADDING = /\b(?:also|too|as well|plus|add|and|both|another)\b/;

/** Integrations that do the same job: saying one "instead" replaces the other. */
const KIND: Readonly<Record<string, string>> = {
  slack: 'chat', teams: 'chat', discord: 'chat',
  gmail: 'email', outlook: 'email',
  google_drive: 'files', dropbox: 'files',
  google_sheets: 'table', airtable: 'table',
  notion: 'docs', confluence: 'docs',
  github: 'tracker', jira: 'tracker', linear: 'tracker', asana: 'tracker', trello: 'tracker',
  hubspot: 'crm', salesforce: 'crm',
};

/** Whether `norm` reads as correcting something already said ("actually…", "instead…", "no, …"). */
export function hasCorrectionMarker(norm: string): boolean {
  return LEADING_MARKER.test(norm) || MARKER.test(norm);
}

/** "Leave Slack out (of it)": the tool between is dropped. */
const LEAVE_BEFORE = /\b(?:leave|leaving|keep|keeping)\s+(?:the\s+|my\s+|our\s+)?$/;
const OUT_AFTER = /^\s+out\b/;
/** "Switch slack to teams", "change gmail to outlook", "trade trello for asana": the tool between goes, for the one right after. */
const SWITCH_BEFORE = /\b(?:switch|change|trade|swap)\s+(?:out\s+|over\s+)?(?:the\s+|my\s+|our\s+)?$/;
const SWITCH_AFTER = /^\s+(?:(?:over\s+)?to|for|with|->|→)\s+(?:(?:the|my|our|a|an)\s+)?/;
/** "No need for slack", "we dont need the sheet (anymore)": a tool not needed is dropped (the article may be its name: "the sheet"). */
const NOT_NEEDED_BEFORE = /\b(?:no need for|(?:don'?t|do not|no longer) need)\s+(?:(?:the|my|our|a|an)\s+)?$/;

/** "The slack part should be teams", "outlook needs to be gmail": the tool before goes, for the one right after. */
const SHOULD_BE_AFTER = /^\s+(?:(?:part|bit|side|one)\s+)?(?:should (?:be|go (?:to|on))|needs to be|has to be|must be)\s+(?:(?:the|my|our|a|an|on|in)\s+)?/;

/** Whether `mention` is followed by `joint` ("to", "for", "should be") and another tool right after ("slack to teams"). */
function switchedFor(
  text: string,
  mention: IntegrationMention,
  byStart: ReadonlyMap<number, IntegrationMention>,
  after = SWITCH_AFTER,
  kind?: string,
): boolean {
  const joint = after.exec(text.slice(mention.end, mention.end + 30));
  const next = joint ? byStart.get(mention.end + joint[0].length) : undefined;
  return next !== undefined && next.id !== mention.id && (kind === undefined || KIND[next.id] === kind);
}
/** "Teams -> slack", "gmail to outlook" in a follow-up: a tool pointed at another of its kind is swapped for it. */
const ARROW_AFTER = /^\s*(?:->|→|=>|>|to)\s*(?:(?:the|my|our)\s+)?/;
/** "Salesforce is gone", "trello is history": said of a tool, it is no longer used. */
const GONE_AFTER = /^\s+(?:is|are|'s)\s+(?:(?:now|totally|completely|long)\s+)?(?:gone|history|dead to us)\b/;
/**
 * Taken back in the same breath: "→ stripe? no, to a google sheet", "to discord — actually teams", "#a, sorry i
 * mean #b". What follows such a cue replaces what came just before it.
 */
export const TAKEN_BACK_AFTER =
  /^\s*\?*\s*(?:[,;:—–-]+\s*|\.{2,}\s*)?(?:(?:no|nope|nah)\b(?!\s+(?:idea|clue|worries|problem|need|filter|more|longer|matter))|actually\b|sorry,?\s+(?:i\s+)?meant?\b|sorry,\s|i\s+meant?\b|(?:or\s+)?rather\b(?!\s+than)|scratch that\b|wait,?\s+no\b)/;

/** After a cue that takes the last choice back ("… notion... actually make that airtable"): what comes next replaces it. */
export const REPLACEMENT_BEFORE =
  /(?:\?|\.{2,}|…|,|;|—|–|-)\s*(?:(?:no|nope|nah|actually|wait|sorry|or rather|rather|i\s+meant?|sorry,?\s+i\s+meant?)\b[,.!]?\s*)+(?:(?:make|change) (?:it|that) (?:to\s+)?|use\s+|just\s+)?(?:(?:to|into|in|on|a|an|the|my|our)\s+)*$/;

function retracted(text: string, mention: IntegrationMention, mentions: readonly IntegrationMention[]): boolean {
  if (!TAKEN_BACK_AFTER.test(text.slice(mention.end, mention.end + 40))) return false;
  // Only when something else is named after it to take its place.
  return mentions.some((other) => other.start > mention.end && other.id !== mention.id);
}

/**
 * The mentions being dropped: the integration right after "instead of", "replace", "switch from",
 * "not", "stop using", … (only filler words between). "Not now" or "I do not want emails from
 * my boss" drop nothing: the integration has to follow the cue directly.
 */
export function findRemovedMentions(text: string, mentions: readonly IntegrationMention[], correcting = false): Set<IntegrationMention> {
  const removed = new Set<IntegrationMention>();
  if (mentions.length === 0) return removed;
  const byStart = new Map(mentions.map((m) => [m.start, m]));
  eachMatch(REMOVAL_CUE, text, (cue) => {
    const after = cue.index + cue[0].length;
    const filler = CUE_FILLER.exec(text.slice(after, after + 40));
    // "Skip the sheet": an article may be the start of a tool's name, so the mention may start before the filler's end;
    // taken so only when the tool ends the message ("drop my calendar in #team" puts it somewhere).
    const fromArticle = byStart.get(after);
    const mention = byStart.get(after + (filler?.[0].length ?? 0)) ?? (fromArticle && ENDS_HERE.test(text.slice(fromArticle.end)) ? fromArticle : undefined);
    if (mention) removed.add(mention);
  });
  for (const mention of mentions) {
    const before = text.slice(Math.max(0, mention.start - 24), mention.start);
    const after = text.slice(mention.end, mention.end + 40);
    const switched =
      (SWITCH_BEFORE.test(before) && switchedFor(text, mention, byStart)) ||
      switchedFor(text, mention, byStart, SHOULD_BE_AFTER) ||
      (correcting && KIND[mention.id] !== undefined && switchedFor(text, mention, byStart, ARROW_AFTER, KIND[mention.id]));
    const gone = (LEAVE_BEFORE.test(before) && OUT_AFTER.test(after)) || GONE_AFTER.test(after) || NOT_NEEDED_BEFORE.test(before);
    if (gone || switched || retracted(text, mention, mentions)) {
      removed.add(mention);
    }
  }
  return removed;
}

/**
 * Integrations dropped without being named: "use Teams instead" replaces whichever known integration does the same
 * job as Teams (Slack, Discord) and is not named in this message; "actually Teams" the one such integration, if one.
 */
export function impliedRemovals(norm: string, named: readonly string[], known: readonly string[], dropped: readonly string[] = []): string[] {
  const kinds = new Set(named.map((id) => KIND[id]).filter((k) => k !== undefined));
  const sameJob = known.filter((id) => !named.includes(id) && kinds.has(KIND[id] ?? ''));
  // "A google sheet instead of slack": what is dropped is named, nothing else of the kind goes.
  if (sameJob.length === 0 || dropped.length > 0) return [];
  if (IMPLIED.test(norm) || (norm.length < 40 && USE_ALONE.test(norm))) return sameJob;
  // Only a tool said alone as the correction, with one it can stand for and none dropped by name ("actually linear, not asana").
  return LEADING_TAKEBACK.test(norm) && !ADDING.test(norm) && sameJob.length === 1 && dropped.length === 0 ? sameJob : [];
}

/**
 * The destination after swapping its integration for one of the same kind ("instead of Slack
 * use Teams" keeps the channel), or null when the swap does not touch it.
 */
export function carryDestination(existing: Destination | null, removed: readonly string[], added: readonly string[]): Destination | null {
  if (!existing?.integration || !removed.includes(existing.integration)) return null;
  const kind = KIND[existing.integration];
  const replacement = added.find((id) => KIND[id] === kind);
  if (!replacement) return null;
  return { ...existing, integration: replacement, target: existing.kind === 'integration' ? '' : existing.target };
}
