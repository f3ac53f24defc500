import type { OpenAPIObject } from '@nestjs/swagger';
import { CHAT_RESPONSE_TYPES } from '../chat-response.js';
import { ACTION_TYPES } from '../phases/turn.js';
import { PHASES } from '../state.js';
import { ERROR_STATUS } from '../../common/errors.js';
import { FILTER_KINDS, REQUIREMENT_KEYS } from '../requirements/requirements.js';

type Schema = Record<string, unknown>;
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: 'null' }] });
const field = (value: Schema): Schema => ({
  type: 'object',
  required: ['value', 'status'],
  properties: { value: nullable(value), status: { enum: ['missing', 'inferred', 'confirmed'] } },
});
const phase: Schema = { enum: [...PHASES] };
const isoDate: Schema = { type: 'string', format: 'date-time' };

/**
 * The answers' bodies of API.md as OpenAPI schemas. Request bodies and queries are described by
 * `@nestjs/swagger` from the very DTO classes the `ApiValidationPipe` validates (e.g. `TurnRequest`).
 */
export const API_SCHEMAS: Record<string, Schema> = {
  ChatAction: {
    type: 'object',
    required: ['type', 'label'],
    properties: { type: { enum: ['reply', 'oauth', ...ACTION_TYPES] }, label: { type: 'string' }, value: { type: 'string' } },
  },
  ChatResponse: {
    type: 'object',
    description:
      'One SSE event of a turn or of /events (`id:` = seq for logged events, `event:` = type). `session_ended` (live only, /events only) ' +
      'is the last event of a stream whose session is gone (deleted, cancelled, expired and removed, lost): `data: { reason: "gone" }`.',
    required: ['sessionId', 'seq', 'type', 'phase', 'content', 'actions', 'oauthUrl', 'data'],
    properties: {
      sessionId: { type: 'string' },
      seq: { type: 'integer', minimum: 0 },
      type: { enum: [...CHAT_RESPONSE_TYPES] },
      phase,
      content: nullable({ type: 'string' }),
      actions: { type: 'array', items: ref('ChatAction') },
      oauthUrl: nullable({ type: 'string', format: 'uri' }),
      data: nullable({ type: 'object', additionalProperties: true }),
    },
  },
  Recurrence: {
    type: 'object',
    description: 'A schedule as people think of it; the trigger\'s `cron` is derived from it.',
    required: ['days', 'times', 'timezone'],
    properties: {
      days: { type: 'array', items: { type: 'integer', minimum: 0, maximum: 6 }, description: '0 = Sunday; all seven = every day' },
      times: { type: 'array', items: { type: 'string', pattern: '^\\d{2}:\\d{2}$' } },
      every: { type: 'object', properties: { minutes: { type: 'integer', minimum: 1 } } },
      dayOfMonth: { type: 'integer', minimum: 1, maximum: 31 },
      timezone: { type: 'string' },
    },
  },
  Trigger: {
    oneOf: [
      {
        type: 'object',
        required: ['type', 'cron', 'description'],
        properties: {
          type: { const: 'schedule' },
          cron: { type: 'string', description: 'Five-field cron derived from `recurrence` (the first time when there are several)' },
          crons: { type: 'array', items: { type: 'string' }, description: 'Every cron, when the times differ in minutes' },
          description: { type: 'string' },
          recurrence: ref('Recurrence'),
        },
      },
      {
        type: 'object',
        required: ['type', 'integration', 'event', 'description'],
        properties: { type: { const: 'event' }, integration: { type: 'string' }, event: { type: 'string' }, description: { type: 'string' } },
      },
      { type: 'object', required: ['type', 'description'], properties: { type: { const: 'manual' }, description: { type: 'string' } } },
    ],
  },
  Destination: {
    type: 'object',
    required: ['kind', 'integration', 'target'],
    properties: {
      kind: { enum: ['channel', 'email', 'dm', 'integration'], description: '`dm`: to the person themselves (target `me`)' },
      integration: nullable({ type: 'string' }),
      target: { type: 'string' },
    },
  },
  Filter: {
    type: 'object',
    required: ['kind', 'text'],
    properties: {
      kind: { enum: [...FILTER_KINDS] },
      value: { type: 'string' },
      op: { enum: ['>', '>=', '<', '<=', '='] },
      text: { type: 'string', description: 'The human form, e.g. `from my manager`, `amount > 500`' },
    },
  },
  RequirementEdit: {
    type: 'object',
    description: 'One applied change, as the `requirements` event reports it (`data.changes.edits`).',
    required: ['op', 'field'],
    properties: {
      op: { enum: ['add', 'remove', 'replace', 'clear'] },
      field: { enum: [...REQUIREMENT_KEYS] },
      value: { description: 'The item added or replaced, or the keys identifying what was removed' },
    },
  },
  Requirements: {
    type: 'object',
    properties: {
      name: field({ type: 'string' }),
      goal: field({ type: 'string' }),
      trigger: field(ref('Trigger')),
      integrations: field({ type: 'array', items: { type: 'string' } }),
      steps: field({ type: 'array', items: { type: 'string' } }),
      destinations: field({ type: 'array', items: ref('Destination') }),
      destination: { ...field(ref('Destination')), deprecated: true, description: 'The first of `destinations` (read `destinations`).' },
      filters: field({ type: 'array', items: ref('Filter') }),
      schedule: nullable({
        type: 'object',
        description: 'A schedule trigger in words (cronstrue) with its next three runs (croner); null for other triggers.',
        properties: { words: { type: 'string' }, nextRuns: { type: 'array', items: isoDate }, timezone: { type: 'string' } },
      }),
    },
  },
  SessionView: {
    type: 'object',
    required: ['sessionId', 'userId', 'tenantId', 'phase', 'context', 'pendingOauth', 'draftAgentId', 'history', 'createdAt', 'updatedAt', 'expiresAt', 'version'],
    properties: {
      sessionId: { type: 'string' },
      userId: { type: 'string' },
      tenantId: { type: 'string' },
      phase,
      context: {
        type: 'object',
        properties: {
          requirements: ref('Requirements'),
          integrations: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                provider: { type: 'string' },
                status: { enum: ['pending', 'connected', 'denied', 'failed', 'expired', 'skipped'] },
              },
            },
          },
          missing: { type: 'array', items: { type: 'string' } },
        },
      },
      pendingOauth: nullable({
        type: 'object',
        properties: { integration: { type: 'string' }, provider: { type: 'string' }, authorizationUrl: { type: 'string' }, expiresAt: isoDate },
      }),
      draftAgentId: nullable({ type: 'string' }),
      history: {
        type: 'array',
        items: { type: 'object', properties: { from: phase, to: phase, at: isoDate, reason: { type: 'string' } } },
      },
      createdAt: isoDate,
      updatedAt: isoDate,
      expiresAt: isoDate,
      version: { type: 'integer', minimum: 0 },
    },
  },
  Error: {
    type: 'object',
    required: ['statusCode', 'code', 'message'],
    properties: { statusCode: { type: 'integer' }, code: { enum: Object.keys(ERROR_STATUS) }, message: { type: 'string' } },
  },
};

const uiMessageStream: Schema = {
  type: 'string',
  description: 'The ai package’s UI message stream (v1): `data:` lines of UIMessageChunk JSON, then `data: [DONE]`',
};

/** Which body each documented answer has, by `METHOD path` and status. */
const BODIES: Record<string, Record<string, { type: string; schema: Schema }>> = {
  'POST /v1/sessions': { '201': { type: 'application/json', schema: ref('SessionView') } },
  'GET /v1/sessions': {
    '200': { type: 'application/json', schema: { type: 'object', properties: { sessions: { type: 'array', items: ref('SessionView') } } } },
  },
  'GET /v1/sessions/{id}': { '200': { type: 'application/json', schema: ref('SessionView') } },
  'POST /v1/sessions/{id}/messages': {
    '200': { type: 'text/event-stream', schema: { type: 'string', description: 'SSE frames, each `data:` a ChatResponse' } },
  },
  'GET /v1/sessions/{id}/events': {
    '200': { type: 'text/event-stream', schema: { type: 'string', description: 'SSE frames, each `data:` a ChatResponse' } },
  },
  'POST /v1/chat': { '200': { type: 'text/event-stream', schema: uiMessageStream } },
  'GET /v1/chat/{id}/stream': { '200': { type: 'text/event-stream', schema: uiMessageStream } },
};

/**
 * Adds the schemas to a generated document and points the session routes' answers at them: 2xx at their
 * bodies, every 4xx/5xx at `Error`.
 */
export function describeApiBodies(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...(API_SCHEMAS as Record<string, object>) } };
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations as Record<string, { responses?: Record<string, Schema> }>)) {
      if (!path.startsWith('/v1/') || !operation.responses) continue;
      const bodies = BODIES[`${method.toUpperCase()} ${path}`] ?? {};
      for (const [status, response] of Object.entries(operation.responses)) {
        const body = bodies[status] ?? (Number(status) >= 400 ? { type: 'application/json', schema: ref('Error') } : undefined);
        if (body) response['content'] = { ...(response['content'] as object | undefined), [body.type]: { schema: body.schema } };
      }
    }
  }
  return document;
}
