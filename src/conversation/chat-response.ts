import type { ConversationPhase } from './state.js';

/** The event types of API.md; every one but `delta` is durable (kept in the event log with its own `seq`). */
export const CHAT_RESPONSE_TYPES = [
  'phase',
  'delta',
  'message',
  'oauth_required',
  'requirements',
  'draft',
  'test_result',
  'oauth_result',
  'expiring',
  'expired',
  'error',
  'done',
  'session_ended',
  'queued',
] as const;
export type ChatResponseType = (typeof CHAT_RESPONSE_TYPES)[number];

/** A button the client may show; `value` is sent back as the message text (`reply`) or as the action type. */
export interface ChatAction {
  type: 'reply' | 'confirm' | 'back' | 'restart' | 'cancel' | 'skip' | 'retry' | 'oauth';
  label: string;
  /** For `reply`: the text to send; for `oauth`: the authorization URL. */
  value?: string;
}

/** One event of a turn's stream or of the session's event log (API.md, "ChatResponse"). */
export interface ChatResponse {
  sessionId: string;
  /** The session's event sequence number; for `delta` the seq of the last durable event. */
  seq: number;
  type: ChatResponseType;
  /** The phase at the time of the event (for `done`: the phase after the turn). */
  phase: ConversationPhase;
  content: string | null;
  actions: ChatAction[];
  oauthUrl: string | null;
  data: Record<string, unknown> | null;
  /** Set (never serialised) when this response is not in the event log; see `LIVE_ONLY`. */
  [LIVE_ONLY]?: true;
}

/**
 * Marks a response that is not in the session's event log although its type is durable: the `error` and
 * `done` of a failed turn, the last events of a cancelled session. A symbol, so it is never serialised.
 */
export const LIVE_ONLY: unique symbol = Symbol('liveOnly');

/** A response as a handler produces it, before the session id, seq and phase are stamped on. */
export type ResponseDraft = Pick<ChatResponse, 'type'> & Partial<Pick<ChatResponse, 'content' | 'actions' | 'oauthUrl' | 'data'>>;

/** Whether events of this type are kept in the event log (all but `delta`). */
export function isDurable(type: ChatResponseType): boolean {
  return type !== 'delta';
}

/** Whether this response is in the event log: it then carries an SSE `id:` and is replayed by `/events`. */
export function isLogged(response: ChatResponse): boolean {
  return isDurable(response.type) && response[LIVE_ONLY] !== true;
}
