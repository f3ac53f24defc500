import { destinationMatches, sameDestination, type RequirementEdit } from './edits.js';
import { filterMatches, parseFilter } from './filter-text.js';
import type { Destination, Filter, RequirementField, RequirementKey, Requirements } from './requirements.js';
import { normalizeTrigger } from './schedule-words.js';

/** One field as it was before a turn's edits and as they left it: what undo restores. */
export interface FieldChange {
  field: RequirementKey;
  before: RequirementField<unknown>;
  after: RequirementField<unknown>;
}

export interface EditResult {
  requirements: Requirements;
  /** The edits that changed something, in order (an edit that found nothing to do is left out). */
  applied: RequirementEdit[];
  /** Each touched field once, first `before` and last `after`. */
  changes: FieldChange[];
}

const inferred = <T>(value: T): RequirementField<T> => ({ value, status: 'inferred' });
/** Fields that go back to `missing` when their list empties: an agent needs at least one. */
const NEEDS_ONE: ReadonlySet<RequirementKey> = new Set(['integrations', 'destinations']);

function listField<T>(key: RequirementKey, items: T[]): RequirementField<T[]> {
  return items.length === 0 && NEEDS_ONE.has(key) ? { value: [], status: 'missing' } : inferred(items);
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];
/**
 * Whether two requirement values hold the same data (they are plain JSON data); a key whose value is
 * undefined counts as absent, as in JSON. Compared in place: serialising both sides to compare them was
 * 2 % of an in-process turn.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    if (a.length !== other.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameData(a[index], other[index])) return false;
    return true;
  }
  const [left, right] = [a as Record<string, unknown>, b as Record<string, unknown>];
  let keys = 0;
  for (const key in left) {
    if (left[key] === undefined) continue;
    if (!sameData(left[key], right[key])) return false;
    keys++;
  }
  for (const key in right) if (right[key] !== undefined) keys--;
  return keys === 0;
}

/** A working copy that records what each edit changed. */
class Draft {
  readonly applied: RequirementEdit[] = [];
  private readonly befores = new Map<RequirementKey, RequirementField<unknown>>();

  constructor(public doc: Requirements) {}

  set<K extends RequirementKey>(key: K, field: Requirements[K]): boolean {
    if (sameData(this.doc[key], field)) return false;
    if (!this.befores.has(key)) this.befores.set(key, this.doc[key]);
    this.doc = { ...this.doc, [key]: field };
    return true;
  }

  changes(): FieldChange[] {
    return [...this.befores]
      .map(([field, before]) => ({ field, before, after: this.doc[field] as RequirementField<unknown> }))
      .filter((change) => !sameData(change.before, change.after));
  }
}

function addIntegration(draft: Draft, id: string | null): void {
  if (!id) return;
  const current = draft.doc.integrations.value ?? [];
  if (!current.includes(id)) draft.set('integrations', inferred([...current, id]));
}

/** Removing an integration takes what only it delivered along: its destinations, its event trigger. */
function removeIntegration(draft: Draft, id: string): boolean {
  const current = draft.doc.integrations.value ?? [];
  if (!current.includes(id)) return false;
  draft.set('integrations', listField('integrations', current.filter((other) => other !== id)));
  const destinations = draft.doc.destinations.value ?? [];
  if (destinations.some((d) => d.integration === id)) {
    draft.set('destinations', listField('destinations', destinations.filter((d) => d.integration !== id)));
  }
  const trigger = draft.doc.trigger.value;
  if (trigger?.type === 'event' && trigger.integration === id) draft.set('trigger', { value: null, status: 'missing' });
  return true;
}

function addDestination(draft: Draft, destination: Destination): boolean {
  const current = draft.doc.destinations.value ?? [];
  addIntegration(draft, destination.integration);
  if (current.some((d) => sameDestination(d, destination))) return false;
  return draft.set('destinations', inferred([...current, destination]));
}

function asFilter(value: Filter | string): Filter {
  return typeof value === 'string' ? parseFilter(value) : value;
}

function addFilter(draft: Draft, filter: Filter): boolean {
  const current = draft.doc.filters.value ?? [];
  if (current.some((f) => f.text.toLowerCase() === filter.text.toLowerCase())) return false;
  return draft.set('filters', inferred([...current, filter]));
}

function clear(draft: Draft, field: RequirementKey): boolean {
  if (field === 'integrations') {
    let changed = false;
    for (const id of draft.doc.integrations.value ?? []) changed = removeIntegration(draft, id) || changed;
    return changed;
  }
  if (field === 'filters') return draft.set('filters', inferred([]));
  return draft.set(field, { value: null, status: 'missing' });
}

function applyOne(draft: Draft, edit: RequirementEdit): boolean {
  switch (edit.field) {
    case 'name':
    case 'goal':
      return edit.op === 'clear' ? clear(draft, edit.field) : draft.set(edit.field, inferred(edit.value));
    case 'trigger': {
      if (edit.op === 'clear') return clear(draft, 'trigger');
      const trigger = normalizeTrigger(edit.value);
      const changed = draft.set('trigger', inferred(trigger));
      if (trigger.type === 'event') addIntegration(draft, trigger.integration);
      return changed;
    }
    case 'integrations':
      if (edit.op === 'clear') return clear(draft, 'integrations');
      if (edit.op === 'add') {
        const before = draft.doc.integrations.value ?? [];
        addIntegration(draft, edit.value);
        return !before.includes(edit.value);
      }
      if (edit.op === 'remove') return removeIntegration(draft, edit.value);
      {
        const wanted = edit.value;
        const before = draft.doc.integrations.value ?? [];
        for (const id of before) if (!wanted.includes(id)) removeIntegration(draft, id);
        for (const id of wanted) addIntegration(draft, id);
        return !sameData(before, draft.doc.integrations.value ?? []);
      }
    case 'steps': {
      const current = draft.doc.steps.value ?? [];
      if (edit.op === 'clear') return clear(draft, 'steps');
      if (edit.op === 'add') return draft.set('steps', inferred(unique([...current, edit.value])));
      if (edit.op === 'remove') return draft.set('steps', inferred(current.filter((step) => step !== edit.value)));
      return draft.set('steps', inferred(unique(edit.value as string[])));
    }
    case 'destinations': {
      if (edit.op === 'clear') return clear(draft, 'destinations');
      if (edit.op === 'add') return addDestination(draft, edit.value);
      const current = draft.doc.destinations.value ?? [];
      if (edit.op === 'remove') {
        const wanted = edit.value;
        const kept = current.filter((d) => !destinationMatches(d, wanted));
        return kept.length !== current.length && draft.set('destinations', listField('destinations', kept));
      }
      draft.set('destinations', listField('destinations', []));
      let changed = current.length > 0;
      for (const destination of edit.value) changed = addDestination(draft, destination) || changed;
      return changed;
    }
    case 'filters': {
      if (edit.op === 'clear') return clear(draft, 'filters');
      if (edit.op === 'add') return addFilter(draft, asFilter(edit.value));
      const current = draft.doc.filters.value ?? [];
      if (edit.op === 'remove') {
        const kept = current.filter((f) => !filterMatches(f, edit.value));
        return kept.length !== current.length && draft.set('filters', inferred(kept));
      }
      return draft.set('filters', inferred(edit.value.map(asFilter)));
    }
  }
}

/**
 * Applies edits in order and reports what they changed. Pure: `current` is not touched. A changed field
 * is `inferred` (it needs confirming again); a required list that empties is `missing`. Integrations
 * follow what needs them: a destination or event trigger adds its integration, and removing an
 * integration removes the destinations and event trigger that depended on it.
 */
export function applyEdits(current: Requirements, edits: readonly RequirementEdit[]): EditResult {
  const draft = new Draft(current);
  for (const edit of edits) {
    if (applyOne(draft, edit)) draft.applied.push(edit);
  }
  return { requirements: draft.doc, applied: draft.applied, changes: draft.changes() };
}

/** The document as it was before `changes` (undo): each field restored, last change first. */
export function revertChanges(current: Requirements, changes: readonly Pick<FieldChange, 'field' | 'before'>[]): Requirements {
  let doc = current;
  for (const change of [...changes].reverse()) doc = { ...doc, [change.field]: change.before };
  return doc;
}
