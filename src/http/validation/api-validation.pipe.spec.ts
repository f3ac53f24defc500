import { describe, expect, it } from '@jest/globals';
import type { ArgumentMetadata } from '@nestjs/common';
import { DomainError } from '../../common/errors.js';
import { EventsQuery } from '../../conversation/dto/events-query.dto.js';
import { OauthCallbackQuery } from '../../conversation/dto/oauth-callback-query.dto.js';
import { toTurnInput, TurnRequest } from '../../conversation/dto/turn-request.dto.js';
import { ChatRequest } from '../../chat/chat-request.dto.js';
import { ApiValidationPipe, MAX_BODY_DEPTH, nestedDeeperThan } from './api-validation.pipe.js';

const pipe = new ApiValidationPipe();
const body = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'body', metatype });
const query = (metatype: ArgumentMetadata['metatype']): ArgumentMetadata => ({ type: 'query', metatype });

/** The message of the 400 a value gets, or null when it passes. */
async function refusal(value: unknown, metadata: ArgumentMetadata): Promise<string | null> {
  try {
    await pipe.transform(value, metadata);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    return (error as DomainError).message;
  }
}

describe(ApiValidationPipe.name, () => {
  it('builds a trimmed turn request and the service input from it', async () => {
    const request = (await pipe.transform({ message: '  hello  ' }, body(TurnRequest))) as TurnRequest;
    expect(request).toBeInstanceOf(TurnRequest);
    expect(toTurnInput(request)).toEqual({ text: 'hello' });
    expect(toTurnInput((await pipe.transform({ action: { type: 'retry' } }, body(TurnRequest))) as TurnRequest)).toEqual({ action: 'retry' });
  });

  it.each<[string, unknown, string]>([
    ['empty', { message: '  ' }, 'message: must not be empty'],
    ['too long', { message: 'x'.repeat(4001) }, 'message: must be at most 4000 characters'],
    ['not text', { message: 42 }, 'message: must be a string'],
    ['neither', {}, 'message: send exactly one of "message" and "action"'],
    ['both', { message: 'hi', action: { type: 'confirm' } }, 'message: send exactly one of "message" and "action"'],
    ['unknown field', { message: 'hi', tenantId: 'evil' }, 'tenantId: property tenantId should not exist'],
    ['unknown nested field', { action: { type: 'confirm', extra: 1 } }, 'action.extra: property extra should not exist'],
    ['unknown action', { action: { type: 'activate' } }, 'action.type: must be one of confirm, back, restart, cancel, skip, retry'],
    ['action not an object', { action: 'confirm' }, 'action: must be an object { type }'],
  ])('refuses a turn request that is %s, naming the field path', async (_, value, message) => {
    expect(await refusal(value, body(TurnRequest))).toBe(message);
  });

  it('refuses what is not an object at all', async () => {
    for (const value of [[{ message: 'hi' }], 'hi', 7, null, undefined]) {
      expect(await refusal(value, body(TurnRequest))).toEqual(expect.any(String));
    }
  });

  it('refuses a body nested deeper than the limit with a 400, however deep (no stack overflow)', async () => {
    const nested = (depth: number): unknown => JSON.parse('['.repeat(depth) + ']'.repeat(depth));
    for (const metatype of [TurnRequest, ChatRequest]) {
      expect(await refusal(nested(5000), body(metatype))).toBe(`The request is nested too deeply (at most ${MAX_BODY_DEPTH} levels).`);
      expect(await refusal({ messages: [nested(200)] }, body(metatype))).toMatch(/nested too deeply/);
    }
    expect(nestedDeeperThan(nested(MAX_BODY_DEPTH), MAX_BODY_DEPTH)).toBe(false);
    expect(nestedDeeperThan(nested(MAX_BODY_DEPTH + 1), MAX_BODY_DEPTH)).toBe(true);
    expect(nestedDeeperThan({ a: { b: 'text', c: [1, null, { d: 2 }] } }, 4)).toBe(false);
    expect(nestedDeeperThan({ a: { b: 'text', c: [1, null, { d: {} }] } }, 4)).toBe(true);
  });

  it('reads lastEventId as a seq and refuses anything else, or an unknown parameter', async () => {
    expect(await pipe.transform({ lastEventId: '7' }, query(EventsQuery))).toEqual({ lastEventId: 7 });
    expect(await pipe.transform({}, query(EventsQuery))).toEqual({});
    expect(await refusal({ lastEventId: 'abc' }, query(EventsQuery))).toBe('lastEventId: must be a seq (0 or more)');
    expect(await refusal({ lastEventId: ['1', '2'] }, query(EventsQuery))).toBe('lastEventId: must be a seq (0 or more)');
    expect(await refusal({ since: '1' }, query(EventsQuery))).toBe('since: property since should not exist');
  });

  it("drops a provider's own callback parameters and takes the first of repeated ones", async () => {
    const callback = await pipe.transform({ state: ['s1', 's2'], code: 'c', scope: 'email', authuser: '0' }, query(OauthCallbackQuery));
    expect(callback).toEqual({ state: 's1', code: 'c' });
  });

  it('leaves path parameters and untyped values alone', async () => {
    expect(await pipe.transform('../x', { type: 'param', metatype: String, data: 'id' })).toBe('../x');
    expect(await pipe.transform({ any: 1 }, { type: 'query', metatype: Object })).toEqual({ any: 1 });
  });
});
