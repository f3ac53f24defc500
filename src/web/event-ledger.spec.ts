import { describe, expect, it } from '@jest/globals';
import { EventLedger } from '../../web/src/event-ledger.js';
import type { ChatResponse } from '../../web/src/types.js';

function event(seq: number, type: ChatResponse['type'], extra: Partial<ChatResponse> = {}): ChatResponse {
  return { sessionId: 's', seq, type, phase: 'DISCOVERY', content: null, actions: [], oauthUrl: null, data: null, ...extra };
}

describe(EventLedger.name, () => {
  it('admits each durable seq once, whichever stream brings it first', () => {
    const ledger = new EventLedger();
    const fromTurn = [1, 2, 3].map((seq) => ledger.admit(event(seq, 'message')));
    const fromEvents = [2, 3, 4].map((seq) => ledger.admit(event(seq, 'message')));
    expect(fromTurn).toEqual([true, true, true]);
    expect(fromEvents).toEqual([false, false, true]);
    expect(ledger.maxSeq).toBe(4);
  });

  it('keeps an event that repeats the seq of another type (a live-only event framed with an id)', () => {
    const ledger = new EventLedger();
    ledger.admit(event(5, 'done'));
    expect(ledger.admit(event(5, 'error'))).toBe(true);
    expect(ledger.admit(event(5, 'done'))).toBe(false);
  });

  it('drops deltas of a message already shown whole, keeps those of the next one', () => {
    const ledger = new EventLedger();
    ledger.admit(event(5, 'phase'));
    expect(ledger.admitDelta(event(5, 'delta'))).toBe(true);
    ledger.admit(event(6, 'message')); // arrived over /events before the POST stream's deltas
    expect(ledger.admitDelta(event(5, 'delta'))).toBe(false);
    expect(ledger.admitDelta(event(6, 'delta'))).toBe(true);
  });

  it('takes the phase from the latest event only, and from `to` for a phase change', () => {
    const ledger = new EventLedger();
    expect(ledger.phaseAfter(event(3, 'phase', { phase: 'DISCOVERY', data: { from: 'DISCOVERY', to: 'OAUTH_FLOW' } }))).toBe('OAUTH_FLOW');
    expect(ledger.phaseAfter(event(2, 'message', { phase: 'DISCOVERY' }))).toBeNull();
    expect(ledger.phaseAfter(event(4, 'done', { phase: 'OAUTH_FLOW' }))).toBe('OAUTH_FLOW');
  });

  it('forgets everything on reset', () => {
    const ledger = new EventLedger();
    ledger.admit(event(1, 'message'));
    ledger.reset();
    expect(ledger.admit(event(1, 'message'))).toBe(true);
  });
});
