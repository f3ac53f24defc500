import { applyEdits } from './apply-edits.js';
import { describeDestination, displayName } from './edit-words.js';
import { editsFromPatch } from './patch-edits.js';
import {
  REQUIRED_FIELDS,
  REQUIREMENT_KEYS,
  type RequirementField,
  type RequirementKey,
  type Requirements,
  type RequirementsPatch,
} from './requirements.js';
import { listWords, nextRunsInWords, scheduleWords } from './schedule-words.js';

export { displayName };

/** Applies what a patch says (through its edits); see `editsFromPatch` and `applyEdits`. */
export function mergeRequirements(current: Requirements, patch: RequirementsPatch): Requirements {
  return applyEdits(current, editsFromPatch(current, patch)).requirements;
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

/**
 * A plain-English summary, one line per filled field; with `now`, a schedule also shows its next three
 * runs (ASCII only: V8 stores such strings at one byte a character).
 */
export function summarize(requirements: Requirements, options: { now?: number } = {}): string {
  const lines: string[] = [];
  const { name, goal, trigger, integrations, destinations, filters } = requirements;
  if (name.value) lines.push(`- Name: ${name.value}`);
  if (goal.value) lines.push(`- Does: ${goal.value}`);
  if (trigger.value) {
    const value = trigger.value;
    lines.push(`- Runs: ${value.description}${value.type === 'schedule' ? ` - ${scheduleWords(value)}` : ''}`);
    if (value.type === 'schedule' && options.now !== undefined) {
      const runs = nextRunsInWords(value, options.now);
      if (runs) lines.push(`- Next runs: ${runs}`);
    }
  }
  if (integrations.value?.length) lines.push(`- Uses: ${integrations.value.map(displayName).join(', ')}`);
  if (destinations.value?.length) lines.push(`- Sends to: ${listWords(destinations.value.map(describeDestination))}`);
  if (filters.value?.length) lines.push(`- Only: ${filters.value.map((filter) => filter.text).join('; ')}`);
  return lines.join('\n');
}

function isBlank(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (typeof value === 'string' && value.trim() === '');
}
