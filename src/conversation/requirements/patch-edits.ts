import { findIntegration } from '../../oauth/integration-catalog.js';
import type { RequirementEdit } from './edits.js';
import { parseFilter } from './filter-text.js';
import { clockOf, EVERY_DAY, DEFAULT_TIMEZONE, hhmm } from './recurrence.js';
import type { Requirements, RequirementsPatch, Trigger } from './requirements.js';
import { normalizeTrigger, scheduleTrigger } from './schedule-words.js';

/** The schedule after "make it 9am": same days at the new time; an interval or no schedule becomes daily. */
function retimed(existing: Trigger | null, time: string): Trigger | null {
  const clock = clockOf(time);
  if (!clock) return null;
  const at = hhmm(clock[0], clock[1]);
  if (existing?.type === 'event') return null;
  const schedule = existing?.type === 'schedule' ? normalizeTrigger(existing) : null;
  const recurrence = schedule?.type === 'schedule' ? schedule.recurrence : undefined;
  if (recurrence && !recurrence.every) return scheduleTrigger({ ...recurrence, times: [at] });
  return scheduleTrigger({ days: [...EVERY_DAY], times: [at], timezone: recurrence?.timezone ?? DEFAULT_TIMEZONE });
}

function titleOf(goal: string): string {
  const words = goal.replace(/[.!?]+$/, '').split(/\s+/).slice(0, 6).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The edits a patch stands for, read against `current`: fields said are replaced, integrations and
 * filters added, removed integrations removed. "Instead of Slack use Teams" moves what Slack delivered
 * (its destinations, its event trigger when Teams has the same event) to the replacement.
 */
export function editsFromPatch(current: Requirements, patch: RequirementsPatch): RequirementEdit[] {
  const edits: RequirementEdit[] = [];
  if (patch.goal) edits.push({ op: 'replace', field: 'goal', value: patch.goal });
  if (patch.name) edits.push({ op: 'replace', field: 'name', value: patch.name });
  else if (!current.name.value && patch.goal) edits.push({ op: 'replace', field: 'name', value: titleOf(patch.goal) });

  const removed = patch.integrationsRemoved ?? [];
  const replacement = (patch.integrations ?? []).find((id) => !(current.integrations.value ?? []).includes(id)) ?? null;
  for (const id of removed) edits.push({ op: 'remove', field: 'integrations', value: id });
  for (const id of patch.integrations ?? []) edits.push({ op: 'add', field: 'integrations', value: id });
  if (replacement && !patch.destination) {
    for (const destination of current.destinations.value ?? []) {
      if (destination.integration && removed.includes(destination.integration)) {
        edits.push({ op: 'add', field: 'destinations', value: { ...destination, integration: replacement } });
      }
    }
  }
  const trigger = current.trigger.value;
  if (!patch.trigger && replacement && trigger?.type === 'event' && removed.includes(trigger.integration)) {
    const catalog = findIntegration(replacement);
    const event = catalog?.events[trigger.event];
    if (catalog && event) {
      edits.push({
        op: 'replace',
        field: 'trigger',
        value: { type: 'event', integration: replacement, event: trigger.event, description: `when ${event} in ${catalog.name}` },
      });
    }
  }

  if (patch.trigger) edits.push({ op: 'replace', field: 'trigger', value: patch.trigger });
  else if (patch.time) {
    const next = retimed(current.trigger.value, patch.time);
    if (next) edits.push({ op: 'replace', field: 'trigger', value: next });
  }
  if (patch.destination) edits.push({ op: 'replace', field: 'destinations', value: [patch.destination] });
  for (const step of patch.steps ?? []) edits.push({ op: 'add', field: 'steps', value: step });
  for (const filter of patch.filters ?? []) edits.push({ op: 'add', field: 'filters', value: parseFilter(filter) });
  return edits;
}
