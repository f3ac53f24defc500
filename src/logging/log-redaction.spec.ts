import { describe, expect, it } from '@jest/globals';
import { loggableUrl, sessionIdOf } from './log-redaction.js';

describe('loggableUrl', () => {
  it('hides every query value but the harmless ones', () => {
    expect(loggableUrl('/v1/oauth/callback?state=s3cr3t&code=abc&iss=https%3A%2F%2Fx')).toBe(
      '/v1/oauth/callback?state=[redacted]&code=[redacted]&iss=[redacted]',
    );
    expect(loggableUrl('/v1/oauth/callback?error=access_denied&state=s')).toBe('/v1/oauth/callback?error=access_denied&state=[redacted]');
    expect(loggableUrl('/?sessionId=abc&connected=gmail%3Aconnected')).toBe('/?sessionId=abc&connected=gmail%3Aconnected');
    expect(loggableUrl('/v1/sessions')).toBe('/v1/sessions');
    expect(loggableUrl(undefined)).toBe('');
  });
});

describe('sessionIdOf', () => {
  it('finds the session of /v1/sessions/:id routes only', () => {
    const id = '5b0c2f1e-0a3c-4c41-9a57-1f1a3d0d9c11';
    expect(sessionIdOf(`/v1/sessions/${id}`)).toBe(id);
    expect(sessionIdOf(`/v1/sessions/${id}/messages`)).toBe(id);
    expect(sessionIdOf(`/v1/sessions/${id}?x=1`)).toBe(id);
    expect(sessionIdOf('/v1/sessions')).toBeUndefined();
    expect(sessionIdOf('/v1/sessions/<script>/events')).toBeUndefined();
    expect(sessionIdOf('/health')).toBeUndefined();
  });
});
