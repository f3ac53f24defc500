import { findIntegration } from '../../oauth/integration-catalog.js';
import {
  REQUIRED_FIELDS,
  REQUIREMENT_KEYS,
  type RequirementField,
  type RequirementKey,
  type Requirements,
  type RequirementsPatch,
  type Trigger,
} from './requirements.js';

const inferred = <T>(value: T): RequirementField<T> => ({ value, status: 'inferred' });
const unique = (values: readonly string[]): string[] => [...new Set(values)];

/**
 * Applies what one message said. Fields accumulate: a patch adds or corrects, never drops, except for
 * integrations the user explicitly removed. A changed field goes back to `inferred` (it needs confirming).
 */
export function mergeRequirements(current: Requirements, patch: RequirementsPatch): Requirements {
  const next: Requirements = { ...current };
  if (patch.goal) next.goal = inferred(patch.goal);
  if (patch.name) next.name = inferred(patch.name);
  else if (!current.name.value && patch.goal) next.name = inferred(titleOf(patch.goal));
  if (patch.trigger) next.trigger = inferred(patch.trigger);
  if (patch.time && !patch.trigger) {
    const trigger = current.trigger.value;
    // A time with no schedule to move ("make it 9am" before any schedule) means daily at that time.
    next.trigger = inferred(
      trigger?.type === 'schedule' ? withTime(trigger, patch.time) : dailyAt(patch.time, trigger),
    );
  }
  if (patch.integrations?.length || patch.integrationsRemoved?.length) {
    const removed = new Set(patch.integrationsRemoved ?? []);
    const kept = (current.integrations.value ?? []).filter((id) => !removed.has(id));
    const merged = unique([...kept, ...(patch.integrations ?? [])]);
    // Removing the last one keeps the field (an empty list, still missing): only restart clears a requirement.
    next.integrations = merged.length ? inferred(merged) : { value: [], status: 'missing' };
    const destination = current.destination.value;
    if (destination?.integration && removed.has(destination.integration) && !patch.destination) {
      // "instead of Slack use Teams": the destination moves with the integration that replaced it.
      const replacement = (patch.integrations ?? [])[0] ?? null;
      next.destination = inferred({ ...destination, integration: replacement });
    }
  }
  if (patch.destination) {
    next.destination = inferred(patch.destination);
    if (patch.destination.integration) {
      next.integrations = inferred(unique([...(next.integrations.value ?? []), patch.destination.integration]));
    }
  }
  if (patch.steps?.length) next.steps = inferred(unique([...(current.steps.value ?? []), ...patch.steps]));
  if (patch.filters?.length) next.filters = inferred(unique([...(current.filters.value ?? []), ...patch.filters]));
  if (patch.trigger?.type === 'event') {
    next.integrations = inferred(unique([...(next.integrations.value ?? []), patch.trigger.integration]));
  }
  return next;
}

/** Whether `patch` says anything about the requirements at all. */
export function patchIsEmpty(patch: RequirementsPatch): boolean {
  return Object.values(patch).every((value) => value === undefined || (Array.isArray(value) && value.length === 0));
}

/** Required fields still without a value, most important first. */
export function missingFields(requirements: Requirements): RequirementKey[] {
  return REQUIRED_FIELDS.filter((key) => requirements[key].value === null || isBlank(requirements[key].value));
}

/** Complete: every required field has a value (and, with `confirmed`, every filled field is confirmed). */
export function isComplete(requirements: Requirements, options: { confirmed: boolean }): boolean {
  if (missingFields(requirements).length > 0) return false;
  if (!options.confirmed) return true;
  return REQUIREMENT_KEYS.every((key) => requirements[key].status !== 'inferred');
}

/** Marks every filled field as confirmed (the user accepted the summary). */
export function confirmAll(requirements: Requirements): Requirements {
  const next = { ...requirements } as Record<RequirementKey, RequirementField<unknown>>;
  for (const key of REQUIREMENT_KEYS) {
    if (requirements[key].value !== null) next[key] = { value: requirements[key].value, status: 'confirmed' };
  }
  return next as unknown as Requirements;
}

/** A plain-English summary, one line per filled field (ASCII only: V8 stores such strings at one byte a character). */
export function summarize(requirements: Requirements): string {
  const lines: string[] = [];
  const { name, goal, trigger, integrations, destination, filters } = requirements;
  if (name.value) lines.push(`- Name: ${name.value}`);
  if (goal.value) lines.push(`- Does: ${goal.value}`);
  if (trigger.value) lines.push(`- Runs: ${trigger.value.description}`);
  if (integrations.value?.length) lines.push(`- Uses: ${integrations.value.map(displayName).join(', ')}`);
  if (destination.value) lines.push(`- Sends to: ${describeDestination(requirements)}`);
  if (filters.value?.length) lines.push(`- Only: ${filters.value.join('; ')}`);
  return lines.join('\n');
}

export function displayName(integrationId: string): string {
  return findIntegration(integrationId)?.name ?? integrationId;
}

function describeDestination(requirements: Requirements): string {
  const destination = requirements.destination.value;
  if (!destination) return '';
  const via = destination.integration ? ` on ${displayName(destination.integration)}` : '';
  return `${destination.target || 'the default place'}${via}`;
}

function withTime(trigger: Extract<Trigger, { type: 'schedule' }>, time: string): Trigger {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const fields = trigger.cron.split(' ');
  if (fields.length !== 5 || fields[1] === '*' || fields[0]?.includes('/')) {
    // An hourly or every-N-minutes schedule has no time of day to move; make it daily at that time.
    return { type: 'schedule', cron: `${minutes} ${hours} * * *`, description: `every day at ${time}` };
  }
  const cron = [String(minutes), String(hours), ...fields.slice(2)].join(' ');
  const description = /\d{1,2}:\d{2}/.test(trigger.description)
    ? trigger.description.replace(/\d{1,2}:\d{2}/, time)
    : `${trigger.description} at ${time}`;
  return { type: 'schedule', cron, description };
}

function dailyAt(time: string, existing: Trigger | null): Trigger {
  if (existing && existing.type !== 'manual') return existing;
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return { type: 'schedule', cron: `${minutes} ${hours} * * *`, description: `every day at ${time}` };
}

function titleOf(goal: string): string {
  const words = goal.replace(/[.!?]+$/, '').split(/\s+/).slice(0, 6).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isBlank(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (typeof value === 'string' && value.trim() === '');
}
