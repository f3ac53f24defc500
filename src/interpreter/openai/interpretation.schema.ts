import { z } from 'zod';

import type { RequirementEdit } from '../../conversation/requirements/edits.js';
import { parseFilter } from '../../conversation/requirements/filter-text.js';
import { FILTER_KINDS, type Destination, type FilterKind, type RequirementsPatch, type Trigger } from '../../conversation/requirements/requirements.js';
import { INTEGRATION_CATALOG, findIntegration } from '../../oauth/integration-catalog.js';
import { INTENTS, type Interpretation } from '../interpreter.js';
import { normalizeCron } from './cron.js';
import { sanitizeModelText, stripInvisible } from './text-safety.js';

/** Caps on what the model may hand back; longer strings are cut, longer lists shortened. */
export const OUTPUT_LIMITS = {
  reply: 1200,
  name: 80,
  goal: 500,
  text: 200,
  items: 10,
} as const;

const CATALOG_IDS = INTEGRATION_CATALOG.map((integration) => integration.id);

/** Maps what the model wrote to a catalog id (ids, or display names, case-insensitively); null when unknown. */
export function resolveIntegrationId(raw: string): string | null {
  const wanted = stripInvisible(raw).trim().toLowerCase();
  if (findIntegration(wanted)) return wanted;
  return INTEGRATION_CATALOG.find((integration) => integration.name.toLowerCase() === wanted)?.id ?? null;
}

function resolveIds(raw: readonly string[] | null | undefined): string[] {
  const ids = (raw ?? []).map(resolveIntegrationId).filter((id): id is string => id !== null);
  return [...new Set(ids)].slice(0, OUTPUT_LIMITS.items);
}

function nonEmpty(items: readonly string[] | null | undefined): string[] {
  return (items ?? []).filter((item) => item !== '').slice(0, OUTPUT_LIMITS.items);
}

/** Every string from the model: invisible/control characters and links removed, trimmed, capped. */
const text = (max: number) => z.string().transform((value) => sanitizeModelText(value, max).trim());

const integrationId = z.string().describe(`An integration id from the catalog: ${CATALOG_IDS.join(', ')}`);

const cron = z
  .string()
  .describe('Five-field cron expression: minute hour day-of-month month day-of-week, e.g. "0 8 * * 1-5"')
  .transform((value, ctx) => {
    const normalized = normalizeCron(value);
    if (normalized !== null) return normalized;
    ctx.addIssue({ code: 'custom', message: 'must be a five-field cron expression such as "0 8 * * 1-5"' });
    return z.NEVER;
  });

const time = z
  .string()
  .describe('24-hour time of day "HH:MM"')
  .transform((value, ctx) => {
    const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
    if (match) return `${match[1]!.padStart(2, '0')}:${match[2]!}`;
    ctx.addIssue({ code: 'custom', message: 'must be a 24-hour time "HH:MM"' });
    return z.NEVER;
  });

const trigger = z.discriminatedUnion('type', [
  z.object({ type: z.literal('schedule'), cron, description: text(OUTPUT_LIMITS.text) }),
  z.object({
    type: z.literal('event'),
    integration: integrationId,
    event: z.string().describe("An event key of that integration in the catalog, e.g. 'new_email'"),
    description: text(OUTPUT_LIMITS.text),
  }),
  z.object({ type: z.literal('manual'), description: text(OUTPUT_LIMITS.text) }),
]);

const destination = z.object({
  kind: z.enum(['channel', 'email', 'dm', 'integration']).describe('dm: a direct message to the person themselves (target "me")'),
  integration: integrationId.nullish(),
  target: text(OUTPUT_LIMITS.text).describe('e.g. "#team-updates" or "boss@example.com"'),
});

type WireTrigger = z.output<typeof trigger>;
type WireDestination = z.output<typeof destination>;

/** An event trigger survives only with a catalog integration and one of its event keys. */
function toTrigger(wire: WireTrigger | null | undefined): Trigger | undefined {
  if (!wire) return undefined;
  if (wire.type !== 'event') return wire;
  const id = resolveIntegrationId(wire.integration);
  const event = stripInvisible(wire.event).trim().toLowerCase();
  if (id === null || !Object.hasOwn(findIntegration(id)!.events, event)) return undefined;
  return { type: 'event', integration: id, event, description: wire.description };
}

function toDestination(wire: WireDestination | null | undefined): Destination | undefined {
  // An integration's default place has no target ("add a row to my sheet"); a channel or address needs one.
  if (!wire || (wire.target === '' && wire.kind !== 'integration')) return undefined;
  const integration = wire.integration ? resolveIntegrationId(wire.integration) : null;
  if (wire.kind === 'integration' && integration === null) return undefined;
  return { kind: wire.kind, integration, target: wire.target };
}

const patch = z
  .object({
    name: text(OUTPUT_LIMITS.name).nullish(),
    goal: text(OUTPUT_LIMITS.goal).nullish(),
    trigger: trigger.nullish(),
    integrations: z.array(integrationId).nullish().describe('Integrations to add'),
    integrationsRemoved: z.array(integrationId).nullish().describe('Integrations the user no longer wants'),
    steps: z.array(text(OUTPUT_LIMITS.text)).nullish(),
    destination: destination.nullish(),
    filters: z.array(text(OUTPUT_LIMITS.text)).nullish().describe('Filters to add'),
    time: time.nullish().describe('A new time of day for the existing schedule ("actually make it 9am")'),
  })
  .describe('Only what this message states; null for everything else')
  .transform((wire): RequirementsPatch => {
    const result: RequirementsPatch = {};
    if (wire.name) result.name = wire.name;
    if (wire.goal) result.goal = wire.goal;
    const parsedTrigger = toTrigger(wire.trigger);
    if (parsedTrigger) result.trigger = parsedTrigger;
    const integrations = resolveIds(wire.integrations);
    if (integrations.length > 0) result.integrations = integrations;
    const removed = resolveIds(wire.integrationsRemoved);
    if (removed.length > 0) result.integrationsRemoved = removed;
    const steps = nonEmpty(wire.steps);
    if (steps.length > 0) result.steps = steps;
    const parsedDestination = toDestination(wire.destination);
    if (parsedDestination) result.destination = parsedDestination;
    const filters = nonEmpty(wire.filters);
    if (filters.length > 0) result.filters = filters;
    if (wire.time) result.time = wire.time;
    return result;
  });

const EDIT_FIELDS = ['name', 'goal', 'trigger', 'integrations', 'steps', 'destinations', 'filters'] as const;

const edit = z
  .object({
    op: z.enum(['add', 'remove', 'replace', 'clear']),
    field: z.enum(EDIT_FIELDS),
    text: text(OUTPUT_LIMITS.text)
      .nullish()
      .describe('name, goal, a step, an integration id, or a filter in words ("from my manager", "unread", "amount > 500", "status: done", "not newsletters")'),
    trigger: trigger.nullish().describe('For field trigger, op replace'),
    destination: destination.nullish().describe('For field destinations: the one to add, or to remove (only the keys that identify it)'),
  })
  .describe('One change to the requirements, for what the patch cannot say: a second destination, removing a destination or filter, clearing a field');

type WireEdit = z.output<typeof edit>;

/** A wire edit as a typed edit, or null when it lacks what its field needs (unknown ids are dropped). */
function toEdit(wire: WireEdit): RequirementEdit | null {
  const { op, field } = wire;
  if (op === 'clear') return { op, field };
  const words = wire.text ?? '';
  switch (field) {
    case 'name':
    case 'goal':
      return op === 'replace' && words ? { op, field, value: words } : null;
    case 'trigger': {
      const parsed = toTrigger(wire.trigger);
      return op === 'replace' && parsed ? { op, field, value: parsed } : null;
    }
    case 'integrations': {
      const id = resolveIntegrationId(words);
      return id && op !== 'replace' ? { op, field, value: id } : null;
    }
    case 'steps':
      return words && op !== 'replace' ? { op, field, value: words } : null;
    case 'destinations': {
      if (op === 'remove') {
        const wanted: Partial<Destination> = {};
        if (wire.destination?.target) wanted.target = wire.destination.target;
        else if (wire.destination?.kind) wanted.kind = wire.destination.kind;
        return Object.keys(wanted).length > 0 ? { op, field, value: wanted } : null;
      }
      const parsed = toDestination(wire.destination);
      if (!parsed) return null;
      return op === 'add' ? { op, field, value: parsed } : { op: 'replace', field, value: [parsed] };
    }
    case 'filters': {
      if (!words) return null;
      const filter = parseFilter(words);
      // "unread", "from", "amount": a bare kind removes every filter of that kind.
      if (op === 'remove' && (FILTER_KINDS as readonly string[]).includes(words)) return { op, field, value: { kind: words as FilterKind } };
      if (op === 'remove') return { op, field, value: filter.kind === 'other' ? { text: filter.text } : { kind: filter.kind, ...(filter.value ? { value: filter.value } : {}) } };
      return op === 'add' ? { op, field, value: filter } : { op: 'replace', field, value: [filter] };
    }
  }
}

/**
 * THE schema of the model's answer. Its input side is sent as the strict `json_schema` response format
 * (see `strict-json-schema.ts`); parsing with it is the validation. `reply` comes first so it streams
 * first. Unknown keys (`phase`, `tenantId`, `draftAgentId`, …) are stripped, unknown integration ids and
 * events dropped; a bad intent, cron or time fails (and earns a repair attempt). The reply is not trimmed:
 * it must equal the concatenated streamed deltas, which pass through the same sanitizer.
 */
export const interpretationSchema = z
  .object({
    reply: z
      .string()
      .nullish()
      .describe('A short answer to the user (one or two sentences, their language, no links)')
      .transform((value) => sanitizeModelText(value ?? '', OUTPUT_LIMITS.reply)),
    intent: z.enum(INTENTS),
    patch: patch.nullish(),
    edits: z.array(edit).nullish().describe('Changes the patch cannot say, applied after it; null when none'),
  })
  .transform((wire): Interpretation => {
    const edits = (wire.edits ?? []).slice(0, OUTPUT_LIMITS.items).map(toEdit).filter((e): e is RequirementEdit => e !== null);
    return {
      intent: wire.intent,
      patch: wire.patch ?? {},
      ...(edits.length > 0 ? { edits } : {}),
      ...(wire.reply.trim() === '' ? {} : { reply: wire.reply }),
    };
  });
