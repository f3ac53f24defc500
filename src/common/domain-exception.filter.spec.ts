import { describe, expect, it } from '@jest/globals';
import { BadRequestException, HttpException, NotFoundException } from '@nestjs/common';
import { toErrorBody } from './domain-exception.filter.js';
import { DomainError, ERROR_STATUS } from './errors.js';

describe(toErrorBody.name, () => {
  it.each([
    ['a domain error', new DomainError('TURN_IN_PROGRESS', 'busy'), 409, 'TURN_IN_PROGRESS'],
    ['an unknown route', new NotFoundException(), 404, 'ROUTE_NOT_FOUND'],
    ['a Nest 400', new BadRequestException('bad'), 400, 'VALIDATION_FAILED'],
    ['an unmapped 4xx', new HttpException('teapot', 418), 400, 'VALIDATION_FAILED'],
    ['malformed JSON', Object.assign(new SyntaxError('x'), { status: 400, type: 'entity.parse.failed' }), 400, 'VALIDATION_FAILED'],
    ['an oversized body', Object.assign(new Error('x'), { status: 413, type: 'entity.too.large' }), 413, 'PAYLOAD_TOO_LARGE'],
    ['an unsupported charset', Object.assign(new Error('x'), { status: 415, type: 'charset.unsupported' }), 400, 'VALIDATION_FAILED'],
    ['anything else', new TypeError('boom at file.ts:1'), 500, 'INTERNAL_ERROR'],
  ])('maps %s to %i %s, with a status that matches the code', (_, error, statusCode, code) => {
    const body = toErrorBody(error);
    expect(body).toEqual({ statusCode, code, message: expect.any(String) });
    expect(ERROR_STATUS[body.code]).toBe(body.statusCode);
    expect(body.message).not.toContain('file.ts');
  });
});
