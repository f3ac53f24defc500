import type { ChatResponse } from './chat-response.js';

/** JSON of each event object, made once: the store's log and the SSE frame use the same string. */
const cache = new WeakMap<ChatResponse, string>();

/**
 * The event's JSON, serialised at most once per event object (events are not changed once stamped).
 * Symbol keys (`LIVE_ONLY`) are never serialised, so live-only and logged events share the form.
 */
export function eventJson(event: ChatResponse): string {
  let json = cache.get(event);
  if (json === undefined) {
    json = JSON.stringify(event);
    cache.set(event, json);
  }
  return json;
}
