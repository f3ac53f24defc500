import { ConversationPhase as P, type ConversationState, type IntegrationConnection, type TransitionRecord } from '../state.js';
import { isComplete } from '../requirements/requirements-document.js';

/** Why a phase changes; each edge of the table names the reasons it accepts. */
export type TransitionReason =
  | 'first_message'
  | 'integrations_need_connecting'
  | 'integrations_ready'
  | 'next_integration'
  | 'oauth_complete'
  | 'oauth_skipped'
  | 'new_integration'
  | 'requirements_confirmed'
  | 'draft_generated'
  | 'generation_failed'
  | 'test_accepted'
  | 'change_requested'
  | 'regenerate'
  | 'activated'
  | 'build_another'
  | 'back'
  | 'restart';

/** An integration the agent needs that is neither connected nor skipped (pending, denied, failed, expired). */
export function isUnresolved(connection: IntegrationConnection): boolean {
  return connection.status !== 'connected' && connection.status !== 'skipped';
}

/** A guard sees the state as it will be committed (before the phase change) and says whether the edge may be taken. */
export interface TransitionGuard {
  name: string;
  allows(state: ConversationState): boolean;
}

export interface Edge {
  from: P;
  to: P;
  reasons: readonly TransitionReason[];
  guard?: TransitionGuard;
}

const noPendingConnection: TransitionGuard = {
  name: 'every integration connected or skipped',
  allows: (state) => !state.context.integrations.some(isUnresolved),
};
const someConnectionPending: TransitionGuard = {
  name: 'an integration still to connect',
  allows: (state) => state.context.integrations.some(isUnresolved),
};
const requirementsConfirmed: TransitionGuard = {
  name: 'requirements complete and confirmed',
  allows: (state) => isComplete(state.context.requirements, { confirmed: true }),
};
const draftExists: TransitionGuard = {
  name: 'a draft agent exists',
  allows: (state) => state.draftAgentId !== null,
};

/** The state chart of DESIGN.md as data: the only edges a conversation can take (plus `restart`, below). */
export const TRANSITIONS: readonly Edge[] = [
  { from: P.IDLE, to: P.DISCOVERY, reasons: ['first_message'] },
  { from: P.DISCOVERY, to: P.OAUTH_FLOW, reasons: ['integrations_need_connecting'], guard: someConnectionPending },
  { from: P.DISCOVERY, to: P.REQUIREMENTS, reasons: ['integrations_ready'], guard: noPendingConnection },
  { from: P.OAUTH_FLOW, to: P.OAUTH_FLOW, reasons: ['next_integration'], guard: someConnectionPending },
  { from: P.OAUTH_FLOW, to: P.REQUIREMENTS, reasons: ['oauth_complete', 'oauth_skipped'], guard: noPendingConnection },
  { from: P.OAUTH_FLOW, to: P.DISCOVERY, reasons: ['back'] },
  { from: P.REQUIREMENTS, to: P.OAUTH_FLOW, reasons: ['new_integration'], guard: someConnectionPending },
  { from: P.REQUIREMENTS, to: P.GENERATION, reasons: ['requirements_confirmed'], guard: requirementsConfirmed },
  { from: P.REQUIREMENTS, to: P.DISCOVERY, reasons: ['back'] },
  { from: P.GENERATION, to: P.TESTING, reasons: ['draft_generated'], guard: draftExists },
  { from: P.GENERATION, to: P.REQUIREMENTS, reasons: ['generation_failed', 'back'] },
  { from: P.TESTING, to: P.ACTIVATION, reasons: ['test_accepted'], guard: draftExists },
  { from: P.TESTING, to: P.REQUIREMENTS, reasons: ['change_requested', 'back'] },
  { from: P.TESTING, to: P.GENERATION, reasons: ['regenerate'] },
  { from: P.ACTIVATION, to: P.COMPLETE, reasons: ['activated'] },
  { from: P.ACTIVATION, to: P.TESTING, reasons: ['back'] },
  { from: P.COMPLETE, to: P.DISCOVERY, reasons: ['build_another'] },
];

/** Every phase may restart to DISCOVERY (requirements are cleared by the caller). */
const RESTART_TARGET = P.DISCOVERY;

export type TransitionResult =
  | { ok: true; state: ConversationState; record: TransitionRecord }
  | { ok: false; refusal: string };

/** The edge `from → to` that accepts `reason`, if the table has one. */
export function findEdge(from: P, to: P, reason: TransitionReason): Edge | undefined {
  if (reason === 'restart') return to === RESTART_TARGET ? { from, to, reasons: ['restart'] } : undefined;
  return TRANSITIONS.find((edge) => edge.from === from && edge.to === to && edge.reasons.includes(reason));
}

/** Where `back` leads from a phase, or undefined where there is no going back. */
export function backTarget(from: P): P | undefined {
  return TRANSITIONS.find((edge) => edge.from === from && edge.reasons.includes('back'))?.to;
}

/**
 * The pure transition: a new state in phase `to` with the change recorded in its history (capped at
 * `historyCap`), or a refusal naming why. Runs nothing and does not touch `state`.
 */
export function transition(
  state: ConversationState,
  to: P,
  reason: TransitionReason,
  at: number,
  historyCap: number,
): TransitionResult {
  const edge = findEdge(state.phase, to, reason);
  if (!edge) return { ok: false, refusal: `no edge ${state.phase} → ${to} for "${reason}"` };
  if (edge.guard && !edge.guard.allows(state)) {
    return { ok: false, refusal: `${state.phase} → ${to} refused: needs ${edge.guard.name}` };
  }
  const record: TransitionRecord = { from: state.phase, to, at, reason };
  const history = [...state.history, record];
  return {
    ok: true,
    record,
    state: { ...state, phase: to, history: history.length > historyCap ? history.slice(-historyCap) : history },
  };
}
