import { expect } from '@jest/globals';
import type { ChatResponse, ChatResponseType } from '../../src/conversation/chat-response.js';
import type { SessionView } from '../../src/conversation/dto/session-view.js';
import { parseSse, type SseEvent } from './sse.js';

export interface TurnResult {
  status: number;
  events: SseEvent[];
  /** The ChatResponses, in order. */
  responses: ChatResponse[];
  /** Error body when the turn was refused before streaming. */
  error?: { statusCode: number; code: string; message: string };
}

/** A small client for the HTTP contract, used by the e2e tests as a web client would. */
export class ConversationClient {
  sessionId = '';

  constructor(
    readonly baseUrl: string,
    readonly headers: Record<string, string> = {},
  ) {}

  async start(): Promise<SessionView> {
    const response = await fetch(`${this.baseUrl}/v1/sessions`, { method: 'POST', headers: this.headers });
    expect(response.status).toBe(201);
    const view = (await response.json()) as SessionView;
    this.sessionId = view.sessionId;
    return view;
  }

  async session(): Promise<SessionView> {
    const response = await fetch(`${this.baseUrl}/v1/sessions/${this.sessionId}`, { headers: this.headers });
    expect(response.status).toBe(200);
    return (await response.json()) as SessionView;
  }

  /** Sends one turn: text or `{ action }`, read as SSE. */
  async send(input: string | { action: string }, extraHeaders: Record<string, string> = {}): Promise<TurnResult> {
    const body = typeof input === 'string' ? { message: input } : { action: { type: input.action } };
    return this.post(body, extraHeaders);
  }

  async post(body: unknown, extraHeaders: Record<string, string> = {}, raw?: string): Promise<TurnResult> {
    const response = await fetch(`${this.baseUrl}/v1/sessions/${this.sessionId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...this.headers, ...extraHeaders },
      body: raw ?? JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
      return { status: response.status, events: [], responses: [], error: text ? JSON.parse(text) : undefined };
    }
    const events = parseSse(text);
    return { status: response.status, events, responses: events.map((event) => event.data) };
  }
}

/** The first response of a type, failing with the types seen when there is none. */
export function pick(result: TurnResult, type: ChatResponseType): ChatResponse {
  const found = result.responses.find((response) => response.type === type);
  if (!found) throw new Error(`No "${type}" event; got ${result.responses.map((response) => response.type).join(', ')} ${JSON.stringify(result.error ?? '')}`);
  return found;
}

/** The phase changes of a turn, as `FROM→TO`. */
export function phaseChanges(result: TurnResult): string[] {
  return result.responses
    .filter((response) => response.type === 'phase')
    .map((response) => `${String(response.data?.['from'])}→${String(response.data?.['to'])}`);
}

/**
 * Follows the development provider's consent with plain HTTP, as a browser would: open the authorize
 * page, press Allow or Deny, follow the redirect to our callback. Returns the callback's answer.
 */
export async function consent(authorizationUrl: string, decision: 'allow' | 'deny'): Promise<Response> {
  const page = await fetch(authorizationUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const form = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(match[1]!, unescapeHtml(match[2]!));
  }
  form.set('decision', decision);
  const action = new URL('decision', authorizationUrl);
  const decided = await fetch(action, { method: 'POST', body: form, redirect: 'manual' });
  expect(decided.status).toBe(303);
  const callbackUrl = decided.headers.get('location')!;
  return fetch(callbackUrl, { redirect: 'manual' });
}

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity]!);
}
