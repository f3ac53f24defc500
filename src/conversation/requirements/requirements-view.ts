import type { Destination, RequirementField, Requirements } from './requirements.js';
import { nextRuns, scheduleWords } from './schedule-words.js';

/** The schedule as clients show it: in words (cronstrue) and its next runs (croner). */
export interface ScheduleView {
  /** `At 08:00, Monday through Friday (UTC)`. */
  words: string;
  /** The next three runs, ISO 8601. */
  nextRuns: string[];
  timezone: string;
}

/** The requirements as clients see them (SessionView and the `requirements` event). */
export interface RequirementsView extends Requirements {
  /**
   * @deprecated The first of `destinations`, kept for clients written before destinations were a
   * list; read `destinations`.
   */
  destination: RequirementField<Destination>;
  /** The schedule trigger in words with its next runs; null unless the trigger is a schedule. */
  schedule: ScheduleView | null;
}

export function toRequirementsView(requirements: Requirements, now: number): RequirementsView {
  const first = requirements.destinations.value?.[0] ?? null;
  const trigger = requirements.trigger.value;
  return {
    ...requirements,
    destination: first ? { value: first, status: requirements.destinations.status } : { value: null, status: 'missing' },
    schedule:
      trigger?.type === 'schedule'
        ? { words: scheduleWords(trigger), nextRuns: nextRuns(trigger, now), timezone: trigger.recurrence?.timezone ?? 'UTC' }
        : null,
  };
}
