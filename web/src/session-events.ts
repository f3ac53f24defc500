import { ApiError, openEvents, readEvents } from './api.js';
import type { ChatResponse } from './types.js';

export interface SessionEventsHandlers {
  /** `durable`: the event had an `id:` line (it is in the session's log). */
  onEvent(response: ChatResponse, durable: boolean): void;
  /** The session is gone (404) or expired (410): the stream is not reopened. */
  onGone(status: number): void;
  /** The stream opened (true) or dropped and is about to reconnect (false). */
  onConnected(connected: boolean): void;
}

const MAX_DELAY_MS = 15_000;

/**
 * Follows `GET /v1/sessions/:id/events` with fetch rather than EventSource, for two reasons:
 * the very first request must send `Last-Event-ID: 0` to replay the log after a reload (EventSource
 * sends the header only on its own reconnects), and fetch can carry an Authorization header.
 * Reconnects with backoff, sending the id of the last event this stream delivered.
 */
export class SessionEvents {
  private lastEventId: string;
  private controller: AbortController | null = null;
  private stopped = false;
  private attempt = 0;
  private retryMs = 1000;
  private wakeUp: (() => void) | null = null;

  constructor(
    private readonly sessionId: string,
    private readonly handlers: SessionEventsHandlers,
    fromId = '0',
  ) {
    this.lastEventId = fromId;
  }

  start(): void {
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.controller?.abort();
    this.wakeUp?.();
  }

  /** Skip the backoff wait (the browser came back online, the tab became visible). */
  reconnectNow(): void {
    this.attempt = 0;
    this.wakeUp?.();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.controller = new AbortController();
      try {
        const res = await openEvents(this.sessionId, this.lastEventId, this.controller.signal);
        this.attempt = 0;
        this.handlers.onConnected(true);
        await readEvents(res, (response, raw) => {
          if (raw.id !== null) this.lastEventId = raw.id;
          if (raw.retry !== null) this.retryMs = raw.retry;
          this.handlers.onEvent(response, raw.id !== null);
        });
      } catch (error) {
        if (this.stopped) return;
        if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
          this.stopped = true;
          this.handlers.onGone(error.status);
          return;
        }
      }
      if (this.stopped) return;
      this.handlers.onConnected(false);
      await this.wait(Math.min(MAX_DELAY_MS, this.retryMs * 2 ** this.attempt++));
    }
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}
