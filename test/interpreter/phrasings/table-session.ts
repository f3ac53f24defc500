/**
 * The phrasing table's conversations run in process: the rule-based interpreter and the same edit
 * functions the phase handlers use (apply, undo), without HTTP, so the whole table runs in seconds.
 * The HTTP runs (phrasing-conversations.e2e-spec.ts) check that the service behaves the same.
 */
import { applyEdits } from '../../../src/conversation/requirements/apply-edits.js';
import { pushRecord, recordOf, undoLast, type EditRecord } from '../../../src/conversation/requirements/edit-history.js';
import { emptyRequirements, type Requirements } from '../../../src/conversation/requirements/requirements.js';
import { editsOf, unsupportedNote } from '../../../src/conversation/phases/requirement-edits.js';
import { ConversationPhase } from '../../../src/conversation/state.js';
import { interpretMessage } from '../../../src/interpreter/rule-based/rule-based-interpreter.js';
import type { Observed } from './scoring.js';

/**
 * Runs `turns` as one conversation: the first in DISCOVERY, the rest as answers in REQUIREMENTS ("go back" and
 * "start over" lead to DISCOVERY until something is said). "Never mind" takes back the turn right before when it
 * changed something and needed no new connection (over HTTP a connection is a save in between).
 */
export function runInProcess(turns: readonly string[]): Observed & { intents: string[]; changed: boolean } {
  let requirements: Requirements = emptyRequirements();
  let history: EditRecord[] = [];
  let phase = ConversationPhase.DISCOVERY;
  let editedLast = false;
  const replies: string[] = [];
  const intents: string[] = [];
  let changed = false;
  const undo = (): void => {
    const undone = undoLast(requirements, history);
    if (undone) ({ requirements, history } = undone);
  };
  for (const text of turns) {
    const interpretation = interpretMessage({ text, phase, requirements, transcript: [] });
    const { intent } = interpretation;
    const before = requirements;
    const editedBefore = editedLast;
    editedLast = false;
    intents.push(intent);
    if (interpretation.unsupported?.length) replies.push(unsupportedNote(interpretation.unsupported));
    if (intent === 'undo' || (intent === 'dismiss' && editedBefore)) {
      undo();
      continue;
    }
    if (intent === 'go_back' && phase === ConversationPhase.REQUIREMENTS) phase = ConversationPhase.DISCOVERY;
    if (intent === 'restart') {
      requirements = emptyRequirements();
      history = [];
      phase = ConversationPhase.DISCOVERY;
    }
    if (intent === 'cancel' || intent === 'go_back' || intent === 'dismiss') continue;
    const result = applyEdits(requirements, editsOf(interpretation, requirements));
    if (result.changes.length === 0) continue;
    changed = true;
    requirements = result.requirements;
    history = pushRecord(history, recordOf(result.applied, result.changes));
    const newTool = (requirements.integrations.value ?? []).some((id) => !(before.integrations.value ?? []).includes(id));
    editedLast = phase !== ConversationPhase.DISCOVERY && !newTool;
    phase = ConversationPhase.REQUIREMENTS;
  }
  return { requirements, replies: replies.join('\n'), intents, changed };
}
