import { Inject, Injectable } from '@nestjs/common';
import { Observable } from 'rxjs';
import { toDomainError } from '../../common/errors.js';
import type { ChatResponse } from '../chat-response.js';
import { SessionStore } from '../store/session-store.js';
import { storeError } from '../turn/store-errors.js';
import { SessionEventBus } from './session-event-bus.js';

/** Events read from the log per store call while replaying. */
const REPLAY_PAGE = 500;

/**
 * A session's durable events after a seq, then live ones as they are committed, without gaps or
 * duplicates: live delivery is subscribed before the replay is read, and anything already delivered is
 * dropped by seq. It does not check who asks: callers check the owner first.
 */
@Injectable()
export class SessionEventStream {
  constructor(
    @Inject(SessionStore) private readonly store: SessionStore,
    @Inject(SessionEventBus) private readonly bus: SessionEventBus,
  ) {}

  follow(sessionId: string, afterSeq: number): Observable<ChatResponse> {
    return new Observable<ChatResponse>((subscriber) => {
      let lastSeq = afterSeq;
      let replaying = true;
      const buffered: ChatResponse[] = [];
      const deliver = (event: ChatResponse): void => {
        if (event.seq <= lastSeq) return;
        lastSeq = event.seq;
        subscriber.next(event);
      };
      const live = this.bus.subscribe(sessionId).subscribe({
        next: (event) => (replaying ? buffered.push(event) : deliver(event)),
        error: (error: unknown) => subscriber.error(error),
      });
      const replay = async (): Promise<void> => {
        for (;;) {
          const page = await this.store.readEvents(sessionId, lastSeq, REPLAY_PAGE);
          page.forEach(deliver);
          if (page.length < REPLAY_PAGE) break;
        }
        replaying = false;
        buffered.splice(0).forEach(deliver);
      };
      replay().catch((error: unknown) => subscriber.error(toDomainError(storeError(error))));
      return () => live.unsubscribe();
    });
  }
}
