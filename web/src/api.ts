import { SseParser, type SseEvent } from './sse.js';
import type { ChatResponse, SessionView, TurnBody } from './types.js';

/**
 * The one place credentials are added to every request (fetch only: the page does not use
 * EventSource, which cannot send headers). Dev mode needs none: the server defaults to
 * demo-user / demo-tenant. A deployment with auth returns `{ Authorization: `Bearer ${token}` }`.
 */
function authHeaders(): Record<string, string> {
  return {};
}

/** A non-2xx answer, with the API's error `code` (`TURN_IN_PROGRESS`, `SESSION_EXPIRED`, …). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const base = (id: string): string => `/v1/sessions/${encodeURIComponent(id)}`;

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(path, { ...init, headers: { ...authHeaders(), ...(init.headers as Record<string, string>) } });
  if (res.ok) return res;
  let body: { code?: string; message?: string } = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    // not JSON (a proxy's error page): fall back to the status text
  }
  throw new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? res.statusText);
}

export async function createSession(): Promise<SessionView> {
  return (await call('/v1/sessions', { method: 'POST' })).json() as Promise<SessionView>;
}

export async function getSession(id: string): Promise<SessionView> {
  return (await call(base(id))).json() as Promise<SessionView>;
}

/** Starts one turn; resolves once the server accepted it (200), with the event stream still to read. */
export function postTurn(id: string, body: TurnBody, idempotencyKey: string): Promise<Response> {
  return call(`${base(id)}/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(body),
  });
}

/** Asks the server to stop the turn in flight; false when none was (409). */
export async function stopTurn(id: string): Promise<boolean> {
  try {
    await call(`${base(id)}/stop`, { method: 'POST' });
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return false;
    throw error;
  }
}

/** Opens the session's event stream, replaying what came after `lastEventId`. */
export function openEvents(id: string, lastEventId: string, signal: AbortSignal): Promise<Response> {
  return call(`${base(id)}/events`, {
    headers: { Accept: 'text/event-stream', 'Last-Event-ID': lastEventId },
    cache: 'no-store',
    signal,
  });
}

/** Reads an SSE body to its end, calling `onEvent` for each ChatResponse (data that is not JSON is skipped). */
export async function readEvents(res: Response, onEvent: (response: ChatResponse, raw: SseEvent) => void): Promise<void> {
  if (!res.body) return;
  const parser = new SseParser((event) => {
    let response: ChatResponse;
    try {
      response = JSON.parse(event.data) as ChatResponse;
    } catch {
      return;
    }
    response.type ??= event.event as ChatResponse['type'];
    onEvent(response, event);
  });
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  parser.feed(decoder.decode());
}
