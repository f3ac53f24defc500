import type { Destination } from '../../conversation/requirements/requirements.js';
import type { IntegrationMention } from './integrations.js';
import { eachMatch, oneOf, overlaps, type Span } from './text.js';

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
}

const CHAT = new Set(['slack', 'teams', 'discord']);
const EMAIL = new Set(['gmail', 'outlook']);
const CHANNEL = /(?<![\w#&/])#([a-z][a-z0-9._-]*[a-z0-9]|[a-z])/g;
const NAMED_CHANNEL = /\bthe ([a-z0-9][\w-]*) (?:(?:slack|teams|discord) )?channel\b/g;
const NOT_A_CHANNEL = new Set([
  'slack', 'teams', 'discord', 'same', 'right', 'correct', 'other', 'new', 'whole', 'team', 'private', 'public',
]);
const REMOVED_BEFORE = /\b(?:instead of|not|rather than|from|replace|than)\s+(?:the\s+)?$/;
const HANDLE = /(?<![\w.@])@([a-z0-9][\w.-]*[a-z0-9]|[a-z0-9])(?![\w@])/g;
const DM_ME = new RegExp(
  [
    String.raw`\b(?:dm|direct message|slack|message|ping|notify|notifies|alert|tell|remind|text)s?\s+me\b`,
    String.raw`\bsend\s+me\b(?!\s+(?:an?\s+)?(?:e-?mail|mail))`,
    String.raw`\bsend me an? (?:slack|teams|discord) (?:message|dm|notification)\b`,
    String.raw`\b(?:in|via|as|by) (?:an? )?(?:direct message|dm)\b`,
  ].join('|'),
);
const ADDRESS = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/g;
const SENDER_BEFORE = /\b(?:from|by|sender)\s+$/;
const EMAIL_ME = new RegExp(
  [
    String.raw`\b(?:e-?mail|mail)\s+(?:it\s+|them\s+|this\s+|that\s+|the\s+\w+\s+)?(?:to\s+)?me\b`,
    String.raw`\bsend\s+(?:it\s+|them\s+|this\s+)?(?:to\s+)?me\s+(?:an?\s+)?(?:e-?mail|mail)\b`,
    String.raw`\b(?:to|into)\s+my\s+(?:inbox|e-?mail|mailbox)\b|\b(?:by|via|over|through|in an?)\s+e-?mail\b`,
  ].join('|'),
);
const INTO_BEFORE = /\b(?:to|in|into|onto|on)\s+(?:(?:my|the|our|a|an|new|shared)\s+)*$/;
const MAKE_BEFORE = new RegExp(
  String.raw`\b(?:creates?|adds?|opens?|files?|makes?|logs?|posts?|publish(?:es)?|tweets?|appends?)\s+` +
    String.raw`(?:(?:a|an|the|new|my)\s+)*$`,
);
const OUTPUT_VERB = new RegExp(
  String.raw`\b${oneOf([
    'adds?', 'appends?', 'saves?', 'logs?', 'writes?', 'puts?', 'stores?', 'uploads?', 'creates?', 'records?',
    'cop(?:y|ies)', 'exports?', 'inserts?', 'files?', 'posts?', 'publish(?:es)?', 'tweets?', 'syncs?', 'push(?:es)?',
    'sends?', 'archives?', 'backs? up', 'dumps?', 'keeps?', 'tracks?',
  ])}\b`,
);
const NAMED =
  /\b(?:called|named|titled)\s+(?:"([^"]+)"|'([^']+)'|([a-z0-9][\w-]*))|"([^"]+)"|(?<![a-z])'([^']+)'(?![a-z])/dg;

function chatFor(position: number, ctx: DestinationContext): string | null {
  let best: IntegrationMention | undefined;
  for (const m of ctx.mentions) {
    if (!CHAT.has(m.id)) continue;
    if (!best || Math.abs(m.start - position) < Math.abs(best.start - position)) best = m;
  }
  return best?.id ?? ctx.defaultChat;
}

function channel(norm: string, ctx: DestinationContext): Destination | null {
  let found: Destination | null = null;
  const take = (start: number, target: string): void => {
    if (found || REMOVED_BEFORE.test(norm.slice(Math.max(0, start - 16), start))) return;
    found = { kind: 'channel', integration: chatFor(start, ctx), target };
  };
  eachMatch(CHANNEL, norm, (m) => take(m.index, m[0]));
  eachMatch(NAMED_CHANNEL, norm, (m) => {
    if (!NOT_A_CHANNEL.has(m[1] ?? '')) take(m.index, `#${m[1] ?? ''}`);
  });
  eachMatch(HANDLE, norm, (m) => take(m.index, m[0]));
  return found;
}

// "Notify me" goes to a chat DM only when a chat tool is named or the words say DM.
function directMessage(norm: string, ctx: DestinationContext): Destination | null {
  const dm = DM_ME.exec(norm);
  if (!dm) return null;
  const chatNamed = ctx.mentions.some((m) => CHAT.has(m.id));
  if (!chatNamed && !/\b(?:dm|direct message)\b/.test(dm[0])) return null;
  return { kind: 'channel', integration: chatFor(dm.index, ctx), target: '@me' };
}

function email(norm: string, ctx: DestinationContext): Destination | null {
  let target: string | null = null;
  eachMatch(ADDRESS, norm, (m) => {
    const end = m.index + m[0].length;
    if (target !== null || overlaps(m.index, end, ctx.filterSpans)) return;
    if (!SENDER_BEFORE.test(norm.slice(Math.max(0, m.index - 10), m.index))) target = m[0];
  });
  if (target === null && EMAIL_ME.test(norm)) target = 'me';
  return target === null ? null : { kind: 'email', integration: ctx.emailIntegration, target };
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

function integration(norm: string, raw: string, ctx: DestinationContext): Destination | null {
  for (const m of ctx.mentions) {
    if (CHAT.has(m.id) || EMAIL.has(m.id)) continue;
    if (ctx.triggerSpan && overlaps(m.start, m.end, [ctx.triggerSpan])) continue;
    const before = norm.slice(Math.max(0, m.start - 60), m.start);
    const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf('.')) + 1);
    if ((INTO_BEFORE.test(clause) && OUTPUT_VERB.test(clause)) || MAKE_BEFORE.test(clause)) {
      return { kind: 'integration', integration: m.id, target: namedTarget(norm, raw, ctx) };
    }
  }
  return null;
}

/**
 * Where the output goes, only when a concrete place is said: a channel, a handle, "DM me",
 * an address, "email me", or a tool written to ("add a row to my Google Sheet", target named
 * or `''` for the tool's default place). "Post it to Slack" alone gives none: it needs a channel.
 */
export function findDestination(norm: string, raw: string, ctx: DestinationContext): Destination | null {
  return (
    channel(norm, ctx) ?? email(norm, ctx) ?? directMessage(norm, ctx) ?? integration(norm, raw, ctx)
  );
}
