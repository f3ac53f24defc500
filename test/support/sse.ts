import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { ChatResponse } from '../../src/conversation/chat-response.js';

/** One parsed SSE event with its framing, so tests can check `id:` and `event:` lines too. */
export interface SseEvent {
  id: string | undefined;
  event: string | undefined;
  data: ChatResponse;
}

/** Parses a whole SSE body. */
export function parseSse(body: string): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createParser({ onEvent: (message: EventSourceMessage) => events.push(toEvent(message)) });
  parser.feed(body);
  return events;
}

/** Reads an SSE response body as it arrives, calling `onEvent` for each event; resolves when `until` says stop or the body ends. */
export async function readSse(
  response: Response,
  onEvent: (event: SseEvent) => void,
  until: (event: SseEvent) => boolean = () => false,
): Promise<void> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let stop = false;
  const parser = createParser({
    onEvent: (message) => {
      if (stop) return;
      const event = toEvent(message);
      onEvent(event);
      stop = until(event);
    },
  });
  while (!stop) {
    const { value, done } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  await reader.cancel().catch(() => undefined);
}

function toEvent(message: EventSourceMessage): SseEvent {
  return { id: message.id, event: message.event, data: JSON.parse(message.data) as ChatResponse };
}
