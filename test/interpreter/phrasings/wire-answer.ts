/**
 * The answer a capable model gives in the interpreter's strict JSON shape, for the phrasing table's
 * HTTP runs with the OpenAI interpreter. The table has hundreds of turns, too many to script by hand, so
 * the reading comes from the rule-based interpreter on the requirements the prompt carries; what this
 * checks is the model path itself: every edit survives the wire schema, the parser and the service.
 */
import type { RequirementEdit } from '../../../src/conversation/requirements/edits.js';
import { emptyRequirements, REQUIREMENT_KEYS, type Requirements } from '../../../src/conversation/requirements/requirements.js';
import { unsupportedNote } from '../../../src/conversation/phases/requirement-edits.js';
import { ConversationPhase } from '../../../src/conversation/state.js';
import { interpretMessage } from '../../../src/interpreter/rule-based/rule-based-interpreter.js';
import { NO_FIELDS, type ModelAnswer, type ModelInput } from '../scripted-model.js';


/** The requirements the prompt shows (values only), as a document. */
export function requirementsFromPrompt(body: unknown): Requirements {
  const messages = (body as { messages?: { role: string; content: unknown }[] }).messages ?? [];
  const user = messages.find((m) => m.role === 'user' && typeof m.content === 'string' && m.content.includes('<requirements>'));
  const json = /<requirements>([\s\S]*?)<\/requirements>/.exec(String(user?.content ?? ''))?.[1] ?? '{}';
  const values = JSON.parse(json) as Record<string, unknown>;
  const requirements = emptyRequirements() as unknown as Record<string, { value: unknown; status: string }>;
  for (const key of REQUIREMENT_KEYS) if (values[key] !== undefined) requirements[key] = { value: values[key], status: 'inferred' };
  return requirements as unknown as Requirements;
}

function wireEdit(edit: RequirementEdit): Record<string, unknown> {
  const base = { op: edit.op, field: edit.field, text: null, trigger: null, destination: null };
  if (edit.op === 'clear') return base;
  switch (edit.field) {
    case 'name':
    case 'goal':
      return { ...base, text: edit.value };
    case 'trigger':
      return { ...base, trigger: edit.value };
    case 'integrations':
    case 'steps':
      return { ...base, text: Array.isArray(edit.value) ? edit.value.join(', ') : edit.value };
    case 'destinations': {
      const value = Array.isArray(edit.value) ? edit.value[0] : edit.value;
      return { ...base, destination: { kind: value?.kind ?? 'channel', integration: value?.integration ?? null, target: value?.target ?? '' } };
    }
    case 'filters': {
      const value = Array.isArray(edit.value) ? edit.value[0] : edit.value;
      return { ...base, text: value?.text ?? value?.kind ?? '' };
    }
  }
}

/** What a capable model answers to `input`, given the requirements in its prompt. */
export function wireAnswer(input: ModelInput): ModelAnswer {
  const phase = (input.phase as ConversationPhase | undefined) ?? ConversationPhase.DISCOVERY;
  const interpretation = interpretMessage({ text: input.text, phase, requirements: requirementsFromPrompt(input.body), transcript: [] });
  const reply = interpretation.unsupported?.length ? unsupportedNote(interpretation.unsupported) : 'Okay.';
  return {
    reply,
    intent: interpretation.intent,
    patch: { ...NO_FIELDS, ...interpretation.patch },
    edits: interpretation.edits?.length ? interpretation.edits.map(wireEdit) : null,
  };
}
