import { revertChanges, type FieldChange } from './apply-edits.js';
import type { RequirementEdit } from './edits.js';
import type { Requirements } from './requirements.js';
import { describeEdit } from './edit-words.js';

/** One turn's applied edits, kept so that "undo that" can put the fields back. */
export interface EditRecord {
  /** What the edits said, in words ("added #general on Slack as a destination"). */
  said: string[];
  /**
   * The fields as they were before the turn: all undo needs. (Their `after` is not kept: it was a third
   * of a session's state, written to the store on every turn. Records of older sessions still hold it.)
   */
  changes: Pick<FieldChange, 'field' | 'before'>[];
}

/** How many turns of edits a session keeps for undo (the oldest drop off). */
export const EDIT_HISTORY_CAP = 10;

export function recordOf(applied: readonly RequirementEdit[], changes: readonly FieldChange[]): EditRecord {
  return { said: applied.map(describeEdit), changes: changes.map(({ field, before }) => ({ field, before })) };
}

/** `history` with `record` on top, capped. */
export function pushRecord(history: readonly EditRecord[], record: EditRecord): EditRecord[] {
  return [...history, record].slice(-EDIT_HISTORY_CAP);
}

/** Undo of the last turn's edits: the document before them, the record undone and the history left; null with nothing to undo. */
export function undoLast(
  requirements: Requirements,
  history: readonly EditRecord[],
): { requirements: Requirements; undone: EditRecord; history: EditRecord[] } | null {
  const undone = history.at(-1);
  if (!undone) return null;
  return { requirements: revertChanges(requirements, undone.changes), undone, history: history.slice(0, -1) };
}
