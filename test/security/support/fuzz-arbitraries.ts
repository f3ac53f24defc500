import fc from 'fast-check';
import type { RawRequest } from './http-client.js';

/** What the generator knows about the app under test: real ids make requests reach the handlers. */
export interface FuzzTargets {
  /** Sessions of the fuzzing owner (`owner` headers below). */
  sessionIds: readonly string[];
  owner: { userId: string; tenantId: string };
}

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Header values Node will send (latin1 without control characters), from any string. */
const headerSafe = (value: string): string => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '');

const weirdText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '..',
    '../../etc/passwd',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '\u0000',
    '\u202e',
    '🙂',
    'null',
    'undefined',
    'NaN',
    '-1',
    '1e309',
    '0x10',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '${jndi:ldap://x}',
    '{{7*7}}',
    ...POLLUTION_KEYS,
  ),
);

/** Any JSON shape, with prototype-pollution keys mixed in at any depth. */
const jsonShapes: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 3 }),
    fc.dictionary(
      fc.oneof(fc.constantFrom(...POLLUTION_KEYS, 'message', 'action', 'type', 'userId', 'tenantId'), fc.string({ maxLength: 10 })),
      tie('value'),
      {
        maxKeys: 4,
      },
    ),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
})).value;

/** Bodies that parse as JSON but pollute when merged naively (JSON.parse keeps `__proto__` as an own key). */
const pollutionBodies = fc.constantFrom(
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"message":"hi","__proto__":{"polluted":"yes"}}',
  '{"action":{"type":"confirm","__proto__":{"polluted":"yes"}}}',
  '{"action":{"__proto__":{"type":"confirm"}}}',
  '{"__proto__":{"message":"hi"}}',
  '{"message":{"toString":"x"}}',
  '{"message":"hi","message":"twice"}',
  '[{"__proto__":{"polluted":"yes"}}]',
);

const validTurns = fc.oneof(
  fc
    .constantFrom('hello', 'I want an agent that posts new GitHub issues to #dev on Slack', 'yes', 'go back', 'skip')
    .map((message) => JSON.stringify({ message })),
  fc.constantFrom('confirm', 'back', 'restart', 'skip', 'retry').map((type) => JSON.stringify({ action: { type } })),
);

const malformedJson = fc.oneof(
  fc.constantFrom(
    '{',
    '{"message":',
    '{"message":"hi"',
    '{"message":"hi"}}',
    "{'message':'hi'}",
    '{"message":"\\x"}',
    'nul',
    '[',
    ']',
    ',',
    '"',
    '\u0000',
    '{"a":1,}',
  ),
  fc.string({ maxLength: 60 }),
  jsonShapes.map((value) => JSON.stringify(value ?? null).slice(0, -1)),
);

const hugeBodies = fc.oneof(
  fc.constantFrom(4001, 4000, 16_000, 16_385, 40_000).map((length) => JSON.stringify({ message: 'x'.repeat(length) })),
  fc.constant(JSON.stringify({ message: ' '.repeat(5000) })),
  fc.constant(`${'['.repeat(5000)}${']'.repeat(5000)}`),
  fc.constant(`{"message":"${'🙂'.repeat(3000)}"}`),
);

const bytes = fc.uint8Array({ maxLength: 300 });

export const bodyArbitrary: fc.Arbitrary<string | Uint8Array | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: validTurns },
  { weight: 4, arbitrary: jsonShapes.map((value) => JSON.stringify(value ?? null)) },
  { weight: 3, arbitrary: pollutionBodies },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((message) => JSON.stringify({ message })) },
  { weight: 3, arbitrary: malformedJson },
  { weight: 1, arbitrary: hugeBodies },
  { weight: 1, arbitrary: bytes },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 100 }).map((value) => `state=${encodeURIComponent(value)}&decision=allow&__proto__[polluted]=yes`),
  },
);

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/merge-patch+json',
  'application/vnd.api+json',
  'text/plain',
  'text/event-stream',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/octet-stream',
  'application/xml',
  '*/*',
  'application/json; boundary=',
  'garbage',
);

const segment = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }).map(encodeURIComponent) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '..',
      '.',
      '%2e%2e',
      '%2E%2E',
      '..%2f..%2f',
      '%2f',
      '%5c',
      '..\\..\\',
      '%00',
      '%ff',
      '%c0%ae',
      '%',
      '%zz',
      ';jsessionid=1',
      'etc',
      'passwd',
      '.env',
      '.git',
      'dist',
      '~',
      '*',
      ...POLLUTION_KEYS,
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }).map(encodeURIComponent) },
);

const randomPath = fc.array(segment, { minLength: 0, maxLength: 6 }).map((segments) => `/${segments.join('/')}`);

const queryValue = fc.oneof(weirdText.map(encodeURIComponent), fc.constantFrom('1', '0', '-5', '999999999999999999999', '%', '%zz', '%00'));
const queryKey = fc.oneof(
  fc.constantFrom(
    'state',
    'code',
    'error',
    'iss',
    'lastEventId',
    'sessionId',
    '__proto__[polluted]',
    '__proto__.polluted',
    'constructor[prototype][polluted]',
    'a[b][c]',
    'a[]',
    'client_id',
    'redirect_uri',
    'code_challenge',
    'code_challenge_method',
    'response_type',
  ),
  fc.string({ maxLength: 8 }).map(encodeURIComponent),
);
const queryString = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.tuple(queryKey, queryValue), { minLength: 1, maxLength: 6 })
      .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('?', '?&&', '?=', '?a', `?state=${'s'.repeat(3000)}`, '?%', '?state=a&state=b&code=c&code=d') },
);

const methodArbitrary = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD') },
  { weight: 1, arbitrary: fc.constantFrom('TRACE', 'PROPFIND', 'MKCOL', 'PURGE', 'LINK', 'SEARCH', 'REPORT', 'FOO', 'get') },
);

/** Method and path: the routes of the app with their own method (real or random ids), or anything at all. */
export function targetArbitrary(targets: FuzzTargets): fc.Arbitrary<{ method: string; path: string }> {
  const id = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...targets.sessionIds) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: segment },
    { weight: 1, arbitrary: fc.constant('x'.repeat(5000)) },
  );
  const route = (method: string, path: fc.Arbitrary<string>) => path.map((value) => ({ method, path: value }));
  const routes = fc.oneof(
    route('POST', fc.constant('/v1/sessions')),
    route('GET', fc.constant('/v1/sessions')),
    route(
      'GET',
      id.map((value) => `/v1/sessions/${value}`),
    ),
    route(
      'DELETE',
      id.map((value) => `/v1/sessions/${value}`),
    ),
    route(
      'POST',
      id.map((value) => `/v1/sessions/${value}/messages`),
    ),
    route(
      'POST',
      id.map((value) => `/v1/sessions/${value}/messages`),
    ),
    route(
      'POST',
      id.map((value) => `/v1/sessions/${value}/stop`),
    ),
    route(
      'GET',
      id.map((value) => `/v1/sessions/${value}/events`),
    ),
    route('POST', fc.constant('/v1/chat')),
    route(
      'GET',
      id.map((value) => `/v1/chat/${value}/stream`),
    ),
    route('GET', fc.constant('/v1/oauth/callback')),
    route('GET', fc.constant('/dev/oauth/authorize')),
    route('POST', fc.constant('/dev/oauth/decision')),
    route('POST', fc.constant('/dev/oauth/token')),
    route('GET', fc.constantFrom('/health', '/health/live', '/health/ready', '/metrics', '/docs-json', '/', '/favicon.ico')),
    route(
      'GET',
      fc.constantFrom(
        '/assets/js/main.js',
        '/assets/../package.json',
        '/assets/%2e%2e/%2e%2e/package.json',
        '/assets/..%2f..%2fpackage.json',
        '/assets/.env',
      ),
    ),
  );
  const known = fc.oneof(
    fc.constantFrom(
      '/v1/sessions',
      '/v1/sessions/',
      '//v1/sessions',
      '/V1/SESSIONS',
      '/v2/sessions',
      '/v1/oauth/callback',
      '/dev/oauth/token',
    ),
    id.map((value) => `/v1/sessions/${value}`),
    fc
      .tuple(id, fc.constantFrom('messages', 'events', 'stop', 'messages/', 'events/x', '..', '%2e%2e/messages'))
      .map(([value, tail]) => `/v1/sessions/${value}/${tail}`),
  );
  const anything = fc.record({ method: methodArbitrary, path: fc.oneof(known, randomPath) });
  return fc
    .tuple(fc.oneof({ weight: 3, arbitrary: routes }, { weight: 2, arbitrary: anything }), queryString)
    .map(([{ method, path }, query]) => ({ method, path: `${path}${query}` }));
}

/** Headers a client may send, valid or not, including identity and resume headers. */
export function headersArbitrary(targets: FuzzTargets): fc.Arbitrary<Record<string, string>> {
  const value = weirdText.map(headerSafe);
  return fc.record<Record<string, string>>(
    {
      'content-type': fc.oneof(contentTypes, value),
      accept: fc.oneof(
        fc.constantFrom('text/event-stream', 'application/json', '*/*', 'text/html', 'application/json, text/event-stream', 'image/png'),
        value,
      ),
      'x-user-id': fc.oneof(
        fc.constant(targets.owner.userId),
        fc.constantFrom('alice', 'a'.repeat(129), 'bob smith', 'demo-user', '__proto__'),
        value,
      ),
      'x-tenant-id': fc.oneof(fc.constant(targets.owner.tenantId), fc.constantFrom('acme', '', 't'.repeat(200), 'constructor'), value),
      'last-event-id': fc.oneof(
        fc.nat().map(String),
        fc.integer().map(String),
        fc.constantFrom('1e309', 'NaN', '-0', '0x1f', '9007199254740993', ' 3 ', ''),
        value,
      ),
      'idempotency-key': fc.oneof(fc.uuid(), value, fc.constant('k'.repeat(1000))),
      authorization: fc.oneof(
        fc.constantFrom('Bearer', 'Bearer ', 'Bearer a.b.c', 'Basic YWxpY2U6c2VjcmV0', 'Bearer eyJhbGciOiJub25lIn0.e30.'),
        value.map((v) => `Bearer ${v}`),
      ),
      origin: fc.oneof(fc.constantFrom('https://evil.example', 'null', 'http://127.0.0.1'), value),
      'x-forwarded-for': fc.oneof(fc.ipV4(), fc.ipV6(), value),
      'content-encoding': fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown'),
      cookie: value,
      [`x-${'h'.repeat(20)}`]: value,
    },
    { requiredKeys: [] },
  );
}

/** One generated request against the app under test. */
/** `POST /v1/chat` bodies as the AI SDK's transport sends them, for real sessions and others, sound or broken. */
function chatBodyArbitrary(targets: FuzzTargets): fc.Arbitrary<string> {
  const part = fc.oneof(
    fc.constantFrom('hello', 'I want an agent that posts new GitHub issues to #dev on Slack', 'yes', '').map((text) => ({ type: 'text', text })),
    jsonShapes,
  );
  const message = fc.record({ id: fc.string({ maxLength: 8 }), role: fc.constantFrom('user', 'assistant', 'system', 'x'), parts: fc.array(part, { maxLength: 3 }) });
  return fc
    .record(
      {
        id: fc.oneof(fc.constantFrom(...targets.sessionIds), fc.uuid(), jsonShapes),
        messages: fc.oneof(fc.array(message, { minLength: 1, maxLength: 3 }), jsonShapes),
        trigger: fc.constantFrom('submit-message', 'regenerate-message', 'x'),
        messageId: fc.string({ maxLength: 8 }),
        action: fc.constantFrom({ type: 'confirm' }, { type: 'nope' }, 'confirm'),
      },
      { requiredKeys: ['id', 'messages', 'trigger'] },
    )
    .map((body) => JSON.stringify(body));
}

export function requestArbitrary(targets: FuzzTargets): fc.Arbitrary<RawRequest> {
  const body = fc.oneof({ weight: 5, arbitrary: bodyArbitrary }, { weight: 1, arbitrary: chatBodyArbitrary(targets) });
  return (
    fc
      .record({ target: targetArbitrary(targets), headers: headersArbitrary(targets), body })
      // node:http computes the framing itself; a body on GET or DELETE is still sent (servers must cope).
      .map(({ target: { method, path }, headers, body }) => ({ method, path, headers, body: method === 'HEAD' ? undefined : body }))
  );
}
