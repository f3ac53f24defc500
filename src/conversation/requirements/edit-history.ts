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
  /**
   * The session version the turn started from, so that "never mind" can tell the turn right before it (the
   * next turn starts from this + 1) from an older one. Absent in records of older sessions.
   */
  version?: number;
}

/** How many turns of edits a session keeps for undo (the oldest drop off). */
export const EDIT_HISTORY_CAP = 10;

export function recordOf(applied: readonly RequirementEdit[], changes: readonly FieldChange[], version?: number): EditRecord {
  const record: EditRecord = { said: applied.map(describeEdit), changes: changes.map(({ field, before }) => ({ field, before })) };
  if (version !== undefined) record.version = version;
  return record;
}

/** Whether the last record is of the turn right before one that starts from `version` (nothing was saved between). */
export function editedLastTurn(history: readonly EditRecord[], version: number): boolean {
  const last = history.at(-1);
  return last?.version !== undefined && last.version === version - 1;
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
