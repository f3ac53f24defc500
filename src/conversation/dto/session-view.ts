import { missingFields } from '../requirements/requirements-document.js';
import type { Requirements } from '../requirements/requirements.js';
import type { ConversationPhase, ConversationState, IntegrationConnection } from '../state.js';
import { thaw } from '../store/frozen.js';
import type { CommittedState } from '../store/session-store.js';

/** What clients see of a session (API.md, "SessionView"): no secret, no OAuth state, ISO timestamps. */
export interface SessionView {
  sessionId: string;
  userId: string;
  tenantId: string;
  phase: ConversationPhase;
  context: { requirements: Requirements; integrations: IntegrationConnection[]; missing: string[] };
  pendingOauth: { integration: string; provider: string; authorizationUrl: string; expiresAt: string } | null;
  draftAgentId: string | null;
  history: { from: ConversationPhase; to: ConversationPhase; at: string; reason: string }[];
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  version: number;
}

const iso = (epochMs: number): string => new Date(epochMs).toISOString();

export function toSessionView(committed: CommittedState, idleTimeoutMs: number): SessionView {
  // Read only: the view shares the committed (frozen) objects, it copies nothing.
  const state = thaw<ConversationState>(committed);
  const pending = state.pendingOauth;
  return {
    sessionId: state.sessionId,
    userId: state.userId,
    tenantId: state.tenantId,
    phase: state.phase,
    context: {
      requirements: state.context.requirements,
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
