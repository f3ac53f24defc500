import type { ChatResponse } from './chat-response.js';

/**
 * Where an event keeps its JSON: a non-enumerable symbol property, so neither `JSON.stringify` nor
 * deep equality sees it. (A WeakMap from event to JSON cost the garbage collector more than the
 * second serialisation it saved: every short-lived key is an ephemeron.)
 */
const JSON_OF = Symbol('json');

type WithJson = ChatResponse & { [JSON_OF]?: string };

/**
 * The event's JSON, serialised at most once per event object (events are not changed once stamped):
 * the store's log and the SSE frame use the same string. Symbol keys (`LIVE_ONLY`) are never
 * serialised, so live-only and logged events share the form.
 */
export function eventJson(event: ChatResponse): string {
  const cached = (event as WithJson)[JSON_OF];
  if (cached !== undefined) return cached;
  const json = JSON.stringify(event);
  if (Object.isExtensible(event)) Object.defineProperty(event, JSON_OF, { value: json });
  return json;
}
