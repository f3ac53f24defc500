import { Inject, Injectable } from '@nestjs/common';
import { Observable } from 'rxjs';
import { toDomainError } from '../../common/errors.js';
import { type ChatResponse, LIVE_ONLY } from '../chat-response.js';
import { ConversationPhase } from '../state.js';
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

  /**
   * With `checkEveryMs`, the stream also checks that often that its session still exists; once it is
   * gone (deleted, cancelled, expired and removed, lost with Redis' data) it sends a live-only
   * `session_ended` event and completes (issue 14: it stayed open with heartbeats for ever).
   */
  follow(sessionId: string, afterSeq: number, options: { checkEveryMs?: number } = {}): Observable<ChatResponse> {
    return new Observable<ChatResponse>((subscriber) => {
      let lastSeq = afterSeq;
      let lastPhase: ChatResponse['phase'] | undefined;
      let replaying = true;
      const buffered: ChatResponse[] = [];
      const deliver = (event: ChatResponse): void => {
        if (event.seq <= lastSeq) return;
        lastSeq = event.seq;
        lastPhase = event.phase;
        subscriber.next(event);
      };
      const checker = options.checkEveryMs
        ? setInterval(() => {
            this.store.get(sessionId).then(
              (state) => {
                if (state !== null || subscriber.closed) return;
                subscriber.next(sessionEnded(sessionId, lastSeq, lastPhase));
                subscriber.complete();
              },
              // The store is away: the check waits for the next tick (a real outage ends the stream through the bus).
              () => undefined,
            );
          }, options.checkEveryMs)
        : undefined;
      checker?.unref();
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
      return () => {
        clearInterval(checker);
        live.unsubscribe();
      };
    });
  }
}

/** The last event of a stream whose session is gone: live only (no `id:`), numbered after the last event sent. */
export function sessionEnded(sessionId: string, lastSeq: number, phase: ChatResponse['phase'] | undefined): ChatResponse {
  return {
    sessionId,
    seq: lastSeq,
    type: 'session_ended',
    phase: phase ?? ConversationPhase.IDLE,
    content: 'This session has ended: it was deleted, cancelled or expired.',
    actions: [],
    oauthUrl: null,
    data: { reason: 'gone' },
    [LIVE_ONLY]: true,
  };
}
