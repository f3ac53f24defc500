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

/** Runs `turns` as one conversation: the first in DISCOVERY, the rest as answers in REQUIREMENTS. */
export function runInProcess(turns: readonly string[]): Observed & { intents: string[]; changed: boolean } {
  let requirements: Requirements = emptyRequirements();
  let history: EditRecord[] = [];
  const replies: string[] = [];
  const intents: string[] = [];
  let changed = false;
  turns.forEach((text, index) => {
    const phase = index === 0 ? ConversationPhase.DISCOVERY : ConversationPhase.REQUIREMENTS;
    const interpretation = interpretMessage({ text, phase, requirements, transcript: [] });
    intents.push(interpretation.intent);
    if (interpretation.unsupported?.length) replies.push(unsupportedNote(interpretation.unsupported));
    if (interpretation.intent === 'undo') {
      const undone = undoLast(requirements, history);
      if (undone) ({ requirements, history } = undone);
      return;
    }
    if (['restart', 'cancel'].includes(interpretation.intent)) return;
    const result = applyEdits(requirements, editsOf(interpretation, requirements));
    if (result.changes.length === 0) return;
    changed = true;
    requirements = result.requirements;
    history = pushRecord(history, recordOf(result.applied, result.changes));
  });
  return { requirements, replies: replies.join('\n'), intents, changed };
}
