import type { ChatAction, ChatResponse } from '../conversation/chat-response.js';
import type { ConversationPhase } from '../conversation/state.js';

/** What `finish` and `start` carry as the message's metadata: where the turn left the session. */
export interface ChatMessageMetadata {
  sessionId: string;
  phase: ConversationPhase;
  seq: number;
}

/**
 * The chunks of the `ai` package's UI message stream protocol (v1, ai@7) this service sends; a subset of
 * the package's `UIMessageChunk` (a spec checks it is assignable). Each goes out as one SSE `data:` line.
 */
export type UiMessageChunk =
  | { type: 'start'; messageId: string; messageMetadata?: Partial<ChatMessageMetadata> }
  | { type: 'text-start'; id: string }
  | { type: 'text-delta'; id: string; delta: string }
  | { type: 'text-end'; id: string }
  | { type: `data-${string}`; id?: string; data: unknown; transient?: boolean }
  | { type: 'error'; errorText: string }
  | { type: 'finish'; finishReason: 'stop' | 'error'; messageMetadata: ChatMessageMetadata };

/** The header `DefaultChatTransport` expects on a UI message stream, and its value for this protocol version. */
export const UI_MESSAGE_STREAM_HEADER = ['x-vercel-ai-ui-message-stream', 'v1'] as const;

/** The stream's last line, after the last chunk. */
export const DONE_FRAME = 'data: [DONE]\n\n';

export function chunkFrame(chunk: UiMessageChunk): string {
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/**
 * Turns one turn's `ChatResponse`s into UI message chunks: one assistant message per turn. Its text
 * parts are the turn's messages (streamed `delta`s become `text-delta`s; the `message` that follows them
 * only closes the part, so no text is doubled); the rest are `data-*` parts whose ids are stable within
 * the message, so a client sees the latest phase, requirements, actions or OAuth prompt replaced in place.
 * The expiry warning is transient (shown, not kept in the message); a failed turn sends a `data-error`
 * part with its code, then an `error` chunk; `done` becomes `finish`.
 */
export class UiMessageStreamAdapter {
  private textParts = 0;
  private openText: string | null = null;
  private failed = false;

  start(messageId: string, sessionId: string): UiMessageChunk {
    return { type: 'start', messageId, messageMetadata: { sessionId } };
  }

  toChunks(event: ChatResponse): UiMessageChunk[] {
    const data = event.data ?? {};
    switch (event.type) {
      case 'delta':
        return [...this.openTextPart(), { type: 'text-delta', id: this.openText!, delta: event.content ?? '' }];
      case 'message':
        return [...this.message(event.content ?? ''), actions(event.actions)];
      case 'phase':
        return [{ type: 'data-phase', id: 'phase', data: { ...data, phase: event.phase } }];
      case 'requirements':
      case 'draft':
      case 'test_result':
        return [{ type: `data-${event.type}`, id: event.type, data }];
      case 'oauth_required':
        return [
          {
            type: 'data-oauth_required',
            id: `oauth_required-${String(data['integration'])}`,
            data: { ...data, url: event.oauthUrl, actions: event.actions },
          },
        ];
      case 'oauth_result':
        return [{ type: 'data-oauth_result', id: `oauth_result-${String(data['integration'])}`, data }];
      case 'expiring':
      case 'expired':
      case 'session_ended':
      case 'queued':
        return [{ type: `data-${event.type}`, data, transient: true }];
      case 'error':
        this.failed = true;
        return [
          ...this.closeText(),
          { type: 'data-error', id: 'error', data },
          { type: 'error', errorText: typeof data['message'] === 'string' ? data['message'] : 'The turn failed; nothing was changed.' },
        ];
      case 'done':
        return [...this.closeText(), { type: 'finish', finishReason: this.failed ? 'error' : 'stop', messageMetadata: metadataOf(event) }];
    }
  }

  private message(content: string): UiMessageChunk[] {
    // Streamed already: the deltas add up to this content (API.md), so the part is only closed.
    if (this.openText) return this.closeText();
    const id = this.nextTextId();
    return [{ type: 'text-start', id }, { type: 'text-delta', id, delta: content }, { type: 'text-end', id }];
  }

  private openTextPart(): UiMessageChunk[] {
    if (this.openText) return [];
    this.openText = this.nextTextId();
    return [{ type: 'text-start', id: this.openText }];
  }

  private closeText(): UiMessageChunk[] {
    if (!this.openText) return [];
    const id = this.openText;
    this.openText = null;
    return [{ type: 'text-end', id }];
  }

  private nextTextId(): string {
    return `text-${++this.textParts}`;
  }
}

/** The buttons of the latest message (empty when it has none, so stale ones disappear). */
function actions(list: readonly ChatAction[]): UiMessageChunk {
  return { type: 'data-actions', id: 'actions', data: { actions: list } };
}

function metadataOf(event: ChatResponse): ChatMessageMetadata {
  return { sessionId: event.sessionId, phase: event.phase, seq: event.seq };
}
