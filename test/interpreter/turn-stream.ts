import { expect } from '@jest/globals';
import { isDurable, type ChatResponse } from '../../src/conversation/chat-response.js';
import type { ConversationClient } from '../support/conversation-client.js';
import { parseSse, readSse, type SseEvent } from '../support/sse.js';

/** One turn as it came over the wire: the raw SSE text too, so the framing itself can be checked. */
export interface RawTurn {
  status: number;
  raw: string;
  events: SseEvent[];
  responses: ChatResponse[];
}

/** Sends one turn (text or an action) and reads the whole body (SSE events, or none for a refused turn). */
export async function postTurn(client: ConversationClient, input: string | { action: string }): Promise<RawTurn> {
  const body = typeof input === 'string' ? { message: input } : { action: { type: input.action } };
  const response = await fetch(`${client.baseUrl}/v1/sessions/${client.sessionId}/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...client.headers },
    body: JSON.stringify(body),
  });
  const raw = await response.text();
  // A refused turn (404, 409, 429 …) answers JSON: no events.
  const events = response.headers.get('content-type')?.startsWith('text/event-stream') ? parseSse(raw) : [];
  return { status: response.status, raw, events, responses: events.map((event) => event.data) };
}

/**
 * The stream is exactly one frame per event, as the server wrote them: every frame has one `event:` line
 * naming its type and one `data:` line of JSON (so text with newlines stays inside it), and an `id:` equal
 * to the seq for every event but `delta`s. Nothing in any content can add a frame or a line.
 */
export function expectFrames(turn: RawTurn): void {
  const frames = turn.raw.split('\n\n').filter((frame) => frame.trim() !== '');
  const dataFrames = frames.filter((frame) => !frame.split('\n').every((line) => line.startsWith(':')));
  expect(dataFrames).toHaveLength(turn.events.length);
  for (const [index, frame] of dataFrames.entries()) {
    const lines = frame.split('\n').filter((line) => !line.startsWith(':'));
    const event = turn.events[index]!;
    const expected = [...(isDurable(event.data.type) ? [`id: ${event.data.seq}`] : []), `event: ${event.data.type}`];
    expect(lines.slice(0, -1)).toEqual(expected);
    expect(lines.at(-1)!.startsWith('data: {')).toBe(true);
    expect(JSON.parse(lines.at(-1)!.slice('data: '.length))).toEqual(event.data);
    expect(event.event).toBe(event.data.type);
  }
  expect(turn.responses.at(-1)?.type).toBe('done');
}

/**
 * {@link expectFrames}, and the numbering of a committed turn: durable events numbered one after another,
 * `delta`s carrying the seq of the last durable event before the turn.
 */
export function expectWellFramed(turn: RawTurn): void {
  expectFrames(turn);
  const durable = turn.responses.filter((response) => isDurable(response.type));
  const seqs = durable.map((response) => response.seq);
  for (const [index, seq] of seqs.entries()) if (index > 0) expect(seq).toBe(seqs[index - 1]! + 1);
  const before = (seqs[0] ?? 1) - 1;
  for (const delta of turn.responses.filter((response) => response.type === 'delta')) expect(delta.seq).toBe(before);
}

/** The turn's durable events (everything but `delta`s). */
export function durableEvents(turn: RawTurn): ChatResponse[] {
  return turn.responses.filter((response) => isDurable(response.type));
}

/** The session's event log after `afterSeq`, up to and including `lastSeq`, replayed by `/events`. */
export async function loggedEvents(client: ConversationClient, afterSeq: number, lastSeq: number): Promise<ChatResponse[]> {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), 5000);
  try {
    const response = await fetch(`${client.baseUrl}/v1/sessions/${client.sessionId}/events`, {
      headers: { ...client.headers, 'last-event-id': String(afterSeq) },
      signal: stop.signal,
    });
    expect(response.status).toBe(200);
    const events: ChatResponse[] = [];
    await readSse(
      response,
      (event) => events.push(event.data),
      (event) => event.data.seq >= lastSeq,
    );
    return events;
  } finally {
    clearTimeout(timer);
    stop.abort();
  }
}

/** The texts of the turn's `message` events. */
export function messageTexts(turn: { responses: readonly ChatResponse[] }): string[] {
  return turn.responses.filter((response) => response.type === 'message').map((response) => response.content ?? '');
}
