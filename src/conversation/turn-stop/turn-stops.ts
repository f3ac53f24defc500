import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { guarded } from '../store/redis-errors.js';

/** Stops a running turn (aborts its controller). */
export type StopTurn = () => void;

/**
 * The per-session stop channel (issue 14, fault 4): the stop button, or a DELETE, reaches the turn
 * wherever it runs. A running turn `watch`es its session; `requestStop` aborts it in this process, or
 * publishes on the session's channel, which only replicas running one of its turns subscribe to.
 * Before, stop looked only in the process that answered the request, so behind a balancer it said
 * 409 `NO_TURN_IN_FLIGHT` while the turn ran on another replica, and the turn committed.
 *
 * In memory (one process) the local map is the whole channel; on Redis the relay is pub/sub on the
 * event bus's subscriber connection, next to the session's live channel.
 */
export class TurnStops {
  private readonly logger = new Logger(TurnStops.name);
  private readonly running = new Map<string, Set<StopTurn>>();

  constructor(private readonly relay?: RedisStopRelay) {
    relay?.onStop((sessionId) => this.stopHere(sessionId));
  }

  /** Registers a running turn of `sessionId`; call the returned function when it ended. */
  watch(sessionId: string, stop: StopTurn): () => void {
    let stops = this.running.get(sessionId);
    if (!stops) {
      this.running.set(sessionId, (stops = new Set()));
      this.relay?.listen(sessionId);
    }
    stops.add(stop);
    const joined = stops;
    return () => {
      joined.delete(stop);
      if (joined.size > 0 || this.running.get(sessionId) !== joined) return;
      this.running.delete(sessionId);
      this.relay?.forget(sessionId);
    };
  }

  /**
   * Stops the session's running turn, here or on another replica. True when a turn was running
   * somewhere (it is being stopped), false when none runs. Rejects when the relay cannot be reached.
   */
  async requestStop(sessionId: string): Promise<boolean> {
    if (this.stopHere(sessionId)) return true;
    if (!this.relay) return false;
    return (await this.relay.publish(sessionId)) > 0;
  }

  /** Sessions with a turn watched in this process (for leak checks). */
  get watchedSessions(): number {
    return this.running.size;
  }

  private stopHere(sessionId: string): boolean {
    const stops = this.running.get(sessionId);
    if (!stops || stops.size === 0) return false;
    this.logger.log(`Stopping the turn of session ${sessionId}`);
    for (const stop of stops) stop();
    return true;
  }
}

/**
 * Stop requests over Redis pub/sub: `<prefix>turn-stop:<sessionId>`, subscribed by a replica while it
 * runs a turn of that session. `PUBLISH` answers how many subscribers got it: zero means no replica
 * runs a turn of the session.
 */
export class RedisStopRelay {
  private readonly channelPrefix: string;
  private handler: (sessionId: string) => void = () => undefined;

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    keyPrefix: string,
  ) {
    this.channelPrefix = `${keyPrefix}turn-stop:`;
    subscriber.on('message', (channel: string) => {
      if (channel.startsWith(this.channelPrefix)) this.handler(channel.slice(this.channelPrefix.length));
    });
  }

  onStop(handler: (sessionId: string) => void): void {
    this.handler = handler;
  }

  listen(sessionId: string): void {
    // Queued on the subscriber connection while it is down; resubscribed after a reconnect.
    this.subscriber.subscribe(this.channel(sessionId)).catch(() => undefined);
  }

  forget(sessionId: string): void {
    this.subscriber.unsubscribe(this.channel(sessionId)).catch(() => undefined);
  }

  publish(sessionId: string): Promise<number> {
    return guarded(this.publisher, () => this.publisher.publish(this.channel(sessionId), 'stop'));
  }

  private channel(sessionId: string): string {
    return this.channelPrefix + sessionId;
  }
}
