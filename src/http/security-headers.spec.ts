import { describe, expect, it } from '@jest/globals';
import type { NextFunction, Request, Response } from 'express';
import { securityHeaders } from './security-headers.js';

/** The headers the middleware sets on a request for `path`. */
function headersFor(path: string): Record<string, string> {
  const set: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string) => void (set[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete set[name.toLowerCase()],
  } as unknown as Response;
  let called = false;
  securityHeaders()({ path, method: 'GET', headers: {} } as Request, res, (() => (called = true)) as NextFunction);
  expect(called).toBe(true);
  return set;
}

describe(securityHeaders.name, () => {
  it('gives turn and event streams the short list: nosniff, HSTS, no framing, no referrer, a CSP allowing nothing', () => {
    for (const path of ['/v1/sessions/abc/messages', '/v1/sessions/abc/events']) {
      const headers = headersFor(path);
      expect(headers).toEqual({
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'strict-transport-security': expect.stringMatching(/max-age=\d+/),
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
      });
    }
  });

  it("gives every other answer helmet's page headers", () => {
    const headers = headersFor('/v1/sessions');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
  });
});
