import type { RequirementEdit } from '../../conversation/requirements/edits.js';
import type { RequirementsPatch, Trigger } from '../../conversation/requirements/requirements.js';
import type { InterpretRequest } from '../interpreter.js';
import { carryDestination, findRemovedMentions, impliedRemovals } from './corrections.js';
import { findDestinations } from './destination.js';
import { findEventTrigger, namedAsTarget } from './event-trigger.js';
import { findFilters } from './filters.js';
import { correctionEdits, keptFilters } from './correction-edits.js';
import { findManualTrigger } from './manual-trigger.js';
import { findUnsupported } from './unsupported-tools.js';
import { extractGoal } from './goal.js';
import { distinctIds, findMentions, type IntegrationMention } from './integrations.js';
import { dailyAt, readSchedule, saysLooseRecurrence } from './schedule.js';
import { roleMentions } from './roles.js';
import { literalSpans, mask } from './text.js';
import { stepsFor, titleFor } from './title.js';

const CHAT = ['teams', 'discord', 'slack'];
// "email me", "email it to boss@…", "to my inbox": the word says how output is delivered, not that a mailbox is read.
// "Email my team a summary": a verb with whom it goes to (not "email my inbox summary", where "my" is read, see below).
const EMAIL_VERB_AFTER = /^\s*(?:(?:me|us|it|them|this|that|the|a|an|to|him|her|out|over|daily|weekly|[^\s\w]))(?:\s|$)|^\s{3,}|^\s+(?:my|our)\s+(?:team|boss|manager|lead|staff|colleagues?|coworkers?|clients?|customers?|people|group|family|wife|husband|partner)\b/;
/** "The email one", "the email part": the email said as one of the places things go. */
const EMAIL_AS_A_PLACE = /^\s+(?:one|part|bit|destination|address|recipient|copy)\b/;
const AGENT_VERB_BEFORE = /\b(?:and|then|also|it)\s+$/;
const EMAIL_DELIVERY_BEFORE = /\b(?:an?|by|via|through|over|to my|into my|in my|to our|to the|as an?|send (?:\w+ )?(?:an?|the)|\w+ (?=inbox))\s+$|(?:->|→|=>)\s*(?:my|our)\s+$/;

/** Whether a generic email word ("email", "inbox") only says how output is delivered. */
function emailDelivery(text: string, mention: IntegrationMention): boolean {
  if (!mention.generic) return false;
  const before = text.slice(Math.max(0, mention.start - 16), mention.start);
  const after = text.slice(mention.end, mention.end + 12);
  const word = text.slice(mention.start, mention.end);
  if (EMAIL_DELIVERY_BEFORE.test(before) || EMAIL_AS_A_PLACE.test(after)) return true;
  // "… and emails the list to team@acme.com": the agent's verb, said after what it does first.
  const verb = /^(?:e-?mail|mail)$/.test(word) || (/^(?:e-?mails|mails)$/.test(word) && AGENT_VERB_BEFORE.test(before));
  return verb && EMAIL_VERB_AFTER.test(after);
}
const DELIVERY_BEFORE = /\b(?:an?|by|via|through|over|to my|into my)\s+$/;
const DELIVERY_AFTER = /^\s+(?:me|it|them|this|that)\b/;

/** Whether a mention only says how output is delivered ("send me an email", "email me"), not what is read. */
function deliveryOnly(text: string, mention: IntegrationMention): boolean {
  return (
    DELIVERY_BEFORE.test(text.slice(Math.max(0, mention.start - 10), mention.start)) ||
    DELIVERY_AFTER.test(text.slice(mention.end, mention.end + 6))
  );
}

/**
 * Whether a keyword mention is a part of a tool named just before it ("the Airtable content calendar",
 * "my Dropbox invoices folder", "our Notion finance database"), not a tool of its own.
 */
function partOfNamedTool(text: string, mention: IntegrationMention, all: readonly IntegrationMention[]): boolean {
  if (!mention.keyword) return false;
  return all.some(
    (other) => !other.keyword && !other.generic && other.id !== mention.id && other.end <= mention.start && mention.start - other.end <= 24 &&
      // "Slack me my calendar": a tool used as a verb, with whom it is sent to between, keeps nothing.
      !/[,.;!?]|->|→|\b(?:and|to|into|from|then|or|me|us)\b/.test(text.slice(other.end, mention.start)),
  );
}

/** What a message states: the patch shorthand, and the edits it cannot say (a second destination, …). */
export interface Reading {
  patch: RequirementsPatch;
  edits: RequirementEdit[];
  /** Tools named that the catalog does not have (display names). */
  unsupported: string[];
}

const hasContent = (requirements: InterpretRequest['requirements']): boolean =>
  requirements.goal.value !== null || (requirements.destinations.value?.length ?? 0) > 0 || requirements.trigger.value !== null;

/** The mail tool an email goes out through: the one named or in use, else none said. */
function emailTool(named: readonly string[], known: readonly string[]): string | null {
  if (named.includes('outlook') || (known.includes('outlook') && !named.includes('gmail'))) return 'outlook';
  return named.includes('gmail') || known.includes('gmail') ? 'gmail' : null;
}

/**
 * Every requirement field `norm` (normalised `raw`) states, read against what is already known.
 * `correcting` (the message reads as a correction) makes a bare time a `time` patch rather than
 * a new daily schedule.
 */
export function readPatch(norm: string, raw: string, request: InterpretRequest, correcting: boolean): Reading {
  const { requirements, phase } = request;
  const extra: RequirementEdit[] = [];
  const known = requirements.integrations.value ?? [];
  const existingTrigger = requirements.trigger.value;
  const existingDestination = requirements.destinations.value?.[0] ?? null;

  const filters = keptFilters(findFilters(norm, raw), requirements);
  const literals = literalSpans(norm);
  const unsupported = findUnsupported(mask(norm, literals));
  const masked = mask(norm, [...literals, ...filters.spans, ...unsupported.spans]);
  // A tool outside the catalog is named back, never swapped for a catalog tool its words suggest
  // ("invoices in QuickBooks" is not Stripe).
  const found = findMentions(masked, known.includes('outlook') && !known.includes('gmail'));
  const roles = roleMentions(masked, found);
  const mentions = found.filter((m) => (unsupported.names.length === 0 || !m.keyword) && !partOfNamedTool(masked, m, found) && !roles.has(m));
  const removedMentions = findRemovedMentions(masked, mentions, hasContent(requirements));
  const active = mentions.filter((m) => !removedMentions.has(m) && !emailDelivery(masked, m));
  const named = distinctIds(active);
  const removed = [
    ...new Set([...distinctIds([...removedMentions]), ...impliedRemovals(norm, named, known, distinctIds([...removedMentions]))]),
  ].filter((id) => !named.includes(id));

  const read = findEventTrigger(masked, active, known);
  // "New Pipedrive deals", "new typeform submissions to airtable": the event is in the tool outside the catalog, not in
  // the catalog's usual one, nor in the tool things are sent to.
  const event =
    read && unsupported.names.length > 0 && !active.some((m) => m.id === read.trigger.integration && !namedAsTarget(masked, m)) ? null : read;
  const schedule = readSchedule(masked, existingTrigger);
  const chatInUse = existingDestination?.kind === 'channel' ? existingDestination.integration : null;
  const destinations = findDestinations(norm, raw, {
      mentions: active,
      defaultChat: chatInUse ?? CHAT.find((id) => known.includes(id) && !removed.includes(id)) ?? null,
      emailIntegration: emailTool(named, known),
      filterSpans: filters.spans,
      triggerSpan: event?.span ?? null,
      triggerIntegration: event?.trigger.integration ?? null,
    });
  const carried = carryDestination(existingDestination, removed, named);
  if (destinations.length === 0 && carried) destinations.push(carried);
  const destination = destinations[0] ?? null;

  // With both ("every morning, if there are new emails, …") the schedule starts the agent and the
  // event reads as its condition.
  // An event said without "when" ("trello cards with the red label → my slack dm at 8:30") gives way to a
  // clock time or a loose schedule ("periodically") said with it.
  const eventTrigger = event?.implied && (schedule.time !== null || saysLooseRecurrence(masked)) ? null : (event?.trigger ?? null);
  let trigger: Trigger | null = findManualTrigger(masked) ?? schedule.trigger ?? eventTrigger;
  let time: string | null = null;
  if (!trigger && schedule.time !== null) {
    if (correcting || existingTrigger?.type === 'schedule') time = schedule.time;
    else trigger = dailyAt(schedule.time);
  }
  // An event that only conditions a schedule brings in no tool nobody named ("at 11 send new hubspot leads" is no Salesforce).
  const eventTool = event && (trigger === event.trigger || named.includes(event.trigger.integration)) ? event.trigger.integration : null;
  const integrations = [
    ...new Set([...named, eventTool, ...destinations.map((d) => d.integration)].filter((id): id is string => !!id)),
  ].filter((id) => !removed.includes(id));

  const patch: RequirementsPatch = {};
  const goal = extractGoal(norm, raw, phase, requirements.goal.value !== null);
  if (goal !== null) {
    const source =
      eventTool ??
      integrations.find((id) => id !== destination?.integration) ??
      active.find((m) => !deliveryOnly(masked, m))?.id ??
      null;
    const last = integrations.at(-1) ?? null;
    const parts = {
      goal: goal.toLowerCase(),
      source,
      destination,
      deliveredBy: last !== source ? last : null,
      trigger,
      filters: filters.filters,
    };
    patch.goal = goal;
    patch.name = titleFor(parts);
    const steps = stepsFor(parts);
    if (steps.length > 0) patch.steps = steps;
  }
  if (trigger) patch.trigger = trigger;
  if (time !== null) patch.time = time;
  if (integrations.length > 0) patch.integrations = integrations;
  if (removed.length > 0) patch.integrationsRemoved = removed;
  if (destination) patch.destination = destination;
  if (destinations.length > 1 && !hasContent(requirements)) extra.push(...destinations.slice(1).map((value) => ({ op: 'add' as const, field: 'destinations' as const, value })));
  if (filters.filters.length > 0) patch.filters = filters.filters;
  if (hasContent(requirements)) extra.push(...correctionEdits({ norm, requirements, patch, destinations }));
  return { patch, edits: extra, unsupported: unsupported.names };
}
