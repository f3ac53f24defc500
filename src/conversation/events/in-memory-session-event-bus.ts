import { Observable, Subject } from 'rxjs';
import type { ChatResponse } from '../chat-response.js';
import type { SessionEventBus } from './session-event-bus.js';

/** The bus for one process: one Subject per session with subscribers, dropped with its last subscriber. */
export class InMemorySessionEventBus implements SessionEventBus {
  private readonly subjects = new Map<string, Subject<ChatResponse>>();

  async publish(sessionId: string, events: readonly ChatResponse[]): Promise<void> {
    const subject = this.subjects.get(sessionId);
    if (!subject) return;
    for (const event of events) subject.next(event);
  }

  subscribe(sessionId: string): Observable<ChatResponse> {
    return new Observable<ChatResponse>((subscriber) => {
      let subject = this.subjects.get(sessionId);
      if (!subject) this.subjects.set(sessionId, (subject = new Subject()));
      const subscription = subject.subscribe(subscriber);
      return () => {
        subscription.unsubscribe();
        if (!subject.observed) this.subjects.delete(sessionId);
      };
    });
  }

  /** Sessions with at least one live subscriber (for metrics and leak checks). */
  get subscribedSessions(): number {
    return this.subjects.size;
  }
}
