import { describe, expect, it } from '@jest/globals';

import { INTEGRATION_CATALOG } from '../../oauth/integration-catalog.js';
import { normalizeCron } from './cron.js';
import { interpretationSchema, OUTPUT_LIMITS, resolveIntegrationId } from './interpretation.schema.js';
import { parseModelOutput, stripCodeFence } from './model-output.js';
import { toStrictJsonSchema } from './strict-json-schema.js';

const EMPTY_PATCH = {
  name: null,
  goal: null,
  trigger: null,
  integrations: null,
  integrationsRemoved: null,
  steps: null,
  destination: null,
  filters: null,
  time: null,
};

function answer(patch: Record<string, unknown> = {}, rest: Record<string, unknown> = {}): string {
  return JSON.stringify({ reply: 'ok', intent: 'provide_information', patch: { ...EMPTY_PATCH, ...patch }, ...rest });
}

function parsed(text: string) {
  const result = parseModelOutput(text);
  if (!result.ok) throw new Error(`expected a valid answer, got: ${result.error}`);
  return result.interpretation;
}

type Node = Record<string, unknown>;
function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) node.forEach((child) => walk(child, visit));
  else if (typeof node === 'object' && node !== null) {
    visit(node as Node);
    Object.values(node).forEach((child) => walk(child, visit));
  }
}

describe('the strict JSON schema sent to the model', () => {
  const schema = toStrictJsonSchema(interpretationSchema);

  it('closes every object and requires every property', () => {
    let objects = 0;
    walk(schema, (node) => {
      if (node['type'] !== 'object') return;
      objects++;
      expect(node['additionalProperties']).toBe(false);
      expect(node['required']).toEqual(Object.keys(node['properties'] as Node));
    });
    expect(objects).toBeGreaterThanOrEqual(5);
  });

  it('uses only keywords strict mode accepts (no length limits, oneOf, const or $schema)', () => {
    walk(schema, (node) => {
      for (const keyword of ['maxLength', 'minLength', 'pattern', 'format', 'oneOf', 'const', '$schema', 'maxItems']) {
        expect(node).not.toHaveProperty(keyword);
      }
    });
  });

  it('puts reply first, so it streams first, and lists the intents', () => {
    const properties = schema['properties'] as Node;
    // `edits` (requirements v2) comes last: what the patch cannot say.
    expect(Object.keys(properties)).toEqual(['reply', 'intent', 'patch', 'edits']);
    expect((properties['intent'] as Node)['enum']).toContain('provide_information');
  });
});

describe(parseModelOutput.name, () => {
  it('accepts a complete answer and leaves out empty fields', () => {
    expect(parsed(answer({ goal: 'Summarize my inbox', integrations: ['gmail'] }))).toEqual({
      intent: 'provide_information',
      reply: 'ok',
      patch: { goal: 'Summarize my inbox', integrations: ['gmail'] },
    });
  });

  it('accepts fenced JSON, missing optional parts and null patch', () => {
    expect(parsed('```json\n{"reply":"hi","intent":"confirm","patch":null}\n```')).toEqual({ intent: 'confirm', reply: 'hi', patch: {} });
    expect(parsed('{"intent":"question"}')).toEqual({ intent: 'question', patch: {} });
    expect(parsed('{"reply":"   ","intent":"question"}')).toEqual({ intent: 'question', patch: {} });
  });

  it('strips keys outside the schema (phase, tenantId, draftAgentId, …)', () => {
    const result = parsed(answer({ phase: 'COMPLETE', oauthUrl: 'https://x' }, { phase: 'COMPLETE', tenantId: 't', draftAgentId: 'd' }));
    expect(Object.keys(result).sort()).toEqual(['intent', 'patch', 'reply']);
    expect(result.patch).toEqual({});
  });

  it('keeps catalog integrations only (ids or names, any case) and drops the rest', () => {
    expect(parsed(answer({ integrations: ['Gmail', 'SLACK', 'telegram', 'gmail', 'Microsoft Teams'], integrationsRemoved: ['nope'] })).patch).toEqual({
      integrations: ['gmail', 'slack', 'teams'],
    });
    expect(resolveIntegrationId(' Google Calendar ')).toBe('google_calendar');
    expect(resolveIntegrationId('slack\u200B')).toBe('slack');
    expect(resolveIntegrationId('__proto__')).toBeNull();
  });

  it('keeps an event trigger only for a catalog integration and one of its events', () => {
    const event = (integration: string, key: string) =>
      parsed(answer({ trigger: { type: 'event', integration, event: key, description: 'd' } })).patch.trigger;
    expect(event('github', 'new_issue')).toEqual({ type: 'event', integration: 'github', event: 'new_issue', description: 'd' });
    expect(event('github', 'delete_repo')).toBeUndefined();
    expect(event('shell', 'exec')).toBeUndefined();
    expect(event('gmail', 'constructor')).toBeUndefined();
  });

  it('maps a destination integration to the catalog, dropping an integration destination it cannot place', () => {
    const destination = (value: unknown) => parsed(answer({ destination: value })).patch.destination;
    expect(destination({ kind: 'channel', integration: 'Slack', target: '#team' })).toEqual({ kind: 'channel', integration: 'slack', target: '#team' });
    expect(destination({ kind: 'channel', integration: 'telegram', target: '#team' })).toEqual({ kind: 'channel', integration: null, target: '#team' });
    expect(destination({ kind: 'integration', integration: 'webhook', target: 'x' })).toBeUndefined();
    expect(destination({ kind: 'email', integration: null, target: '  ' })).toBeUndefined();
  });

  it('validates and normalises cron and time, rejecting bad ones with their path', () => {
    expect(parsed(answer({ trigger: { type: 'schedule', cron: ' 0  8 * *  1-5 ', description: 'weekdays' } })).patch.trigger).toEqual({
      type: 'schedule',
      cron: '0 8 * * 1-5',
      description: 'weekdays',
    });
    expect(parsed(answer({ time: '9:05' })).patch.time).toBe('09:05');
    const bad = parseModelOutput(answer({ trigger: { type: 'schedule', cron: 'every day', description: 'x' }, time: '25:00' }));
    expect(bad).toMatchObject({ ok: false, problem: 'schema', paths: ['patch.trigger.cron', 'patch.time'] });
  });

  it('caps strings and lists, and removes links and invisible characters from every string', () => {
    const result = parsed(
      JSON.stringify({
        reply: 'r'.repeat(5000),
        intent: 'provide_information',
        patch: { ...EMPTY_PATCH, goal: 'g'.repeat(5000), steps: Array.from({ length: 50 }, (_, i) => `step ${i} https://x.example`), name: ' Daily\u200B digest\u202E ' },
      }),
    );
    expect(result.reply).toHaveLength(OUTPUT_LIMITS.reply);
    expect(result.patch.goal).toHaveLength(OUTPUT_LIMITS.goal);
    expect(result.patch.steps).toHaveLength(OUTPUT_LIMITS.items);
    expect(result.patch.steps![0]).toBe('step 0 [link removed]');
    expect(result.patch.name).toBe('Daily digest');
  });

  it('rejects what is not one JSON object with a known intent', () => {
    expect(parseModelOutput('')).toMatchObject({ ok: false, problem: 'empty' });
    expect(parseModelOutput('{"reply":"trunc')).toMatchObject({ ok: false, problem: 'not_json' });
    expect(parseModelOutput('{"a":1}{"b":2}')).toMatchObject({ ok: false, problem: 'not_json' });
    expect(parseModelOutput('[{"intent":"confirm"}]')).toMatchObject({ ok: false, problem: 'schema' });
    expect(parseModelOutput(answer({}, { intent: 'activate' }))).toMatchObject({ ok: false, problem: 'schema', paths: ['intent'] });
    expect(parseModelOutput(answer({ trigger: { type: 'webhook', description: 'x' } }))).toMatchObject({ ok: false, paths: ['patch.trigger.type'] });
  });

  it('strips a fence only when it surrounds the whole answer', () => {
    expect(stripCodeFence('```\n{}\n```')).toBe('{}');
    expect(stripCodeFence('  ```JSON\n{"a":1}\n```  ')).toBe('{"a":1}');
    expect(stripCodeFence('text ```json\n{}\n```')).toBe('text ```json\n{}\n```');
  });

  it('covers the whole catalog', () => {
    for (const integration of INTEGRATION_CATALOG) {
      expect(resolveIntegrationId(integration.id)).toBe(integration.id);
      expect(resolveIntegrationId(integration.name.toUpperCase())).toBe(integration.id);
    }
  });
});

describe(normalizeCron.name, () => {
  it.each([
    ['0 8 * * 1-5', '0 8 * * 1-5'],
    ['*/15 * * * *', '*/15 * * * *'],
    ['0 9 1 JAN MON-FRI', '0 9 1 JAN MON-FRI'],
    ['0 0 1,15 * *', '0 0 1,15 * *'],
    ['30 18 * * 0', '30 18 * * 0'],
    ['0 8-18/2 * * 7', '0 8-18/2 * * 7'],
    ['\t0   7 *  * *\n', '0 7 * * *'],
  ])('accepts %j', (input, expected) => {
    expect(normalizeCron(input)).toBe(expected);
  });

  it.each(['0 8 * *', '0 8 * * 1-5 2026', '60 * * * *', '* 24 * * *', '* * 0 * *', '* * * 13 *', '* * * * 8', '5-2 * * * *', '*/0 * * * *', '* * * * * rm -rf /', 'a b c d e', '1,,2 * * * *', ''])(
    'rejects %j',
    (input) => {
      expect(normalizeCron(input)).toBeNull();
    },
  );
});
