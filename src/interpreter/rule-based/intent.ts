import { ConversationPhase } from '../../conversation/state.js';
import type { Intent } from '../interpreter.js';
import { oneOf } from './text.js';

/** What one clause of a message is, when it is a whole control phrase. */
export type ClauseKind =
  | 'cancel'
  | 'restart'
  | 'undo'
  | 'dismiss'
  | 'review_changes'
  | 'go_back'
  | 'regenerate'
  | 'skip'
  | 'confirm'
  | 'negation'
  | 'filler';

/** The control reading of a message. */
export interface ControlReading {
  /** Set when the whole message is control phrases ("looks good, turn it on"). */
  intent: Intent | null;
  /** The kind of the first clause when it is a control phrase and the rest is not ("yes, and also …"). */
  lead: ClauseKind | null;
}

const PREFIX = String.raw`(?:${oneOf([
  'please', 'yes', 'yeah', 'yep', 'sure', 'no', 'nope', 'nah', 'ok(?:ay)?', 'just', 'so', 'well', 'oh', 'ah', 'hey', 'um+', 'hmm+',
  'actually', 'wait',
  "let'?s", 'lets', 'can we', 'could we', 'can you', 'could you', 'i want to', "i'd like to", 'i would like to',
  'i wanna', 'we can', 'you can', 'go ahead and',
])}\s+)*`;
const SUFFIX = String.raw`(?:\s+(?:please|pls|now|then|thanks|thank you|thx|ty|already|right now|for me))*`;
const phrase = (bodies: readonly string[]): RegExp => new RegExp(`^${PREFIX}${oneOf(bodies)}${SUFFIX}$`);

/** Replies that say nothing needs changing; after a "no" they still agree ("no, that's fine": no changes). */
const SETTLED_BODIES = [
  String.raw`(?:that(?:'?s| is)|it(?:'?s| is)|this is|all|everything(?:'?s| is)) (?:fine|good|ok(?:ay)?|great|perfect|right|correct|alright|set)(?: as is| like that| as it is| now)?`,
  String.raw`(?:fine|good|ok(?:ay)?) as (?:it )?is`, "that(?:'?s| is) (?:all|everything|it)", 'all set', "(?:we|i)(?:'?re|'?m| am| are) (?:good|set|fine)",
  'no(?: more)? changes?(?: needed| required| necessary)?', 'nothing(?: else| more)?(?: to (?:change|add|fix))?',
  '(?:leave|keep) it(?: (?:as is|as it is|like that|like this|that way|the way it is|be))?', 'seems (?:fine|good|right)',
];
const SETTLED = phrase(SETTLED_BODIES);

// Checked in this order, which is also the precedence when a message mixes them ("yes, cancel").
const CLAUSE_BODIES: readonly (readonly [ClauseKind, readonly string[]])[] = [
  ['cancel', [
    'cancel(?: (?:it|this|that|everything|all|it all))?',
    'cancel (?:the (?:whole )?(?:thing|session|conversation|chat|agent|build|setup)|this (?:agent|session|conversation|chat))',
    'stop(?: (?:it|this|that|everything|all))?', 'abort(?: it| this)?', 'quit', 'exit',
    'forget (?:this|everything)', 'i give up', 'end (?:the |this )?(?:session|conversation|chat)',
    'bye', 'goodbye', "i don't want (?:it|this|an agent) anymore", "i'm done", "we're done",
    'i am done',
  ]],
  ['restart', [
    'start (?:over|again|afresh|fresh|from scratch|from the (?:top|beginning))', 'from scratch', 'from the (?:top|beginning)',
    'restart(?: (?:it|this|everything|the (?:conversation|session|chat|whole thing)))?', 'reset(?: (?:it|this|everything))?',
    'begin (?:again|anew)', '(?:build|make|create) (?:another|a new)(?: one| agent)?', '(?:a )?new agent',
    'another (?:one|agent)', 'clear everything', 'wipe (?:it|everything)', 'scrap (?:it|this|that|everything)', 'do over',
    'start a new (?:one|agent|conversation)',
  ]],
  // "Undo that" reverts the last turn's edits (it used to mean "go back").
  ['undo', [
    'undo(?: (?:that|it|this|the last (?:change|edit|one)|my last (?:change|edit)|what i (?:just )?(?:said|changed|did)))?',
    'put (?:it|that|them) back(?: (?:how|the way) it was)?', 'change (?:it|that) back', 'revert(?: (?:it|that|this|the last change))?',
    'take (?:that|it) back', 'roll (?:it|that) back', 'go back to (?:how|what) it was(?: before)?', 'scratch that',
    "(?:no,? )?(?:i )?(?:didn'?t|did not) mean (?:that|it)",
    // Naming the change: "never mind that last change", "forget my last edit", "cancel the last change".
    '(?:never ?mind|nvm|forget|ignore|disregard|drop|cancel|scrap|scratch) (?:about )?(?:that|the|my) (?:last|latest|previous) (?:change|edit)s?',
  ]],
  // "Never mind", "nvm", "forget that": what was just said is taken back (the turn before's edits, if any), the
  // session kept. It used to cancel the session: people say it of their last message, not of the whole agent.
  // "I changed my mind" and "forget it" too: a correction usually follows ("i changed my mind, slack instead").
  ['dismiss', [
    'never ?mind(?: (?:that|then|me|lol|sorry|about (?:that|it)))?', 'nvm(?: (?:that|then|lol|sorry))?', 'nm',
    'forget (?:that|it|about it|what i (?:just )?(?:said|asked|wrote|typed))', '(?:ignore|disregard) (?:that|me|what i (?:just )?(?:said|asked|wrote|typed))',
    "(?:i(?:'ve| have)? )?changed my mind(?: lol)?",
  ]],
  ['review_changes', [
    'what (?:did|have) (?:i|we) (?:just )?change(?:d)?(?: so far)?', 'what changed', 'what (?:has|was) changed',
    "what(?:'s| is| have) been changed", 'what (?:did|have) you change(?:d)?', 'show (?:me )?(?:my |the )?(?:changes|edits)',
    '(?:list|review) (?:my |the )?(?:changes|edits)', 'my changes',
  ]],
  ['go_back', [
    'back', 'go back(?: (?:a|one) step| to (?:the )?(?:previous|last) (?:step|question|phase))?',
    '(?:the )?previous(?: step| question| phase)?', '(?:one )?step back', 'back one step',
    'take me back', 'return to (?:the )?(?:previous|last) step',
  ]],
  ['regenerate', [
    'regenerate(?: (?:it|this|the (?:agent|draft|bot)))?', 'regen', 'try again', 'try (?:it|that) again', 'retry',
    'rebuild(?: it)?', 'build (?:it|this) again', 'generate (?:it |this )?again', 'redo(?: it| this)?', 'do it again',
    'give me another (?:draft|version|one|try)', 'another (?:draft|version|try|attempt)', 'one more (?:time|try)',
    '(?:re-?run|redo|repeat) (?:the |that |this )?test(?: run)?(?: again)?', '(?:run|do) (?:the |that |this |a )?test(?: run)? again',
    'test (?:it|this|that) again', 're-?test(?: (?:it|this|that))?',
  ]],
  ['skip', [
    'skip(?: (?:it|this|that|this step|that step|this one|for now|it for now|this for now|connecting|the connection))?',
    'not now', 'not yet', 'later', 'maybe later', 'do it later', "(?:i'll |i will )?(?:do|connect|set up) (?:it|that|this) later",
    'no thanks', 'no thank you', 'pass', "i'll pass", 'next', 'move on',
  ]],
  ['confirm', [
    'yes', 'yeah', 'yea', 'yep', 'yup', 'ya', 'yes please', 'sure', 'sure thing', 'ok(?:ay)?', 'k', 'kk', 'alright',
    'all right', 'fine', 'good', 'cool', 'nice', 'awesome', 'great', 'perfect', 'correct', "that(?:'s| is) (?:correct|right)",
    'exactly', 'right', 'absolutely', 'definitely', 'of course', 'confirm(?:ed)?', 'i confirm', 'approved?', 'i approve',
    'accept(?:ed)?', 'sounds (?:good|great|perfect|right|fine)(?: to me)?', 'looks (?:good|great|perfect|right|fine|correct)(?: to me)?',
    'lgtm', 'that works', 'works for me', 'all good', 'good to go', 'go ahead', 'go for it', 'proceed', "let'?s go",
    'do it', "let'?s do it", 'ship it', 'build it', 'create it', 'make it', 'generate it',
    'activate(?: it| the agent| my agent)?', 'turn it on', 'switch it on', 'enable it', 'deploy it', 'launch it', 'run it',
    "that's it", "that's all", "i'm happy(?: with (?:it|that|this))?", 'happy with (?:it|that|this)', 'done', 'connected',
    "i(?:'ve| have)? connected (?:it|my account)", 'authori[sz]ed',
    // Nothing to change ("no that's fine", "leave it as is"): the draft as it stands is agreed to.
    ...SETTLED_BODIES,
  ]],
  ['negation', [
    'no', 'nope', 'nah', 'not quite', 'not really', 'not exactly', 'wrong', "that's wrong", "that(?:'s not| isn't) right",
    'incorrect', 'not like that',
    // "I want to change something": a change whose details come next.
    'change (?:something|some things|a few things|it|that|this|the agent)', '(?:edit|modify|adjust|tweak) (?:it|this|that|something)',
    'make (?:a |some )?changes?',
  ]],
  ['filler', [
    'thanks', 'thank you', 'thx', 'hmm+', 'um+', 'uh+', 'well', 'oh', 'so', 'hey', 'hi', 'hello', 'and', 'also', 'and also',
    'wait',
  ]],
];
const CLAUSES: readonly (readonly [ClauseKind, RegExp])[] = CLAUSE_BODIES.map(([kind, bodies]) => [kind, phrase(bodies)]);
/**
 * Guard: every kind's phrase in one pattern. Anchored at both ends, it matches exactly the clauses some
 * kind matches, so a clause it rejects (most of them) is not tried against each kind in turn.
 */
const ANY_CLAUSE = phrase(CLAUSE_BODIES.flatMap(([, bodies]) => bodies));
const PRECEDENCE: readonly Exclude<ClauseKind, 'filler'>[] = [
  'cancel', 'restart', 'undo', 'dismiss', 'review_changes', 'go_back', 'regenerate', 'skip', 'confirm', 'negation',
];
const LEAD_CONFIRM = /^(?:yes|yeah|yep|yup|sure|ok(?:ay)?|correct|perfect|great)\b/;
const LEAD_NEGATION = /^(?:no|nope|nah)\b/;
// No `\s*` around it (clauses are trimmed instead): tried at every space of a long run of spaces, a
// leading `\s*` made splitting O(n²) (4 000 characters: 20 ms).
const CLAUSE_SPLIT = /[,.!;:?]+|\s-\s|\band\b|\bthen\b|\bbut\b/;
const OPENER = String.raw`^(?:(?:hi|hey|ok|so|and|but|also|um|hmm)[,\s]+)*`;
const QUESTION_FORM = new RegExp(
  String.raw`\?\s*$|${OPENER}(?:what|which|how|why|who|where|is|are|does|do|can|could|will|would|should|may)\b`,
);
const ABOUT_THE_SERVICE = new RegExp(
  OPENER +
    oneOf([
      String.raw`help\b(?!\s*(?:scout|desk)\b)`, String.raw`how(?! about)\b`, String.raw`why\b`, String.raw`which\b`,
      String.raw`what(?! about)(?:'s| is| are| can| do| does| happens| now| next| else| integrations| apps| services| tools)\b`,
      String.raw`(?:can|could|do|will) you (?:connect|integrate|support|work|access|handle|talk|read|see)\b`,
      String.raw`(?:does|will|can) (?:it|this|that) (?:work|support|connect|handle|cost)\b`,
      String.raw`is (?:\w+ )?(?:supported|possible|available|safe|secure)\b`,
    ]),
);

function kindOf(clause: string): ClauseKind | null {
  if (!ANY_CLAUSE.test(clause)) return null;
  for (const [kind, re] of CLAUSES) if (re.test(clause)) return kind;
  return null;
}

/** The reading of a message that is not all control phrases: the first clause's kind leads, if it has one. */
function leadOf(first: ClauseKind | null, norm: string): ControlReading {
  if (first !== null) return { intent: null, lead: first === 'filler' ? null : first };
  return { intent: null, lead: LEAD_CONFIRM.test(norm) ? 'confirm' : LEAD_NEGATION.test(norm) ? 'negation' : null };
}

/** Reads a message (normalised) as control phrases. A bare "no" is a change, or a skip while connecting. */
export function readControl(norm: string, phase: ConversationPhase): ControlReading {
  const clauses = norm.split(CLAUSE_SPLIT).map((c) => c.trim()).filter((c) => c !== '');
  const kinds: ClauseKind[] = [];
  for (const clause of clauses) {
    const kind = kindOf(clause);
    // Once a clause is no control phrase only the first clause's kind is read: the rest are not tried.
    if (kind === null) return leadOf(kinds[0] ?? null, norm);
    kinds.push(kind);
  }
  if (kinds.length === 0) return leadOf(null, norm);
  const present = new Set(kinds);
  // "Nvm, looks good": what was about to be said is dropped, then the draft agreed to.
  if (kinds[0] === 'dismiss' && present.has('confirm') && kinds.every((kind, i) => i === 0 || kind === 'confirm' || kind === 'filler')) {
    return { intent: intentOf('confirm', phase), lead: null };
  }
  const top = PRECEDENCE.find((k) => present.has(k));
  if (top === 'confirm' && present.has('negation') && settledAfterNo(clauses, kinds)) return { intent: intentOf(top, phase), lead: null };
  if (top === undefined || (top === 'confirm' && present.has('negation'))) return { intent: 'unclear', lead: null };
  return { intent: intentOf(top, phase), lead: null };
}

/** "No, that's fine", "nope, all good thanks": every "no" first, then only ways of saying nothing needs changing. */
function settledAfterNo(clauses: readonly string[], kinds: readonly ClauseKind[]): boolean {
  const firstConfirm = kinds.indexOf('confirm');
  return kinds.slice(firstConfirm).every((kind, i) => kind === 'filler' || (kind === 'confirm' && SETTLED.test(clauses[firstConfirm + i] ?? '')));
}

/** The intent a control phrase stands for on its own. */
export function intentOf(kind: Exclude<ClauseKind, 'filler'>, phase: ConversationPhase): Intent {
  if (kind !== 'negation') return kind;
  return phase === ConversationPhase.OAUTH_FLOW ? 'skip' : 'change';
}

/** Whether the message is phrased as a question. */
export function isQuestionForm(norm: string): boolean {
  return QUESTION_FORM.test(norm);
}

/** Whether it asks about the service itself ("what can you connect to?"), whatever else it names. */
export function asksAboutService(norm: string): boolean {
  return ABOUT_THE_SERVICE.test(norm) && (isQuestionForm(norm) || /^help\b/.test(norm));
}
