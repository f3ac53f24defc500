import { missingFields } from '../requirements/requirements-document.js';
import { toRequirementsView, type RequirementsView } from '../requirements/requirements-view.js';
import type { ConversationPhase, ConversationState, IntegrationConnection } from '../state.js';
import { thaw } from '../store/frozen.js';
import type { CommittedState } from '../store/session-store.js';

/** What clients see of a session (API.md, "SessionView"): no secret, no OAuth state, ISO timestamps. */
export interface SessionView {
  sessionId: string;
  userId: string;
  tenantId: string;
  phase: ConversationPhase;
  context: { requirements: RequirementsView; integrations: IntegrationConnection[]; missing: string[] };
  pendingOauth: { integration: string; provider: string; authorizationUrl: string; expiresAt: string } | null;
  draftAgentId: string | null;
  history: { from: ConversationPhase; to: ConversationPhase; at: string; reason: string }[];
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  version: number;
}

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

/** `now` places the schedule's next runs (the caller's clock). */
export function toSessionView(committed: CommittedState, idleTimeoutMs: number, now: number): SessionView {
  // Read only: the view shares the committed (frozen) objects, it copies nothing.
  const state = thaw<ConversationState>(committed);
  const pending = state.pendingOauth;
  return {
    sessionId: state.sessionId,
    userId: state.userId,
    tenantId: state.tenantId,
    phase: state.phase,
    context: {
      requirements: toRequirementsView(state.context.requirements, now),
      integrations: state.context.integrations,
      missing: missingFields(state.context.requirements),
    },
    pendingOauth: pending
      ? { integration: pending.integration, provider: pending.provider, authorizationUrl: pending.authorizationUrl, expiresAt: iso(pending.expiresAt) }
      : null,
    draftAgentId: state.draftAgentId,
    history: state.history.map((record) => ({ ...record, at: iso(record.at) })),
    createdAt: iso(state.createdAt),
    updatedAt: iso(state.updatedAt),
    expiresAt: iso(state.expiredAt ?? state.lastActivityAt + idleTimeoutMs),
    version: state.version,
  };
}
