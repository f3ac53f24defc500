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
 * Writes frames to an HTTP response, honouring backpressure: while the socket's buffer is full, frames
 * queue in order and are flushed on `drain`.
 */
export class SseWriter {
  private queue: string[] = [];
  private waiting = false;
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly res: Response) {}

  open(status = 200, heartbeatMs = 0): void {
    this.res.status(status);
    for (const [name, value] of Object.entries(SSE_HEADERS)) this.res.setHeader(name, value);
    this.res.flushHeaders();
    if (heartbeatMs > 0) {
      this.heartbeat = setInterval(() => this.write(': ping\n\n'), heartbeatMs);
      this.heartbeat.unref();
    }
  }

  send(event: ChatResponse, durable?: boolean): void {
    this.write(sseFrame(event, durable));
  }

  write(chunk: string): void {
    if (this.res.writableEnded || this.res.destroyed) return;
    if (this.waiting) {
      this.queue.push(chunk);
      return;
    }
    if (!this.res.write(chunk)) {
      this.waiting = true;
      this.res.once('drain', () => this.flush());
    }
  }

  end(): void {
    clearInterval(this.heartbeat);
    if (this.waiting) {
      this.res.once('drain', () => this.res.end());
      return;
    }
    if (!this.res.writableEnded) this.res.end();
  }

  private flush(): void {
    this.waiting = false;
    const pending = this.queue;
    this.queue = [];
    for (const chunk of pending) this.write(chunk);
  }
}
