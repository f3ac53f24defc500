import type { ChatResponse, ChatResponseType } from '../../src/conversation/chat-response.js';
import { type ConversationState, ConversationPhase, newConversationState, type SessionOwner } from '../../src/conversation/state.js';
import { thaw } from '../../src/conversation/store/frozen.js';
import type { CommittedState, OauthStateRecord } from '../../src/conversation/store/session-store.js';

/** Builders for the store suites: small, complete values with only what a test cares about set. */

export const OWNER: SessionOwner = { tenantId: 'tenant-a', userId: 'user-1' };

export function sessionState(
  sessionId: string,
  at: number,
  overrides: Partial<ConversationState> = {},
): ConversationState {
  return { ...newConversationState(sessionId, OWNER, at), ...overrides };
}

export function chatEvent(sessionId: string, seq: number, type: ChatResponseType = 'message'): ChatResponse {
  return {
    sessionId,
    seq,
    type,
    phase: ConversationPhase.DISCOVERY,
    content: `event ${seq}`,
    actions: [{ type: 'reply', label: 'Yes', value: 'yes' }],
    oauthUrl: null,
    data: { seq },
  };
}

/** Events numbered after `state.lastEventSeq`. */
export function nextEvents(state: Pick<ConversationState, 'sessionId' | 'lastEventSeq'>, count: number): ChatResponse[] {
  return Array.from({ length: count }, (_, i) => chatEvent(state.sessionId, state.lastEventSeq + 1 + i));
}

/** The state a turn would save after `state`, with `events` appended (version + 1). */
export function nextState(
  state: ConversationState | CommittedState,
  events: readonly ChatResponse[],
  overrides: Partial<ConversationState> = {},
): ConversationState {
  return {
    ...thaw<ConversationState>(state),
    phase: ConversationPhase.DISCOVERY,
    version: state.version + 1,
    lastEventSeq: events.at(-1)?.seq ?? state.lastEventSeq,
    ...overrides,
  };
}

export function oauthRecord(state: string, sessionId: string, expiresAt: number): OauthStateRecord {
  return {
    state,
    sessionId,
    userId: OWNER.userId,
    tenantId: OWNER.tenantId,
    provider: 'google',
    integration: 'gmail',
    codeVerifier: `verifier-${state}`,
    redirectUri: 'http://localhost:3000/v1/oauth/callback',
    expiresAt,
  };
}
