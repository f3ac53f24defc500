import type { Observable } from 'rxjs';
import type { ChatResponse } from '../chat-response.js';

/**
 * Live delivery of a session's committed events to `/events` streams, possibly on other replicas.
 * Durable history is in the store's event log; the bus only carries what happens from now on.
 */
export interface SessionEventBus {
  /** Delivers committed events (in seq order) to every subscriber of the session, on every replica. */
  publish(sessionId: string, events: readonly ChatResponse[]): Promise<void>;
  /** Live events of one session; completes never by itself, unsubscribe to stop. */
  subscribe(sessionId: string): Observable<ChatResponse>;
}
export const SessionEventBus = Symbol('SessionEventBus');
