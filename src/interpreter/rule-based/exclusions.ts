import { findMentions } from './integrations.js';
import { eachMatch, oneOf } from './text.js';
import { invertComparison, readAmount } from './typed-filters.js';
import type { FoundFilter } from './typed-filters.js';

/**
 * Exclusions: "except newsletters", "skip anything from noreply", "but not the spam ones",
 * "ignore the automated ones from jira", ", no retweets,", "anyone but my own team". They are read
 * before every other filter so that what is excluded ("except the ones labelled wontfix") is not
 * read as a wanted label, status or sender too.
 */

/** Words that open an exclusion wherever they stand. */
const MARKER = oneOf([
  'except(?: for)?', 'excluding', 'exclude', 'but not', 'apart from', 'other than', 'skip(?:ping)?', 'ignore', 'ignoring',
  'leave out', 'leaving out', 'filter out', 'minus',
  // "dont include newsletters", "i don't want the promo ones": what is not wanted is left out.
  "(?:don'?t|do not|never) (?:include|want)", 'nothing(?=\\s+from\\b)', 'none(?=\\s+from\\b)', '(?:any|every)(?:one|body|thing) but',
  // "not" alone only names what is left out ("not in done", "not from hr").
  String.raw`not(?=\s+(?:in|from|labell?ed|tagged|marked)\b)`,
]);
// "not" and "no" start an exclusion as a list item (", not newsletters,", "no retweets") or after "but"/"and".
const LIST_ITEM = String.raw`(?:^|[,;(:]|\bbut|\band)\s*(?:not|no)\b`;
const EXCLUSION = new RegExp(String.raw`(?:\b${MARKER}|${LIST_ITEM})\s+([^,.;!?()→]+)`, 'g');
/** Where the excluded thing ends: a word that starts the next part of the request. */
const TAIL_END = new RegExp(
  String.raw`\s+(?:-|->|=>|${oneOf([
    'then', 'to', 'into', 'onto', 'every', 'each', 'daily', 'weekly', 'at', 'on', 'via', 'please', 'pls', 'when', 'whenever',
    'if', 'in (?:my|our|the) (?:inbox|gmail|outlook)', 'send', 'post', 'forward', 'save', 'dm', 'text', 'email', 'ping',
    'notify', 'put', 'add', 'create', 'make', 'summari[sz]e', 'copy', 'move', 'so', 'because', 'since', 'but', 'i', 'we',
    'just', 'actually', 'instead', 'only', 'also', 'change', 'use', 'do', "don'?t", 'let', 'wait', 'go', 'goes',
  ])})\b.*$`,
);
const DANGLING_JOIN = /\s+(?:and|or|nor|plus|&|\+)$/;
const LEADING = /^(?:(?:the|any|all|anything|everything|stuff|those|these|ones|things|emails?|mails?|messages?)\s+)+/;
/** "the automated ones from jira": the sender is what is left out. */
const FROM_PART = /(?:^|\s)(?:from|by|sent by)\s+(.+)$/;
/** "the ones labelled wontfix", "ones in done": the label or state is what is left out. */
const WHERE_PART = /^(?:(?:the\s+)?(?:ones|those|emails?|mails?|messages?|tickets?|issues?|cards?|tasks?)\s+)?(?:that are\s+|which are\s+)?(?:labell?ed|tagged|marked(?: as)?|in(?: the)?|with(?: the)?(?: label)?)\s+(.+)$/;
const GENERIC_TAIL = /(?:\s+(?:ones|emails?|mails?|stuff|things|tabs?|folder|label|too|either|as well|also))+$/;
const WORD_LIMIT = 4;
/** Not something left out: pronouns, time words, "no need", "no worries", a reply ("no that's fine", "no changes", "no no"). */
const NOT_EXCLUDED = new Set([
  'this', 'that', 'it', 'for', 'now', 'today', 'tomorrow', 'step', 'the', 'one', 'ones', 'longer', 'more', 'need', 'idea',
  'problem', 'way', 'thanks', 'matter', 'rush', 'worries', 'filter', 'filters', 'me', 'us', 'them', 'you', 'him', 'her',
  'one else', 'doubt', 'wait', 'sorry', 'clue', 'luck', 'pressure', 'hurry', 'big deal', 'biggie', 'offense', 'joke',
]);
const NOT_EXCLUDED_FIRST = /^(?:need|more|longer|other|one|worries|rush|way|problem|idea|thanks|sure|clue|big|thank|matter|hurry|pressure|i|it|a|an|me|us|you|him|her|them|this|that|lol|haha\w*|what|how|why|reason|rest|time|sooner|later|sure|no|nope|changes?|edits?|(?:that|it)'?s|all good|looks|sounds|fine|good)\b/;
/** Sayings that stress the order, not things left out: "no exceptions", "no excuses", "no days off", "no ifs, no buts". */
const SAYING = /^(?:exceptions?|excuses?|ifs|buts|days? off|skipping|fail|questions asked|strings attached|fuss|drama|stress|sweat|kidding|cap)\b/;
const NEEDLESS = /\b(?:needed|required|necessary)\b/;
/** A place or time is a correction ("not #general", "no slack, teams"), never an exclusion. */
const NOT_A_THING = /^[#@]|\b(?:channel|dm|dms|chat|page|sheet|doc|document|board|am|pm)$/;
const DAY_WORD = /^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*$|^(?:weekends?|weekdays?|mornings?|evenings?|nights?|holidays?|lunch)$/;

/** A tool named alone ("no slack", "anything but teams") is a choice of tool, not a filter. */
function namesTool(value: string): boolean {
  const first = findMentions(value)[0];
  return first !== undefined && !first.keyword && first.start === 0 && first.end >= value.replace(/\s+(?:app|account|inbox|workspace)$/, '').length;
}

function isExcludable(value: string): boolean {
  if (value.split(/\s+/).length > WORD_LIMIT || NOT_A_THING.test(value)) return false;
  return !NOT_EXCLUDED.has(value) && !DAY_WORD.test(value) && !NOT_EXCLUDED_FIRST.test(value) && !SAYING.test(value) && !/^\d/.test(value);
}

/** The things a tail leaves out ("promotions and social tabs" is two). */
function excludedValues(lead: string): string[] {
  const from = FROM_PART.exec(lead);
  const where = WHERE_PART.exec(lead);
  const body = from?.[1] ?? where?.[1] ?? lead;
  return body
    .split(/\s+(?:and|or|nor)\s+|\s*\/\s*/)
    // A sender keeps its article, as senders do ("ignore the ones from the marketing team").
    .map((part) => (from ? part : part.replace(LEADING, '')).replace(GENERIC_TAIL, '').trim())
    // A sender may be a tool ("the automated ones from jira"); a thing left out may not.
    .filter((part) => part !== '' && isExcludable(part) && (from !== null || !namesTool(part)));
}

/** Exclusions in `norm`, as `not X` (or the opposite amount: "apart from the ones under 1 dollar" is `amount >= 1`). */
export function findExclusions(norm: string): FoundFilter[] {
  const found: FoundFilter[] = [];
  eachMatch(EXCLUSION, norm, (m) => {
    const tail = m[1] ?? '';
    const tailAt = m.index + m[0].length - tail.length;
    // A leading space lets a tail that starts with the next part ("no, make it 9") end at once.
    // A joining word left where the next part was cut off ("except weekends and post …") joins nothing.
    const cut = ` ${tail}`.replace(TAIL_END, '').replace(DANGLING_JOIN, '').trim();
    if (NEEDLESS.test(cut)) return;
    const lead = cut.replace(LEADING, '');
    const leadAt = tailAt + tail.indexOf(lead);
    const amount = readAmount(lead);
    if (amount && amount.start === 0) {
      found.push({ at: m.index, text: `amount ${invertComparison(amount.op)} ${amount.value}`, span: [m.index, leadAt + amount.end] });
      return;
    }
    const values = excludedValues(lead);
    // The first spans the marker too; each next one only itself, so that none hides another.
    let from = m.index;
    let searchAt = 0;
    for (const value of values) {
      const at = lead.indexOf(value, searchAt);
      searchAt = at + value.length;
      found.push({ at: m.index, text: `not ${value}`, span: [from, leadAt + searchAt] });
      from = leadAt + searchAt;
    }
  });
  return found;
}
