import { z } from 'zod';

import type { Interpretation } from '../interpreter.js';
import { interpretationSchema } from './interpretation.schema.js';

export type ModelOutputResult =
  | { ok: true; interpretation: Interpretation }
  | {
      ok: false;
      /** Why it was rejected, worded for the model (sent back in the repair request). */
      error: string;
      /** Where it failed, without any of the content (safe for logs). */
      problem: 'empty' | 'not_json' | 'schema';
      /** Paths of the failing fields (schema problems only; safe for logs). */
      paths: string[];
    };

const FENCED = /^```[a-zA-Z]*[ \t]*\r?\n([\s\S]*?)\r?\n?```$/;

/** Removes one surrounding Markdown code fence (```json … ```), as some models add one. */
export function stripCodeFence(raw: string): string {
  const trimmed = raw.trim();
  return FENCED.exec(trimmed)?.[1]?.trim() ?? trimmed;
}

/** Parses and validates one complete answer of the model. Nothing else turns model text into an Interpretation. */
export function parseModelOutput(raw: string): ModelOutputResult {
  const text = stripCodeFence(raw);
  if (text === '') return { ok: false, problem: 'empty', paths: [], error: 'The answer was empty.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'unreadable';
    return { ok: false, problem: 'not_json', paths: [], error: `The answer is not one complete JSON object (${detail}).` };
  }
  const parsed = interpretationSchema.safeParse(json);
  if (parsed.success) return { ok: true, interpretation: parsed.data };
  return {
    ok: false,
    problem: 'schema',
    paths: parsed.error.issues.map((issue) => issue.path.join('.') || '(root)'),
    error: z.prettifyError(parsed.error).slice(0, 1500),
  };
}
