import type { EditRecord } from './requirements/edit-history.js';
import { emptyRequirements, type Requirements } from './requirements/requirements.js';
import { deepFreeze } from './store/frozen.js';

/** The phases of a conversation, in the order a successful one passes through them. */
export enum ConversationPhase {
  IDLE = 'IDLE',
  DISCOVERY = 'DISCOVERY',
  OAUTH_FLOW = 'OAUTH_FLOW',
  REQUIREMENTS = 'REQUIREMENTS',
  GENERATION = 'GENERATION',
  TESTING = 'TESTING',
  ACTIVATION = 'ACTIVATION',
  COMPLETE = 'COMPLETE',
}

/** Every phase, exhaustively; registries are built from this tuple and checked against it at boot. */
export const PHASES: readonly ConversationPhase[] = Object.values(ConversationPhase);

/** Status of one integration the agent needs (API.md, SessionView). */
export type IntegrationStatus = 'pending' | 'connected' | 'denied' | 'failed' | 'expired' | 'skipped';

export interface IntegrationConnection {
  /** Catalog id, e.g. `gmail`. */
  id: string;
  /** OAuth provider id, e.g. `google`. */
  provider: string;
  status: IntegrationStatus;
}

/** The OAuth step the session is waiting on. Holds no secret: the verifier lives in the OAuth state record. */
export interface PendingOauth {
  integration: string;
  provider: string;
  authorizationUrl: string;
  /** Epoch ms after which the `state` is no longer accepted. */
  expiresAt: number;
  /** The `state` parameter of the authorization URL (also inside it); used to match the callback. */
  state: string;
}

/** One phase change, as recorded in the session's history. */
export interface TransitionRecord {
  from: ConversationPhase;
  to: ConversationPhase;
  /** Epoch ms. */
  at: number;
  reason: string;
}

/** One line of the conversation, kept (capped) so an LLM interpreter can see recent context. */
export interface TranscriptEntry {
  role: 'user' | 'assistant';
  text: string;
}

/** Test run of a draft agent, as shown in `test_result`. */
export interface TestRunSummary {
  passed: boolean;
  cases: { name: string; passed: boolean; output: string }[];
}

export interface ConversationContext {
  requirements: Requirements;
  integrations: IntegrationConnection[];
  /** Last few user and assistant lines (capped). */
  transcript: TranscriptEntry[];
  lastTestRun: TestRunSummary | null;
  /** The last turns' applied edits, newest last, capped: what "undo that" reverts. Absent in older sessions. */
  editHistory?: EditRecord[];
}

/** Lifecycle of the session record itself; `expired` records are tombstones answering 410 for a while. */
export type SessionStatus = 'active' | 'expired';

/** The whole persisted state of one conversation. */
export interface ConversationState {
  sessionId: string;
  userId: string;
  tenantId: string;
  phase: ConversationPhase;
  status: SessionStatus;
  context: ConversationContext;
  pendingOauth: PendingOauth | null;
  /**
   * While in OAUTH_FLOW: the open authorization request of each unresolved integration (integrations
   * of one provider share one), so they can be connected in any order; `pendingOauth` is the current
   * one. Holds no secret. Absent in sessions saved before the checklist existed.
   */
  oauthRequests?: PendingOauth[];
  draftAgentId: string | null;
  /** Phase changes, newest last, capped. */
  history: TransitionRecord[];
  /** Incremented by exactly one on every committed save. */
  version: number;
  /** Sequence number of the last durable event of this session (0 before any). */
  lastEventSeq: number;
  /** Epoch ms timestamps. */
  createdAt: number;
  updatedAt: number;
  /** The idle clock: moved by turns only, not by background saves. */
  lastActivityAt: number;
  /** Set once the `expiring` warning has been published for the current idle period. */
  expiryWarnedAt: number | null;
  /** Set when the session expired (status `expired`). */
  expiredAt: number | null;
}

/** Who is asking: every read and write is scoped by both. */
export interface SessionOwner {
  userId: string;
  tenantId: string;
}

/**
 * The context and history of every new session: one frozen object shared by all of them. States are
 * never changed in place (a turn makes new objects; the stores freeze what they keep), so sharing is
 * safe, and a million fresh sessions hold one context instead of a million (heap, and GC marking).
 */
const EMPTY_CONTEXT: ConversationContext = deepFreeze({ requirements: emptyRequirements(), integrations: [], transcript: [], lastTestRun: null });
const NO_HISTORY: TransitionRecord[] = deepFreeze([]);

/** A new session in IDLE at version 0, everything empty; `now` starts its idle clock. */
export function newConversationState(sessionId: string, owner: SessionOwner, now: number): ConversationState {
  return {
    sessionId,
    userId: owner.userId,
    tenantId: owner.tenantId,
    phase: ConversationPhase.IDLE,
    status: 'active',
    context: EMPTY_CONTEXT,
    pendingOauth: null,
    draftAgentId: null,
    history: NO_HISTORY,
    version: 0,
    lastEventSeq: 0,
    createdAt: now,
    updatedAt: now,
    lastActivityAt: now,
    expiryWarnedAt: null,
    expiredAt: null,
  };
}
