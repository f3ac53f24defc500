import type { Destination, Filter, RequirementKey, Trigger } from './requirements.js';

/**
 * One change to the requirements document: the only way anything in it changes. Interpreters return a
 * list of these; `applyEdits` applies them in order. `remove` takes a description of the items to drop
 * (the keys given must match); `replace` on a list sets the whole list; `clear` empties a field.
 */
export type RequirementEdit =
  | { op: 'replace'; field: 'name' | 'goal'; value: string }
  | { op: 'replace'; field: 'trigger'; value: Trigger }
  | { op: 'add' | 'remove'; field: 'integrations' | 'steps'; value: string }
  | { op: 'replace'; field: 'integrations' | 'steps'; value: string[] }
  | { op: 'add'; field: 'destinations'; value: Destination }
  | { op: 'remove'; field: 'destinations'; value: Partial<Destination> }
  | { op: 'replace'; field: 'destinations'; value: Destination[] }
  | { op: 'add'; field: 'filters'; value: Filter }
  | { op: 'remove'; field: 'filters'; value: Partial<Filter> }
  | { op: 'replace'; field: 'filters'; value: Filter[] }
  | { op: 'clear'; field: RequirementKey };

export type EditOp = RequirementEdit['op'];

/** Whether `destination` is what `wanted` describes (every key `wanted` gives, targets case-insensitively). */
export function destinationMatches(destination: Destination, wanted: Partial<Destination>): boolean {
  const keys = Object.keys(wanted) as (keyof Destination)[];
  if (keys.length === 0) return false;
  return keys.every((key) => {
    const want = wanted[key];
    if (want === undefined) return true;
    if (key === 'target') return destination.target.toLowerCase() === String(want).toLowerCase();
    return destination[key] === want;
  });
}

export function sameDestination(a: Destination, b: Destination): boolean {
  return a.kind === b.kind && a.integration === b.integration && a.target.toLowerCase() === b.target.toLowerCase();
}
