import { describe, expect, it } from '@jest/globals';

import { LlmMetrics, SESSION_USAGE_CAP } from './llm-metrics.js';

describe(LlmMetrics.name, () => {
  it('adds up token usage per session and per process', () => {
    const metrics = new LlmMetrics();
    metrics.onUsage({ promptTokens: 100, completionTokens: 20 });
    expect(metrics.addSessionUsage('a', { promptTokens: 100, completionTokens: 20 })).toEqual({ promptTokens: 100, completionTokens: 20, turns: 1 });
    expect(metrics.addSessionUsage('a', { promptTokens: 50, completionTokens: 5 })).toEqual({ promptTokens: 150, completionTokens: 25, turns: 2 });
    metrics.addSessionUsage('b', { promptTokens: 1, completionTokens: 1 });

    expect(metrics.sessionUsage('a')).toEqual({ promptTokens: 150, completionTokens: 25, turns: 2 });
    expect(metrics.sessionUsage('missing')).toBeUndefined();
    expect(metrics.snapshot()).toMatchObject({ promptTokens: 100, completionTokens: 20, sessionsWithUsage: 2 });
  });

  it('keeps at most the cap of sessions, dropping the least recently used', () => {
    const metrics = new LlmMetrics();
    const one = { promptTokens: 1, completionTokens: 1 };
    for (let index = 0; index < SESSION_USAGE_CAP; index++) metrics.addSessionUsage(`s${index}`, one);
    metrics.addSessionUsage('s0', one); // used again: now the most recent
    metrics.addSessionUsage('new', one);

    expect(metrics.snapshot().sessionsWithUsage).toBe(SESSION_USAGE_CAP);
    expect(metrics.sessionUsage('s0')?.turns).toBe(2);
    expect(metrics.sessionUsage('s1')).toBeUndefined();
    expect(metrics.sessionUsage('new')?.turns).toBe(1);
  });

  it('hands out copies', () => {
    const metrics = new LlmMetrics();
    metrics.addSessionUsage('a', { promptTokens: 1, completionTokens: 1 });
    metrics.sessionUsage('a')!.promptTokens = 99;
    expect(metrics.sessionUsage('a')?.promptTokens).toBe(1);
  });
});
