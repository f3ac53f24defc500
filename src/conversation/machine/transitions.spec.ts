import { describe, expect, it } from '@jest/globals';
import { confirmAll, mergeRequirements } from '../requirements/requirements-document.js';
import { emptyRequirements } from '../requirements/requirements.js';
import { type ConversationState, ConversationPhase as P, PHASES } from '../state.js';
import { backTarget, findEdge, transition, TRANSITIONS, type TransitionReason } from './transitions.js';

const AT = Date.UTC(2026, 0, 1);

function stateIn(phase: P, overrides: Partial<ConversationState> = {}): ConversationState {
  return {
    sessionId: 's1',
    userId: 'u1',
    tenantId: 't1',
    phase,
    status: 'active',
    context: { requirements: emptyRequirements(), integrations: [], transcript: [], lastTestRun: null },
    pendingOauth: null,
    draftAgentId: null,
    history: [],
    version: 3,
    lastEventSeq: 0,
    createdAt: AT,
    updatedAt: AT,
    lastActivityAt: AT,
    expiryWarnedAt: null,
    expiredAt: null,
    ...overrides,
  };
}

const completeRequirements = mergeRequirements(emptyRequirements(), {
  goal: 'summarize unread email',
  integrations: ['gmail', 'slack'],
  trigger: { type: 'schedule', cron: '0 8 * * *', description: 'every day at 8:00' },
  destination: { kind: 'channel', integration: 'slack', target: '#team' },
});

/** A state that satisfies the edge's guard, so the test checks the table and not the guard. */
function satisfying(from: P, to: P, reason: TransitionReason): ConversationState {
  const pending = [{ id: 'gmail', provider: 'google', status: 'pending' as const }];
  const connected = [{ id: 'gmail', provider: 'google', status: 'connected' as const }];
  const needsConnection =
    (to === P.OAUTH_FLOW && reason !== 'back' && reason !== 'restart') || (from === P.OAUTH_FLOW && to === P.OAUTH_FLOW);
  return stateIn(from, {
    draftAgentId: 'agt_1',
    context: {
      requirements: confirmAll(completeRequirements),
      integrations: needsConnection ? pending : connected,
      transcript: [],
      lastTestRun: null,
    },
  });
}

const allowed = TRANSITIONS.flatMap((edge) => edge.reasons.map((reason) => ({ from: edge.from, to: edge.to, reason })));

describe('transition table', () => {
  it.each(allowed)('allows $from → $to for "$reason"', ({ from, to, reason }) => {
    const result = transition(satisfying(from, to, reason), to, reason, AT, 10);
    expect(result).toMatchObject({ ok: true, record: { from, to, at: AT, reason } });
    if (result.ok) {
      expect(result.state.phase).toBe(to);
      expect(result.state.history.at(-1)).toEqual(result.record);
    }
  });

  const pairs = PHASES.flatMap((from) => PHASES.map((to) => ({ from, to })));
  const refused = pairs.filter(
    ({ from, to }) => !TRANSITIONS.some((edge) => edge.from === from && edge.to === to) && to !== P.DISCOVERY,
  );

  it.each(refused)('refuses $from → $to for every reason', ({ from, to }) => {
    const reasons = new Set(TRANSITIONS.flatMap((edge) => edge.reasons));
    for (const reason of [...reasons, 'restart' as const]) {
      const result = transition(satisfying(from, to, reason), to, reason, AT, 10);
      expect({ from, to, reason, ok: result.ok }).toEqual({ from, to, reason, ok: false });
    }
  });

  it('refuses an existing edge under a reason it does not accept', () => {
    expect(transition(stateIn(P.TESTING, { draftAgentId: 'a' }), P.ACTIVATION, 'back', AT, 10).ok).toBe(false);
    expect(transition(stateIn(P.IDLE), P.DISCOVERY, 'build_another', AT, 10).ok).toBe(false);
  });

  it.each(PHASES)('allows restart from %s to DISCOVERY only', (from) => {
    expect(transition(stateIn(from), P.DISCOVERY, 'restart', AT, 10).ok).toBe(true);
    for (const to of PHASES.filter((phase) => phase !== P.DISCOVERY)) {
      expect(transition(stateIn(from), to, 'restart', AT, 10).ok).toBe(false);
    }
  });

  it('reaches every phase from IDLE', () => {
    const reached = new Set<P>([P.IDLE]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const edge of TRANSITIONS) {
        if (reached.has(edge.from) && !reached.has(edge.to)) {
          reached.add(edge.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...PHASES].sort());
  });

  it('does not change the state it was given', () => {
    const state = stateIn(P.IDLE);
    const copy = structuredClone(state);
    transition(state, P.DISCOVERY, 'first_message', AT, 10);
    expect(state).toEqual(copy);
  });

  it('caps the history, dropping the oldest entries', () => {
    let state = stateIn(P.IDLE);
    for (let index = 0; index < 5; index++) {
      const result = transition(state, P.DISCOVERY, 'restart', AT + index, 3);
      if (!result.ok) throw new Error(result.refusal);
      state = result.state;
    }
    expect(state.history.map((record) => record.at)).toEqual([AT + 2, AT + 3, AT + 4]);
  });
});

describe('guards', () => {
  it('keeps DISCOVERY out of REQUIREMENTS while a connection is pending', () => {
    const state = stateIn(P.DISCOVERY, {
      context: { ...stateIn(P.DISCOVERY).context, integrations: [{ id: 'slack', provider: 'slack', status: 'pending' }] },
    });
    const result = transition(state, P.REQUIREMENTS, 'integrations_ready', AT, 10);
    expect(result).toEqual({ ok: false, refusal: expect.stringContaining('every integration connected or skipped') });
    expect(transition(state, P.OAUTH_FLOW, 'integrations_need_connecting', AT, 10).ok).toBe(true);
  });

  it('treats denied and failed connections as unresolved and skipped ones as resolved', () => {
    const withStatus = (status: 'denied' | 'skipped') =>
      stateIn(P.OAUTH_FLOW, { context: { ...stateIn(P.OAUTH_FLOW).context, integrations: [{ id: 'slack', provider: 'slack', status }] } });
    expect(transition(withStatus('denied'), P.REQUIREMENTS, 'oauth_complete', AT, 10).ok).toBe(false);
    expect(transition(withStatus('skipped'), P.REQUIREMENTS, 'oauth_skipped', AT, 10).ok).toBe(true);
  });

  it('lets REQUIREMENTS into GENERATION only when complete and confirmed', () => {
    const unconfirmed = stateIn(P.REQUIREMENTS, { context: { ...stateIn(P.REQUIREMENTS).context, requirements: completeRequirements } });
    expect(transition(unconfirmed, P.GENERATION, 'requirements_confirmed', AT, 10).ok).toBe(false);
    const incomplete = stateIn(P.REQUIREMENTS, {
      context: { ...stateIn(P.REQUIREMENTS).context, requirements: confirmAll(mergeRequirements(emptyRequirements(), { goal: 'x' })) },
    });
    expect(transition(incomplete, P.GENERATION, 'requirements_confirmed', AT, 10).ok).toBe(false);
    const confirmed = stateIn(P.REQUIREMENTS, { context: { ...stateIn(P.REQUIREMENTS).context, requirements: confirmAll(completeRequirements) } });
    expect(transition(confirmed, P.GENERATION, 'requirements_confirmed', AT, 10).ok).toBe(true);
  });

  it('needs a draft to test or activate', () => {
    expect(transition(stateIn(P.GENERATION), P.TESTING, 'draft_generated', AT, 10).ok).toBe(false);
    expect(transition(stateIn(P.TESTING), P.ACTIVATION, 'test_accepted', AT, 10).ok).toBe(false);
  });
});

describe(backTarget.name, () => {
  it.each([
    [P.OAUTH_FLOW, P.DISCOVERY],
    [P.REQUIREMENTS, P.DISCOVERY],
    [P.GENERATION, P.REQUIREMENTS],
    [P.TESTING, P.REQUIREMENTS],
    [P.ACTIVATION, P.TESTING],
  ])('goes back from %s to %s', (from, to) => {
    expect(backTarget(from)).toBe(to);
    expect(findEdge(from, to, 'back')).toBeDefined();
  });

  it.each([P.IDLE, P.DISCOVERY, P.COMPLETE])('has nowhere to go back to from %s', (from) => {
    expect(backTarget(from)).toBeUndefined();
  });
});
