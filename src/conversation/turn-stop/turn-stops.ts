import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { RedisKeys } from '../../redis/keyspace.js';
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
 * In memory (one process) the local map is the whole channel; on Redis the relay is one pub/sub channel
 * on the event bus's subscriber connection.
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
    if (!stops) this.running.set(sessionId, (stops = new Set()));
    stops.add(stop);
    const joined = stops;
    return () => {
      joined.delete(stop);
      if (joined.size > 0 || this.running.get(sessionId) !== joined) return;
      this.running.delete(sessionId);
    };
  }

  /**
   * Stops the session's running turn, here or on another replica. True when a turn was running
   * somewhere (it is being stopped), false when none runs. Rejects when the relay cannot be reached.
   */
  async requestStop(sessionId: string): Promise<boolean> {
    const here = this.stopHere(sessionId);
    if (!this.relay) return here;
    // Published even when something stopped here: a queued turn (`multitask: enqueue`) may wait here
    // while the running turn is on another replica.
    const published = await this.relay.publish(sessionId).catch((error: unknown) => {
      if (here) return 0;
      throw error;
    });
    return published > 0 || here;
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
 * Stop requests over Redis pub/sub: one channel (`<prefix>turn-stop`, `<origin> <session id>` as the
 * message) that every replica subscribes to once, so a turn costs no subscription. Whether a turn of the
 * session runs anywhere is its lease: none, and the stop is refused (409) without publishing.
 */
export class RedisStopRelay {
  private readonly channel: string;
  /**
   * This process's own messages are ignored: it stopped its turns before publishing, and an interrupting
   * turn (`multitask: interrupt`) that starts watching right after its stop must not be hit by its own
   * message arriving late.
   */
  private readonly origin = randomUUID();
  private handler: (sessionId: string) => void = () => undefined;

  constructor(
    private readonly publisher: Redis,
    subscriber: Redis,
    private readonly keys: RedisKeys,
  ) {
    this.channel = keys.turnStopChannel();
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const space = message.indexOf(' ');
      if (message.slice(0, space) !== this.origin) this.handler(message.slice(space + 1));
    });
    // Queued on the subscriber connection while it is down; resubscribed after a reconnect.
    subscriber.subscribe(this.channel).catch(() => undefined);
  }

  onStop(handler: (sessionId: string) => void): void {
    this.handler = handler;
  }

  /** 1 when a turn of the session holds its lease (the replicas were told), 0 when none does. */
  publish(sessionId: string): Promise<number> {
    return guarded(this.publisher, async () => {
      if ((await this.publisher.exists(this.keys.lease(sessionId))) === 0) return 0;
      await this.publisher.publish(this.channel, `${this.origin} ${sessionId}`);
      return 1;
    });
  }
}
