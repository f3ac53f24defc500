/**
 * A server-sent events parser, after the WHATWG "event stream interpretation" rules.
 * Pure string in, events out: no DOM, no fetch, so it runs (and is tested) in Node too.
 */

/** One dispatched event. */
export interface SseEvent {
  /** The `event:` field; `message` when the event had none. */
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
  /** The `id:` this event carried, or null when it had no `id:` line (our `delta` events). */
  id: string | null;
  /** The `retry:` reconnection time in ms, when this event carried one. */
  retry: number | null;
}

export class SseParser {
  private buffer = '';
  /** A chunk ended in `\r`: a `\n` at the start of the next one belongs to the same line end. */
  private pendingCr = false;
  private started = false;
  private data: string[] = [];
  private event = '';
  private id: string | null = null;
  private retry: number | null = null;

  /** The last `id:` seen, kept across events as EventSource keeps it (what a reconnect sends as `Last-Event-ID`). */
  lastEventId = '';
  /** The last `retry:` seen, in ms. */
  reconnectMs: number | null = null;

  constructor(private readonly onEvent: (event: SseEvent) => void) {}

  /** Feeds decoded text; dispatches every event completed by it. */
  feed(chunk: string): void {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;

    let start = 0;
    for (;;) {
      const cr = this.buffer.indexOf('\r', start);
      const lf = this.buffer.indexOf('\n', start);
      if (cr < 0 && lf < 0) break;
      const end = cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
      this.line(this.buffer.slice(start, end));
      if (end === cr && this.buffer[end + 1] === '\n') start = end + 2;
      else if (end === cr && end === this.buffer.length - 1) {
        this.pendingCr = true;
        start = end + 1;
      } else start = end + 1;
    }
    this.buffer = this.buffer.slice(start);
  }

  /** The stream ended: an event without its closing blank line is discarded, as the spec says. */
  reset(): void {
    this.buffer = '';
    this.pendingCr = false;
    this.clear();
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'event':
        this.event = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.id = this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = this.reconnectMs = Number(value);
        break;
      default:
        break;
    }
  }

  private dispatch(): void {
    if (this.data.length > 0) {
      this.onEvent({ event: this.event || 'message', data: this.data.join('\n'), id: this.id, retry: this.retry });
    }
    this.clear();
  }

  private clear(): void {
    this.data = [];
    this.event = '';
    this.id = null;
    this.retry = null;
  }
}
