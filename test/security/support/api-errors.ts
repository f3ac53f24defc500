import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const API_MD = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/API.md');

/**
 * The error codes an HTTP answer may carry, with their status, read from the "Errors" section of
 * docs/API.md (`` `CODE` 404 ``), so the tests hold the service to what the contract documents.
 * Codes listed without a status there (SSE-only) are not HTTP answers.
 */
export function documentedErrorCodes(): ReadonlyMap<string, number> {
  const text = readFileSync(API_MD, 'utf8');
  const start = text.indexOf('## Errors');
  if (start < 0) throw new Error(`${API_MD} has no "## Errors" section`);
  const end = text.indexOf('\n## ', start + 1);
  const section = text.slice(start, end < 0 ? undefined : end);
  const codes = new Map<string, number>();
  for (const match of section.matchAll(/`([A-Z][A-Z_]+)` (\d{3})\b/g)) codes.set(match[1]!, Number(match[2]));
  if (codes.size < 9) throw new Error(`Only ${codes.size} error codes found in ${API_MD}`);
  return codes;
}

/** Traces of internals that must never reach a client: stack frames, source paths, Node error names. */
const LEAKS = [/\n\s+at [^\n]+:\d+:\d+/, /node_modules/, /\/src\/[\w/-]+\.(?:ts|js)/, /\bTypeError\b|\bReferenceError\b|\bSyntaxError:/];

/** Why `text` leaks internals, or null. */
export function leakIn(text: string): string | null {
  const found = LEAKS.find((pattern) => pattern.test(text));
  return found ? `leaks internals (${found})` : null;
}

/**
 * What is wrong with an error answer, or null when it is `{ statusCode, code, message }` exactly, with
 * `statusCode` the HTTP status and `code` a documented one for that status.
 */
export function errorShapeProblem(status: number, contentType: string, text: string, codes = documentedErrorCodes()): string | null {
  if (!contentType.startsWith('application/json')) return `content-type ${JSON.stringify(contentType)} instead of JSON`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'body is not JSON';
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'body is not an object';
  const keys = Object.keys(body).sort().join(',');
  if (keys !== 'code,message,statusCode') return `keys are ${keys}`;
  const { statusCode, code, message } = body as Record<string, unknown>;
  if (statusCode !== status) return `statusCode ${String(statusCode)} differs from the status ${status}`;
  if (typeof code !== 'string' || !codes.has(code)) return `code ${String(code)} is not documented`;
  if (codes.get(code) !== status) return `code ${code} is documented with ${codes.get(code)}, answered with ${status}`;
  if (typeof message !== 'string' || message.length === 0) return 'message is not a non-empty string';
  return leakIn(text);
}
