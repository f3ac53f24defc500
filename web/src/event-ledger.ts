import type { ChatResponse, Phase } from './types.js';

/**
 * Which events to apply. Durable events reach the page twice (the turn's POST stream and
 * `/events`), in either order: each is applied once. They are told apart by seq and type: a seq
 * alone would also swallow a live-only event (which repeats the last durable seq) that a server
 * framed with an `id:` by mistake, where seq and type together still hold. A `delta` carries the seq of the last
 * durable event before it, so once a whole `message` with a higher seq is shown, the deltas
 * that led up to it (arriving late on the other stream) are stale.
 */
export class EventLedger {
  private readonly seen = new Set<string>();
  private phaseSeq = -1;
  private messageSeq = -1;
  /** The highest durable seq applied. */
  maxSeq = 0;

  reset(): void {
    this.seen.clear();
    this.phaseSeq = this.messageSeq = -1;
    this.maxSeq = 0;
  }

  /** True the first time a durable event's seq is offered, false for repeats. */
  admit(response: ChatResponse): boolean {
    const key = `${response.seq}:${response.type}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    this.maxSeq = Math.max(this.maxSeq, response.seq);
    if (response.type === 'message' || response.type === 'oauth_required') this.messageSeq = Math.max(this.messageSeq, response.seq);
    return true;
  }

  /** Whether a streamed piece still belongs to a message being written. */
  admitDelta(response: ChatResponse): boolean {
    return response.seq >= this.messageSeq;
  }

  /** The phase to show after an admitted event; null when a later event already decided it. */
  phaseAfter(response: ChatResponse): Phase | null {
    if (response.seq < this.phaseSeq) return null;
    this.phaseSeq = response.seq;
    if (response.type !== 'phase') return response.phase ?? null;
    return (response.data?.['to'] as Phase | undefined) ?? response.phase ?? null;
  }
}
