import type { Response } from 'express';
import type { ChatResponse } from '../conversation/chat-response.js';
import { isLogged } from '../conversation/chat-response.js';
import { eventJson } from '../conversation/event-json.js';

/** Headers that keep an event stream flowing through proxies (no buffering, no transform, no caching). */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-store, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
};

/** One SSE frame: `id:` only for durable events (so `Last-Event-ID` never points at a live-only one). */
export function sseFrame(event: ChatResponse, durable = isLogged(event)): string {
  const id = durable ? `id: ${event.seq}\n` : '';
  return `${id}event: ${event.type}\ndata: ${eventJson(event)}\n\n`;
}

/**
 * Writes frames to an HTTP response. The frames of one tick go out as one socket write, with the headers
 * when they are the first: a turn's frames are emitted together after its commit, and a write per frame
 * (and one for the headers) cost a syscall and a chunk each. Headers with no frame behind them are sent
 * at the end of the tick, so a client sees the stream open at once.
 * Honours backpressure: while the socket's buffer is full, frames gather and go out on `drain`.
 */
export class SseWriter {
  /** Frames written since the last flush. */
  private pending = '';
  private flushQueued = false;
  /** The socket's buffer is full: the next flush waits for `drain`. */
  private waiting = false;
  private ending = false;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly res: Response) {}

  open(status = 200, heartbeatMs = 0): void {
    this.res.status(status);
    for (const [name, value] of Object.entries(SSE_HEADERS)) this.res.setHeader(name, value);
    this.queueFlush();
    if (heartbeatMs > 0) {
      this.heartbeat = setInterval(() => this.write(': ping\n\n'), heartbeatMs);
      this.heartbeat.unref();
    }
  }

  send(event: ChatResponse, durable?: boolean): void {
    this.write(sseFrame(event, durable));
  }

  write(chunk: string): void {
    if (this.ending || this.closed()) return;
    this.pending += chunk;
    this.queueFlush();
  }

  /** Ends the response with whatever is pending (a turn's frames, headers and end in one write). */
  end(): void {
    clearInterval(this.heartbeat);
    if (this.ending) return;
    this.ending = true;
    if (!this.waiting) this.finish();
  }

  private closed(): boolean {
    return this.res.writableEnded || this.res.destroyed;
  }

  private queueFlush(): void {
    if (this.flushQueued || this.waiting) return;
    this.flushQueued = true;
    queueMicrotask(() => this.flush());
  }

  private flush(): void {
    this.flushQueued = false;
    if (this.ending || this.waiting || this.closed()) return;
    if (this.pending === '') {
      if (!this.res.headersSent) this.res.flushHeaders();
      return;
    }
    const chunk = this.pending;
    this.pending = '';
    if (this.res.write(chunk)) return;
    this.waiting = true;
    this.res.once('drain', () => {
      this.waiting = false;
      if (this.ending) this.finish();
      else if (this.pending !== '') this.queueFlush();
    });
  }

  private finish(): void {
    if (this.closed()) return;
    const rest = this.pending;
    this.pending = '';
    if (rest === '') this.res.end();
    else this.res.end(rest);
  }
}
