import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Observable, Subject } from 'rxjs';
import { type ChatResponse, isDurable } from '../chat-response.js';
import { guarded, toStoreError } from '../store/redis-errors.js';
import { StoreUnavailableError } from '../store/session-store.js';
import { RedisKeys } from '../../redis/keyspace.js';
import { parseLiveMessage } from '../store/redis-serialization.js';
import type { SessionEventBus } from './session-event-bus.js';

export interface RedisSessionEventBusOptions {
  /** Must equal the store's prefix: both name the session's live channel. */
  keyPrefix: string;
  /**
   * Whether the Redis store's `save` already publishes the events it commits (it does, in the same
   * script). Then `publish` sends only non-durable events (`delta`), and a turn costs no extra round
   * trip; durable events published twice anyway are dropped by seq on the receiving side.
   */
  durableEventsPublishedByStore: boolean;
}

interface Channel {
  subject: Subject<ChatResponse>;
  subscribers: number;
  /** Highest durable seq delivered: a durable event at or below it is a duplicate. */
  lastDurableSeq: number;
}

/**
 * Live delivery across replicas over sharded Redis pub/sub (`SPUBLISH`/`SSUBSCRIBE`, Redis 7): one shard
 * channel per session, carrying the session's hash tag, so on a Redis Cluster its messages travel through
 * the session's shard only (plain `PUBLISH` is broadcast to every node). Subscribed on the
 * dedicated subscriber connection while at least one local subscriber listens (reference-counted),
 * unsubscribed with the last one. Redis delivers one channel's messages in publish order.
 *
 * Trap: pub/sub keeps nothing. While the subscriber connection is down, events that other replicas
 * commit are published to nobody here, and the channels ioredis resubscribes after the reconnect do
 * not get them; a stream that stayed open would silently skip them. So when the connection is ready
 * again, every channel open at that moment ends with `StoreUnavailableError`: its streams close, and
 * clients resume from the event log with `Last-Event-ID` (the chat page does), missing nothing.
 */
export class RedisSessionEventBus implements SessionEventBus {
  private readonly logger = new Logger(RedisSessionEventBus.name);
  private readonly keys: RedisKeys;
  private readonly channels = new Map<string, Channel>();
  private wasReady: boolean;

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly options: RedisSessionEventBusOptions,
  ) {
    this.wasReady = subscriber.status === 'ready';
    this.keys = new RedisKeys(options.keyPrefix);
    subscriber.on('smessage', this.onMessage);
    subscriber.on('ready', this.onReady);
  }

  async publish(sessionId: string, events: readonly ChatResponse[]): Promise<void> {
    const outgoing = this.options.durableEventsPublishedByStore ? events.filter((event) => !isDurable(event.type)) : events;
    if (outgoing.length === 0) return;
    const message = JSON.stringify(outgoing);
    await guarded(this.publisher, () => this.publisher.spublish(this.keys.liveChannel(sessionId), message));
  }

  subscribe(sessionId: string): Observable<ChatResponse> {
    const name = this.keys.liveChannel(sessionId);
    return new Observable<ChatResponse>((subscriber) => {
      let channel = this.channels.get(name);
      if (!channel) {
        channel = { subject: new Subject(), subscribers: 0, lastDurableSeq: 0 };
        this.channels.set(name, channel);
        // Queued on the subscriber connection while it is down; resubscribed after a reconnect.
        this.subscriber.ssubscribe(name).catch((error: unknown) => this.failChannel(name, error));
      }
      channel.subscribers++;
      const subscription = channel.subject.subscribe(subscriber);
      const joined = channel;
      return () => {
        subscription.unsubscribe();
        if (--joined.subscribers > 0 || this.channels.get(name) !== joined) return;
        this.channels.delete(name);
        this.subscriber.sunsubscribe(name).catch(() => undefined);
      };
    });
  }

  /** Sessions with at least one live subscriber in this process (for metrics and leak checks). */
  get subscribedSessions(): number {
    return this.channels.size;
  }

  private readonly onMessage = (name: string, message: string): void => {
    const channel = this.channels.get(name);
    if (!channel) return;
    let events: ChatResponse[];
    try {
      events = parseLiveMessage(message);
    } catch {
      this.logger.warn(`Dropped an unreadable message on ${name}`);
      return;
    }
    for (const event of events) {
      if (isDurable(event.type)) {
        if (event.seq <= channel.lastDurableSeq) continue;
        channel.lastDurableSeq = event.seq;
      }
      channel.subject.next(event);
    }
  };

  /**
   * The first `ready` opens the connection the channels were queued for; any later one follows an
   * outage, after which the open channels may have missed events (see the class comment).
   */
  private readonly onReady = (): void => {
    if (!this.wasReady) {
      this.wasReady = true;
      return;
    }
    if (this.channels.size === 0) return;
    this.logger.warn(`Subscriber reconnected: ending ${this.channels.size} live channel(s) so their clients replay what they missed`);
    const error = new StoreUnavailableError(new Error('The live event connection was interrupted'));
    for (const name of this.channels.keys()) {
      this.failChannel(name, error);
      // ioredis resubscribed it on reconnecting; nobody here listens any more.
      this.subscriber.sunsubscribe(name).catch(() => undefined);
    }
  };

  /** A subscription Redis refused or interrupted: its subscribers get the error (and reconnect with `Last-Event-ID`). */
  private failChannel(name: string, error: unknown): void {
    const channel = this.channels.get(name);
    if (!channel) return;
    this.channels.delete(name);
    channel.subject.error(toStoreError(error));
  }
}

/** Builds the bus on the connections of `RedisConnections` (`command` publishes, `subscriber` listens). */
export function createRedisSessionEventBus(
  connections: { command: Redis; subscriber: Redis },
  options: RedisSessionEventBusOptions,
): RedisSessionEventBus {
  return new RedisSessionEventBus(connections.command, connections.subscriber, options);
}
