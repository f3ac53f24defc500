import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';

import { FakeOpenAiServer, step } from '../../../test/support/fake-openai-server.js';
import { PROMPT_INJECTION_CORPUS, type PromptInjectionCase } from '../../../test/support/prompt-injection-corpus.js';
import { FakeClock } from '../../common/clock.js';
import { emptyRequirements } from '../../conversation/requirements/requirements.js';
import { findIntegration } from '../../oauth/integration-catalog.js';
import { INTENTS, type Interpretation, type Interpreter } from '../interpreter.js';
import { LlmMetrics } from './llm-metrics.js';
import { parseModelOutput } from './model-output.js';
import { OpenAiInterpreter } from './openai-interpreter.js';

const PATCH_KEYS = ['name', 'goal', 'trigger', 'integrations', 'integrationsRemoved', 'steps', 'destination', 'filters', 'time'];
const FALLBACK: Interpretation = { intent: 'unclear', patch: {} };
const LINK = /https?:|:\/\/|www\./i;
// oxlint-disable-next-line no-control-regex -- control characters are what it looks for
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\uDB40[\uDC00-\uDC7F]/;

const raw = (entry: PromptInjectionCase) =>
  typeof entry.compromisedOutput === 'string' ? entry.compromisedOutput : JSON.stringify(entry.compromisedOutput);

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/** Everything an interpretation may carry, and nothing else. */
function expectOnlyAllowed(result: Interpretation, entry: PromptInjectionCase): void {
  expect(Object.keys(result).every((key) => ['intent', 'patch', 'reply'].includes(key))).toBe(true);
  expect(INTENTS).toContain(result.intent);
  expect(Object.keys(result.patch).every((key) => PATCH_KEYS.includes(key))).toBe(true);
  const { integrations = [], integrationsRemoved = [], trigger, destination } = result.patch;
  for (const id of [...integrations, ...integrationsRemoved]) expect(findIntegration(id)).toBeDefined();
  if (trigger?.type === 'event') expect(Object.keys(findIntegration(trigger.integration)!.events)).toContain(trigger.event);
  if (destination?.integration) expect(findIntegration(destination.integration)).toBeDefined();
  for (const text of strings(result)) {
    expect(text).not.toMatch(LINK);
    expect(text).not.toMatch(INVISIBLE);
  }
  const data = JSON.stringify({ intent: result.intent, patch: result.patch }).toLowerCase();
  for (const forbidden of entry.forbidden) expect(data).not.toContain(forbidden.toLowerCase());
}

describe('prompt-injection corpus', () => {
  it('has at least fifty cases with unique ids across every category', () => {
    expect(PROMPT_INJECTION_CORPUS.length).toBeGreaterThanOrEqual(50);
    expect(new Set(PROMPT_INJECTION_CORPUS.map((entry) => entry.id)).size).toBe(PROMPT_INJECTION_CORPUS.length);
    expect(new Set(PROMPT_INJECTION_CORPUS.map((entry) => entry.category)).size).toBeGreaterThanOrEqual(10);
  });

  it('holds answers that validation cleans up and answers it rejects (each kind well represented)', () => {
    const accepted = PROMPT_INJECTION_CORPUS.filter((entry) => parseModelOutput(raw(entry)).ok).length;
    expect(accepted).toBeGreaterThanOrEqual(15);
    expect(PROMPT_INJECTION_CORPUS.length - accepted).toBeGreaterThanOrEqual(15);
  });

  describe('validation drops whatever an obedient model answers', () => {
    it.each(PROMPT_INJECTION_CORPUS.map((entry) => [entry.id, entry] as const))('%s', (_id, entry) => {
      const result = parseModelOutput(raw(entry));
      if (result.ok) expectOnlyAllowed(result.interpretation, entry);
      else expect(result.error).toMatch(/\S/);
    });
  });

  describe(`through ${OpenAiInterpreter.name} and the fake endpoint`, () => {
    const fake = new FakeOpenAiServer();
    beforeAll(async () => {
      await fake.start();
    });
    afterAll(async () => {
      await fake.stop();
    });
    beforeEach(() => fake.reset());

    const fallback: Interpreter = { interpret: async () => structuredClone(FALLBACK) };

    it.each(PROMPT_INJECTION_CORPUS.map((entry) => [entry.id, entry] as const))('%s', async (_id, entry) => {
      const interpreter = new OpenAiInterpreter(
        { apiKey: 'sk-injection-test-key-000000', baseURL: fake.baseURL, model: 'm', timeoutMs: 2000, maxRetries: 0 },
        fallback,
        new FakeClock(),
        { log: () => undefined, warn: () => undefined },
        new LlmMetrics(),
      );
      // The model obeys the injection in its answer and again in the repair.
      fake.enqueue(step.answer(raw(entry), { chunkSize: 5 }), step.answer(raw(entry), { chunkSize: 5 }));
      const deltas: string[] = [];

      const result = await interpreter.interpret(
        { text: entry.text, phase: entry.phase, requirements: emptyRequirements(), transcript: [] },
        { onDelta: (text) => deltas.push(text) },
      );

      expectOnlyAllowed(result, entry);
      expect(deltas.join('')).not.toMatch(LINK);
      expect(deltas.join('')).not.toMatch(INVISIBLE);
      // The attempt reached the model as data: one delimited user message, invisible characters gone.
      const user = (fake.requests[0]!.body.messages as { role: string; content: string }[])[1]!.content;
      expect(user.match(/<user_message>/g)).toHaveLength(1);
      expect(user.match(/<\/user_message>/g)).toHaveLength(1);
      expect(user.match(/<\/?(system|conversation|requirements)>/gi)).toEqual(['<requirements>', '</requirements>', '<conversation>', '</conversation>']);
      expect(user).not.toMatch(INVISIBLE);
    });
  });
});
