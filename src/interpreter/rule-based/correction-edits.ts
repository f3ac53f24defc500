import type { RequirementEdit } from '../../conversation/requirements/edits.js';
import { parseFilter } from '../../conversation/requirements/filter-text.js';
import type { Destination, Filter, FilterKind, Requirements, RequirementsPatch } from '../../conversation/requirements/requirements.js';
import { normalizeTrigger, scheduleTrigger } from '../../conversation/requirements/schedule-words.js';
import type { FilterReading } from './filters.js';
import { daysAgain } from './day-edits.js';
import { editsByPlace } from './picked-by-place.js';
import { movedTimes } from './relative-time.js';
import { intervalTrigger, monthDaysOf, monthDaysTrigger } from './schedule.js';
import { hourAgain, intervalAgain, meridiemFlipped, pickedTimes } from './time-edits.js';
import { PRIORITY_WORDS } from './typed-filters.js';
import { eachMatch, includesAny } from './text.js';

const ALSO = /\b(?:also|too|as well|additionally|add|plus|and|another|again)\b/;
/** "Make it 7am and send it to #ops instead": with "instead" an "and" joins two changes, it adds no place. */
const INSTEAD = /\binstead\b|\brather\b/;
const ALSO_SAID = /\b(?:also|too|as well|additionally|add|plus|another|again)\b/;

/** Whether the places named are added to those there ("also #x", "and #y"), not put in their stead. */
function adds(norm: string): boolean {
  return INSTEAD.test(norm) ? ALSO_SAID.test(norm) : ALSO.test(norm);
}
const REMOVE_VERB = String.raw`(?:remove|drop|delete|lose|forget|ditch|take (?:off|out)|no more|instead of|rather than|replace|stop (?:posting|sending)(?: (?:to|in))?|don'?t (?:post|send)(?: (?:to|in))?|not|without|no|skip)`;
const REMOVE_DESTINATION = new RegExp(
  String.raw`\b${REMOVE_VERB}\s+(?:the\s+|my\s+)?(?:(email|e-mail|mail|channel|dm|direct message|slack|teams)(?:\s+(?:destination|recipient|address|one|part|bit|copy)|(?=\s*(?:pls|please|thanks|thx|then|anymore|needed|either)?\s*(?:$|[,.!;])))|(#[a-z][\w.-]*)|([a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}))`,
  'g',
);
/** Guard: what REMOVE_DESTINATION removes holds one of these (a kind of destination and its noun, a channel, an address). */
const REMOVED_DESTINATION_PARTS = ['destination', 'recipient', 'address', 'one', 'part', 'bit', 'copy', '#', '@', 'mail', 'dm', 'direct', 'slack', 'teams', 'channel'];
const FILTER_WORDS: Readonly<Record<string, FilterKind>> = {
  unread: 'unread', label: 'label', labels: 'label', tag: 'label', sender: 'from', from: 'from', priority: 'priority',
  status: 'status', amount: 'amount', threshold: 'amount', keyword: 'keyword', subject: 'subject', attachment: 'attachment',
  exclusion: 'exclude', exception: 'exclude', minimum: 'amount', maximum: 'amount', min: 'amount', max: 'amount', limit: 'amount',
};
const REMOVE_FILTER = new RegExp(
  String.raw`\b(?:remove|drop|delete|lose|forget|ditch|ignore|clear|no|without|skip)\s+(?:the\s+|that\s+)?(${Object.keys(FILTER_WORDS).join('|')})\b(?:\s+(?:filter|condition|part|bit|rule|one))?`,
  'g',
);
const CLEAR_FILTERS = /\b(?:no|remove|drop|clear|without|forget)\s+(?:the\s+|any\s+|all\s+(?:the\s+)?)?filters?\b|\b(?:all of them|everything|from anyone|any sender)\b/;
/** Kinds of which an agent keeps one: a new value replaces the old ("make that over 1000"). */
const SINGLE_KINDS: ReadonlySet<FilterKind> = new Set(['amount', 'status', 'priority', 'label']);
/** "and again at 4pm", "also at 5": one more time of day, not a new one. */
const TIME_ALSO = /\b(?:again|also at|and at|add|plus|as well)\b/;
/**
 * "Make it 2000", "change it to $750", "bump it to 5k": with an amount filter there, a bare number of three
 * figures or more (or with `$`/`k`) is the new amount, not a time ("2000" is no 20:00 here).
 */
const AMOUNT_AGAIN =
  /\b(?:make|change|set|raise|lower|bump|up|move)\s+(?:it|that|this|the (?:amount|threshold|limit|minimum))\s+(?:to\s+)?(?:over\s+|above\s+|at least\s+|under\s+|below\s+)?(\$\s*)?(\d[\d,]*(?:\.\d+)?)(k)?\b(?!\s*(?:am|pm|a\.m|p\.m|o'?clock|h\b)|:)/;

/** "Too late", "doesn't work": the time named with it is the one taken back. */
const TAKEN_BACK_TIME = /\btoo (?:late|early|soon)\b|\b(?:doesn'?t|does not|won'?t|will not) work\b|\bis no good\b/;
/** "Actually 5k", "$750 then": the amount said alone. */
const AMOUNT_ALONE =
  /^(?:(?:actually|actualy|no|nope|nah|hmm+|make it|maybe|sorry|i meant?|wait|ok(?:ay)?|so)[,\s]+)*(\$\s*)?(\d[\d,]*(?:\.\d+)?)(k)?(?:\s+(?:instead|then|pls|please|is fine|is enough|actually))?[.!]*$/;

/** Words around a bare value said as a correction ("urgent actually", "no, critical ones pls"). */
const AROUND_VALUE = /\b(?:actually|actualy|no|nope|nah|sorry|i meant?|make (?:it|that|them)|hmm+|wait|instead|ones?|only|just|the|pls|please|rather|priority|prio)\b|[^\w\s]/g;

/** A priority said alone ("urgent actually") with a priority filter there: the new priority, or null. */
function priorityAgain(norm: string, filters: readonly Filter[]): Filter | null {
  if (!filters.some((f) => f.kind === 'priority')) return null;
  const value = norm.replace(AROUND_VALUE, ' ').trim();
  return PRIORITY_WORDS.includes(value) || /^p[0-4]$/.test(value) ? parseFilter(`priority: ${value}`) : null;
}

/** The new amount a message sets for the amount filter there, or null. */
function amountAgain(norm: string, old: Filter | undefined): Filter | null {
  if (!old?.op) return null;
  const m = AMOUNT_AGAIN.exec(norm) ?? (norm.length < 40 ? AMOUNT_ALONE.exec(norm) : null);
  const digits = m?.[2]?.replace(/,/g, '');
  if (!m || !digits) return null;
  const money = m[1] !== undefined || m[3] !== undefined;
  if (!money && (Number(digits) < 100 || digits.startsWith('0'))) return null;
  // "5k" is 5000, as the first reading writes it.
  return parseFilter(`amount ${old.op} ${m[3] ? Number(digits) * 1000 : digits}`);
}
/** "drop the 3pm one", "no more 10am run": a time taken out of several. ("not at 3pm" never names the time: the schedule reader drops what is denied.) */
const DROP_TIME = /\b(?:remove|drop|delete|lose|ditch|skip|cancel|forget|get rid of|take out|no more|no longer)\b/;
/** "include the newsletters too", "let the newsletters through": an exclusion taken back. */
const INCLUDE_AGAIN = /\b(?:include|allow|let (?:\w+ ){0,3}(?:through|in)|don'?t (?:exclude|skip|ignore|filter out)|stop (?:excluding|skipping|ignoring|filtering out))\b/;
/** "don't include the newsletters" keeps them out. */
const NOT_INCLUDED = /\b(?:don'?t|do not|never|not)\s+(?:include|allow|let)\b/;
const JUST_PART = /\b(?:just|only|keep)\s+the\s+(morning|afternoon|evening|first|second|last|later|earlier)\s+(?:one|time|run)\b/;

/** "Not my boss, my manager", "no, not from my boss but my manager": a sender taken back (the first) and the one meant. */
const PERSON = String.raw`((?:my|our|the|his|her)\s+[a-z][\w'-]*(?:\s+(?!(?:but|i|it'?s|rather|from|instead|pls|please)\b)[a-z][\w'-]*)?)`;
const SENDER_SWAPPED = new RegExp(
  String.raw`^(?:(?:no|nope|nah|sorry|actually|oops|wait)[,!.\s]+)*not (?:from )?${PERSON}\s*[,;-]?\s*(?:but\s+|i meant?\s+|it'?s\s+|rather\s+)?(?:from\s+)?${PERSON}(?:\s+(?:instead|pls|please|thanks|thx))?[.!]*$`,
);

/**
 * The sender there replaced by the one said in its stead: the edits, and the exclusion the reader saw in "not my boss" (which
 * takes the sender back, it keeps nobody out). Empty unless a `from` filter holds the sender taken back.
 */
function senderSwapped(norm: string, filters: readonly Filter[], patch: RequirementsPatch): RequirementEdit[] {
  const m = SENDER_SWAPPED.exec(norm);
  const [, old = '', meant = ''] = m ?? [];
  if (!m || !filters.some((f) => f.kind === 'from' && f.value?.toLowerCase() === old)) return [];
  const rest = (patch.filters ?? []).filter((text) => text !== `not ${old}` && text !== `from ${meant}`);
  if (rest.length > 0) patch.filters = rest;
  else delete patch.filters;
  return [
    { op: 'remove', field: 'filters', value: { kind: 'from', value: old } },
    { op: 'add', field: 'filters', value: parseFilter(`from ${meant}`) },
  ];
}

/** Words that name a filter itself: "no minimum" drops the amount filter, it keeps out nothing. */
const FILTER_NAME = /^(?:the )?(?:minimum|maximum|min|max|limit|threshold|filters?|conditions?|rules?|labels?|priority|status|amount|keywords?|sender)$/;

/** Whether an exclusion read in a follow-up ("no, not X", "not the X, …") takes back something said, not a thing to keep out. */
function takesBack(value: string, requirements: Requirements): boolean {
  if (value.startsWith('not ') || FILTER_NAME.test(value)) return true;
  const bare = value.replace(/^the /, '');
  if (bare.length < 2) return false;
  if ((requirements.integrations.value ?? []).some((id) => id === bare || id.replace(/_/g, ' ') === bare)) return true;
  return (requirements.destinations.value ?? []).some((d) => d.target.toLowerCase().replace(/^#/, '').split(/[@.-]/).includes(bare));
}

/**
 * The filters of a message without the exclusions that are something else once there is an agent to correct:
 * "no not slack, teams" (a tool taken back), "no minimum, all orders" (a filter dropped), "not the cfo, the
 * controller …" (a recipient there taken back). Messages without an exclusion pay one scan of their filters.
 */
export function keptFilters(reading: FilterReading, requirements: Requirements): FilterReading {
  if (!reading.filters.some((text) => text.startsWith('not ')) || (requirements.destinations.value ?? []).length === 0) return reading;
  const filters = reading.filters.filter((text) => !(text.startsWith('not ') && takesBack(text.slice(4), requirements)));
  return filters.length === reading.filters.length ? reading : { filters, spans: reading.spans };
}

export interface CorrectionInput {
  norm: string;
  requirements: Requirements;
  patch: RequirementsPatch;
  /** Every destination the message names, first one also in `patch.destination`. */
  destinations: Destination[];
}

/**
 * Turns what a follow-up message says into edits against what is there: "also to #x" adds a
 * destination, "remove the email destination" / "drop #eng" removes one, "drop the unread filter"
 * removes a filter, a new amount, status or priority replaces the old, "and again at 4pm" adds a time,
 * "just the morning one" keeps it. Moves what it handles out of `patch` and returns the edits.
 */
export function correctionEdits({ norm, requirements, patch, destinations }: CorrectionInput): RequirementEdit[] {
  const edits: RequirementEdit[] = [];
  const current = requirements.destinations.value ?? [];

  if (includesAny(norm, REMOVED_DESTINATION_PARTS)) {
    eachMatch(REMOVE_DESTINATION, norm, (m) => {
      const kind = m[1];
      const value: Partial<Destination> = m[2] ? { target: m[2] } : m[3] ? { target: m[3] } : kind?.startsWith('e') || kind === 'mail' ? { kind: 'email' } : kind?.startsWith('d') ? { kind: 'dm' } : kind === 'channel' ? { kind: 'channel' } : { integration: kind ?? '' };
      edits.push({ op: 'remove', field: 'destinations', value });
      // "Forget the email" of a message sent to the person by mail.
      if (value.kind === 'email') edits.push({ op: 'remove', field: 'destinations', value: { kind: 'dm', integration: null } });
    });
  }
  // "Just me": the person is reached the way they already are (a DM on Slack), unless the message names a way.
  const byChat = current.find((d) => d.kind === 'dm' && d.integration !== null);
  if (byChat && patch.destination?.kind === 'dm' && patch.destination.integration === null && !A_WAY.test(norm)) {
    patch.destination = { ...patch.destination, integration: byChat.integration };
    destinations[0] = patch.destination;
  }
  const removedTargets = new Set(edits.map((e) => (e.field === 'destinations' && e.op === 'remove' ? e.value.target : undefined)));
  const kept = destinations.filter((d) => !removedTargets.has(d.target));
  if (current.length > 0 && kept.length > 0 && (adds(norm) || edits.length > 0)) {
    delete patch.destination;
    for (const value of kept) edits.push({ op: 'add', field: 'destinations', value });
  } else if (kept.length !== destinations.length) {
    if (kept[0]) patch.destination = kept[0];
    else delete patch.destination;
  } else if (kept.length > 0 && current.length > 1 && !ONLY.test(norm)) {
    edits.push(...sameKindReplaced(current, kept, patch));
  }

  if (destinations.length === 0 && current.length > 0 && patch.integrations?.length) edits.push(...dmMovedToChat(norm, current, patch.integrations));
  if (destinations.length === 0 && norm.includes('channel')) edits.push(...channelRenamed(norm, current));
  if (destinations.length === 0 && current.length > 1 && ONLY.test(norm)) edits.push(...othersDropped(norm, current));

  const filters = requirements.filters.value ?? [];
  // Guard: a sender is there and something is said not to be.
  if (norm.includes('not ') && filters.some((f) => f.kind === 'from')) edits.push(...senderSwapped(norm, filters, patch));
  // Without filters there is none to remove or clear: the patterns are not run.
  if (filters.length > 0) {
    eachMatch(REMOVE_FILTER, norm, (m) => {
      const kind = FILTER_WORDS[m[1] ?? ''];
      if (kind && filters.some((f) => f.kind === kind)) edits.push({ op: 'remove', field: 'filters', value: { kind } });
    });
  }
  if (filters.length > 0 && !patch.filters?.length && CLEAR_FILTERS.test(norm)) edits.push({ op: 'clear', field: 'filters' });
  for (const filter of filters) {
    if (filter.kind === 'exclude' && filter.value && mentions(norm, filter.value) && INCLUDE_AGAIN.test(norm) && !NOT_INCLUDED.test(norm)) {
      edits.push({ op: 'remove', field: 'filters', value: { kind: 'exclude', value: filter.value } });
    }
  }
  if (patch.filters?.length) {
    const added = patch.filters.map(parseFilter);
    const replacing = added.filter((f) => SINGLE_KINDS.has(f.kind) && filters.some((old) => old.kind === f.kind));
    if (replacing.length > 0) {
      for (const filter of replacing) edits.push({ op: 'remove', field: 'filters', value: { kind: filter.kind } });
      for (const filter of added) edits.push({ op: 'add', field: 'filters', value: filter });
      delete patch.filters;
    }
  }

  const priority = patch.filters?.length ? null : priorityAgain(norm, filters);
  if (priority) edits.push({ op: 'remove', field: 'filters', value: { kind: 'priority' } }, { op: 'add', field: 'filters', value: priority });

  const amount = amountAgain(norm, filters.find((f) => f.kind === 'amount'));
  if (amount && !patch.filters?.some((f) => parseFilter(f).kind === 'amount')) {
    edits.push({ op: 'remove', field: 'filters', value: { kind: 'amount' } }, { op: 'add', field: 'filters', value: amount });
    // The number was read as a time of day ("2000" as 20:00); it was the amount.
    delete patch.time;
    if (patch.trigger?.type === 'schedule' && requirements.trigger.value) delete patch.trigger;
  }

  const existing = requirements.trigger.value ? normalizeTrigger(requirements.trigger.value) : null;
  const recurrence = existing?.type === 'schedule' ? existing.recurrence : undefined;
  // "Make it 10am" of a schedule on several days of the month (kept as its cron): the same days at the new time.
  const monthDays = existing?.type === 'schedule' && !recurrence && patch.time && !patch.trigger ? monthDaysOf(existing.cron) : null;
  if (monthDays && patch.time) {
    edits.push({ op: 'replace', field: 'trigger', value: monthDaysTrigger(monthDays, [patch.time]) });
    delete patch.time;
  }
  const said = patch.trigger?.type === 'schedule' ? normalizeTrigger(patch.trigger) : null;
  let saidRecurrence = said?.type === 'schedule' ? said.recurrence : undefined;
  // "9pm is too late, 6pm": the time set is named to be taken back, not kept beside the new one.
  if (recurrence && saidRecurrence && !saidRecurrence.every && TAKEN_BACK_TIME.test(norm)) {
    const times = saidRecurrence.times.filter((t) => !recurrence.times.includes(t));
    if (times.length > 0 && times.length < saidRecurrence.times.length) {
      saidRecurrence = { ...recurrence, times };
      patch.trigger = scheduleTrigger(saidRecurrence);
    }
  }
  const days = recurrence && (!patch.trigger || (saidRecurrence && saidRecurrence.dayOfMonth === undefined)) ? daysAgain(norm, recurrence) : null;
  if (recurrence && days) {
    const base = saidRecurrence ?? { ...recurrence, times: patch.time ? [patch.time] : recurrence.times };
    edits.push({ op: 'replace', field: 'trigger', value: scheduleTrigger({ ...base, days }) });
    delete patch.trigger;
    delete patch.time;
  }
  // "Just the 9 one", "make the 2pm one 3pm": one of several times, by its hour (the reader saw two new times).
  const picked = recurrence && !recurrence.every ? pickedTimes(norm, recurrence.times) : null;
  if (recurrence && picked) {
    edits.push({ op: 'replace', field: 'trigger', value: scheduleTrigger({ ...recurrence, times: picked }) });
    delete patch.trigger;
    delete patch.time;
  }
  if (recurrence && !recurrence.every && !patch.trigger && patch.time === undefined && !picked && !filters.some((f) => f.kind === 'amount')) {
    const time = hourAgain(norm);
    if (time) patch.time = time;
    // "Sorry i meant morning", "pm not am": the hours set, on the other half of the day.
    const flipped = time ? null : meridiemFlipped(norm, recurrence.times);
    if (flipped) edits.push({ op: 'replace', field: 'trigger', value: scheduleTrigger({ ...recurrence, times: flipped }) });
  }
  // "Every 15" of an interval: the same unit.
  const every = recurrence?.every && !patch.trigger && recurrence.days.length === 7 ? intervalAgain(norm, recurrence.every.minutes) : null;
  const interval = every ? intervalTrigger(every, null, undefined) : null;
  if (interval) edits.push({ op: 'replace', field: 'trigger', value: interval });
  // "An hour later", "earlier, like 6": the times set, moved (a bare hour said with the way is read on its side).
  const moved = recurrence && !recurrence.every && !patch.trigger ? movedTimes(norm, recurrence.times) : null;
  if (recurrence && moved) {
    edits.push({ op: 'replace', field: 'trigger', value: scheduleTrigger({ ...recurrence, times: moved }) });
    delete patch.time;
  }
  if (recurrence && recurrence.times.length > 1 && patch.time && recurrence.times.includes(patch.time) && DROP_TIME.test(norm)) {
    edits.push({ op: 'replace', field: 'trigger', value: scheduleTrigger({ ...recurrence, times: recurrence.times.filter((time) => time !== patch.time) }) });
    delete patch.time;
  }
  if (recurrence && !recurrence.every && patch.time && TIME_ALSO.test(norm)) {
    edits.push({ op: 'replace', field: 'trigger', value: scheduleTrigger({ ...recurrence, times: [...new Set([...recurrence.times, patch.time])].sort() }) });
    delete patch.time;
  }
  // "Remove the second channel", "drop the first one": an item pointed at by its place in the list.
  const byPlace = patch.trigger || patch.time ? [] : editsByPlace(norm, current, recurrence);
  edits.push(...byPlace);
  // "Just the morning one" only means something with several times to choose from.
  const part = recurrence && recurrence.times.length > 1 && byPlace.length === 0 ? JUST_PART.exec(norm) : null;
  if (recurrence && recurrence.times.length > 1 && part && !patch.trigger && !patch.time) {
    const sorted = [...recurrence.times].sort();
    const wanted = part[1] ?? '';
    const times = ['morning', 'first', 'earlier'].includes(wanted)
      ? sorted.filter((t, i) => (wanted === 'morning' ? t < '12:00' : i === 0))
      : sorted.filter((t, i) => (['afternoon', 'evening'].includes(wanted) ? t >= '12:00' : i === sorted.length - 1));
    if (times.length > 0) edits.push({ op: 'replace', field: 'trigger', value: scheduleTrigger({ ...recurrence, times }) });
  }
  return edits;
}

/** "Change channel to finance-alerts", "the channel should be ops": a channel named without its "#". */
const CHANNEL_NAMED =
  /\b(?:(?:change|switch|rename|move|set|make)\s+(?:the\s+|that\s+|my\s+)?channel(?:\s+name)?\s+(?:to|into|as)|(?:the\s+)?channel\s+(?:should be|is called|is named|name is))\s+#?([a-z0-9][\w-]*(?:\.[\w-]+)*)/;

/** The one channel there renamed to the name said, or nothing. */
function channelRenamed(norm: string, current: readonly Destination[]): RequirementEdit[] {
  const channels = current.filter((d) => d.kind === 'channel');
  const name = CHANNEL_NAMED.exec(norm)?.[1];
  const [channel] = channels;
  if (!name || channels.length !== 1 || !channel || channel.target === `#${name}`) return [];
  return [{ op: 'replace', field: 'destinations', value: current.map((d) => (d === channel ? { ...d, target: `#${name}` } : d)) }];
}

/** "Just slack is fine", "only the email one", "just the channel": the places of that kind stay, the others go. */
const JUST_KIND =
  /\b(?:just|only)\s+(?:(?:the|on|in|to|by|via)\s+)?(?:(slack|teams|discord)(?:\s+(?:channel|one|part|bit))?|(channels?)|(e-?mail|mail)(?:\s+(?:one|part|bit))?|(dms?|direct messages?))(?=\s*(?:is fine|is enough|is good|will do|pls|please|then|thanks|thx)?\s*(?:$|[,.!;]))/;

function othersDropped(norm: string, current: readonly Destination[]): RequirementEdit[] {
  const m = JUST_KIND.exec(norm);
  if (!m) return [];
  const [, tool, channel, mail] = m;
  const stays = (d: Destination): boolean =>
    tool !== undefined ? d.integration === tool || (d.kind === 'channel' && d.integration === null)
    : channel !== undefined ? d.kind === 'channel'
    : mail !== undefined ? d.kind === 'email' || (d.kind === 'dm' && !CHAT_TOOLS.includes(d.integration ?? ''))
    : d.kind === 'dm';
  const gone = current.filter((d) => !stays(d));
  if (gone.length === 0 || gone.length === current.length) return [];
  return gone.map((d) => ({ op: 'remove' as const, field: 'destinations' as const, value: { ...d } }));
}

/** Words that say how a message reaches the person ("email me", "text me"). */
const A_WAY = /\b(?:e-?mail|mail|text|sms|inbox)\b/;
/** "Just me", "only #ops": what is said is the whole list. */
const ONLY = /\b(?:just|only)\b/;
const CHAT_TOOLS = ['slack', 'teams', 'discord'];
/** A chat tool said as the way things reach the person: "slack instead", "put it in slack", "on teams pls". */
const CHAT_AS_THE_WAY =
  /(?:^(?:(?:nah|no|nope|actually|hmm+|ok(?:ay)?|so|and|also|or|maybe|just)[,\s]+)*|\b(?:on|in|via|over|through|to|into|by|use|using)\s+(?:my\s+|the\s+)?)(?:microsoft\s+|ms\s+)?(slack|teams|discord)\b(?!\s+(?:channels?|messages?|threads?|mentions?)\b)/;

/**
 * "Email me my tasks" then "slack instead" (or "put it in slack", "and on teams too"): the message to the person
 * goes by that chat tool instead (or as well, with "also").
 */
function dmMovedToChat(norm: string, current: readonly Destination[], named: readonly string[]): RequirementEdit[] {
  const mail = current.find((d) => d.kind === 'dm' && !CHAT_TOOLS.includes(d.integration ?? ''));
  const chat = named.filter((id) => CHAT_TOOLS.includes(id));
  if (!mail || chat.length !== 1 || current.some((d) => d.integration === chat[0])) return [];
  const tool = CHAT_AS_THE_WAY.exec(norm)?.[1];
  if (tool === undefined || tool !== chat[0]) return [];
  const add: RequirementEdit = { op: 'add', field: 'destinations', value: { kind: 'dm', integration: tool, target: 'me' } };
  return adds(norm) ? [add] : [{ op: 'remove', field: 'destinations', value: { ...mail } }, add];
}

/**
 * "Not the cfo, controller@acme.com" of a channel and an address: places of one kind said in another's stead
 * replace those of that kind only, and the others stay. With none of that kind there, or only it, the patch
 * replaces them all as before.
 */
function sameKindReplaced(current: readonly Destination[], said: readonly Destination[], patch: RequirementsPatch): RequirementEdit[] {
  const kind = said[0]?.kind;
  if (!said.every((d) => d.kind === kind) || !current.some((d) => d.kind === kind) || current.every((d) => d.kind === kind)) return [];
  delete patch.destination;
  return [
    ...current.filter((d) => d.kind === kind).map((d) => ({ op: 'remove' as const, field: 'destinations' as const, value: { ...d } })),
    ...said.map((value) => ({ op: 'add' as const, field: 'destinations' as const, value })),
  ];
}

/** Whether `norm` names `value`, singular or plural ("newsletter" for "newsletters"). */
function mentions(norm: string, value: string): boolean {
  const said = value.toLowerCase();
  return norm.includes(said) || (said.endsWith('s') && norm.includes(said.slice(0, -1)));
}
