import type { Interpretation } from '../../interpreter/interpreter.js';
import { applyEdits, type EditResult } from '../requirements/apply-edits.js';
import { editedLastTurn, pushRecord, recordOf, undoLast, type EditRecord } from '../requirements/edit-history.js';
import type { RequirementEdit } from '../requirements/edits.js';
import { editsFromPatch } from '../requirements/patch-edits.js';
import type { Requirements } from '../requirements/requirements.js';
import { toRequirementsView } from '../requirements/requirements-view.js';
import { describeEdit } from '../requirements/edit-words.js';
import { listWords } from '../requirements/schedule-words.js';
import { missingFields } from '../requirements/requirements-document.js';
import type { ChatAction } from '../chat-response.js';
import type { Turn } from './turn.js';

/** The button shown after every edit: sends "undo that". */
export const UNDO: ChatAction = { type: 'reply', label: 'Undo', value: 'undo that' };

/** Every edit an interpretation stands for against `requirements`: its patch's, then its explicit ones. */
export function editsOf(interpretation: Interpretation | null, requirements: Requirements): RequirementEdit[] {
  if (!interpretation) return [];
  return [...editsFromPatch(requirements, interpretation.patch), ...(interpretation.edits ?? [])];
}

/** Whether the interpretation says anything about the requirements. */
export function hasEdits(interpretation: Interpretation | null): boolean {
  if (!interpretation) return false;
  return Object.values(interpretation.patch).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0)) || (interpretation.edits?.length ?? 0) > 0;
}

/**
 * Applies the turn's edits to the session's requirements and records them for undo. Returns what
 * changed, or null when nothing did (the history is then left alone).
 */
export function applyTurnEdits(turn: Turn): EditResult | null {
  const { requirements, editHistory } = turn.state.context;
  const result = applyEdits(requirements, editsOf(turn.interpretation, requirements));
  if (result.changes.length === 0) return null;
  turn.updateContext({
    requirements: result.requirements,
    editHistory: pushRecord(editHistory ?? [], recordOf(result.applied, result.changes, turn.state.version)),
  });
  return result;
}

/** Reverts the last turn's edits; the record undone, or null when there was nothing to undo. */
export function undoTurnEdits(turn: Turn): EditRecord | null {
  const undone = undoLast(turn.state.context.requirements, turn.state.context.editHistory ?? []);
  if (!undone) return null;
  turn.updateContext({ requirements: undone.requirements, editHistory: undone.history });
  return undone.undone;
}

/** What "undo that" or "never mind" did: the edits taken back, or what to say when none were. */
export type TakeBack = { undone: EditRecord } | { undone: null; say: string; keptDescription: boolean };

/**
 * "Undo that" (the last turn's edits) or "never mind" (the edits of the turn right before, if it made
 * any). Neither takes back the description that named the agent's first apps: that would empty the
 * requirements, which only "start over" does ("go back" is the way to change it).
 */
export function takeBack(turn: Turn): TakeBack {
  const history = turn.state.context.editHistory ?? [];
  const dismiss = turn.intent === 'dismiss';
  const reachable = !dismiss || editedLastTurn(history, turn.state.version);
  const apps = reachable ? history.at(-1)?.changes.find((change) => change.field === 'integrations') : undefined;
  if (apps !== undefined && !(apps.before.value as readonly string[] | null)?.length) {
    return { undone: null, say: 'That would take back the whole description. Say "start over" to describe another agent, or "go back" to change this one.', keptDescription: true };
  }
  const undone = reachable ? undoTurnEdits(turn) : null;
  return undone ? { undone } : { undone: null, say: dismiss ? 'OK, nothing changed.' : 'There is nothing to undo.', keptDescription: false };
}

/** The edits of a turn in words, as the summary's "Changed:" line and the acknowledgements say them. */
export function changedWords(result: { applied: readonly RequirementEdit[] }): string[] {
  return result.applied.map(describeEdit);
}

/** "What did I change?": the recorded edits, newest turn last. */
export function changesReport(turn: Turn): string {
  const history = turn.state.context.editHistory ?? [];
  if (history.length === 0) return "You haven't changed anything yet.";
  const lines = history.slice(-5).map((record, index, shown) => {
    const label = index === shown.length - 1 ? 'Last' : `${shown.length - index} turns ago`;
    return `- ${label}: ${record.said.join('; ')}`;
  });
  return `Here is what you changed:\n${lines.join('\n')}`;
}

/** Emits the current requirements (client view), what is still missing, and what the turn changed. */
export function emitRequirements(turn: Turn, changed: EditResult | EditRecord | null = null): void {
  const { requirements } = turn.state.context;
  const data: Record<string, unknown> = {
    requirements: toRequirementsView(requirements, turn.settings.now),
    missing: missingFields(requirements),
  };
  if (changed && 'applied' in changed) {
    data['changes'] = { edits: changed.applied, said: changedWords(changed), undone: false };
  } else if (changed) {
    data['changes'] = { edits: [], said: changed.said, undone: true };
  }
  turn.emit({ type: 'requirements', data });
}

/** The note naming back the tools the catalog lacks, followed by a space, or `''`. */
export function unsupportedLead(turn: Turn): string {
  const names = turn.interpretation?.unsupported ?? [];
  return names.length > 0 ? `${unsupportedNote(names)} ` : '';
}

/** Names back the tools the catalog lacks: "QuickBooks isn't supported yet." */
export function unsupportedNote(names: readonly string[]): string {
  return `${listWords(names)} ${names.length === 1 ? "isn't" : "aren't"} supported yet, so I left ${names.length === 1 ? 'it' : 'them'} out.`;
}
