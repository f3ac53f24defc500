import type { Destination, Requirements, RequirementField } from './requirements.js';
import { parseFilter } from './filter-text.js';

/** The requirements as sessions saved before v2 hold them: one destination, filters as strings. */
interface StoredV1 {
  destination?: RequirementField<Destination>;
  destinations?: RequirementField<Destination[]>;
  filters?: RequirementField<unknown[]>;
}

/**
 * Reads requirements saved by any version: a v1 `destination` becomes the `destinations` list (a DM to
 * `@me` the `dm` kind), string filters become typed ones. Requirements already in v2 come back unchanged.
 */
export function upgradeRequirements(stored: Requirements): Requirements {
  const old = stored as unknown as StoredV1 & Requirements;
  if (old.destinations && !(old.filters?.value ?? []).some((filter) => typeof filter === 'string')) return stored;
  const { destination, ...rest } = old;
  const single = destination?.value ?? null;
  const upgraded = single?.target === '@me' ? { kind: 'dm' as const, integration: single.integration, target: 'me' } : single;
  const destinations: RequirementField<Destination[]> =
    old.destinations ?? (upgraded ? { value: [upgraded], status: destination?.status ?? 'inferred' } : { value: null, status: 'missing' });
  const filters = old.filters?.value
    ? { value: old.filters.value.map((filter) => (typeof filter === 'string' ? parseFilter(filter) : filter)), status: old.filters.status }
    : old.filters;
  return { ...rest, destinations, filters } as Requirements;
}
