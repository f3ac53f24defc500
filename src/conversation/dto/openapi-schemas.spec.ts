import { describe, expect, it } from '@jest/globals';
import type { OpenAPIObject } from '@nestjs/swagger';
import { API_SCHEMAS, describeApiBodies } from './openapi-schemas.js';

describe(describeApiBodies.name, () => {
  const document = (): OpenAPIObject => ({
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    components: {},
    paths: {
      '/v1/sessions/{id}': { get: { responses: { '200': { description: 'ok' }, '404': { description: 'missing' } } } },
      '/v1/sessions/{id}/messages': { post: { responses: { '200': { description: 'stream' } } } },
      '/health': { get: { responses: { '200': { description: 'ok' } } } },
    },
  });

  it('adds the schemas of API.md and points the session routes at them', () => {
    const described = describeApiBodies(document());
    expect(Object.keys(described.components!.schemas!)).toEqual(expect.arrayContaining(Object.keys(API_SCHEMAS)));
    const get = described.paths['/v1/sessions/{id}']!.get!;
    expect(get.responses['200']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/SessionView' } } } });
    expect(get.responses['404']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
    const post = described.paths['/v1/sessions/{id}/messages']!.post!;
    expect(post.responses['200']).toMatchObject({ content: { 'text/event-stream': expect.any(Object) } });
    expect(described.paths['/health']!.get!.responses['200']).toEqual({ description: 'ok' });
  });
});
