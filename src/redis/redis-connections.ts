import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { closeRedisClient, createRedisClient, type CreateRedisClientOptions } from './redis-client.js';
import { createRedisClusterClient } from './redis-cluster-client.js';

/**
 * The process's two Redis connections (each a cluster client on Redis Cluster), opened on first use and closed at shutdown: `command` for
 * store commands and publishing (fails fast), `subscriber` for pub/sub (a connection in subscriber
 * mode cannot run other commands). Nothing connects unless something asks for a connection, so the
 * memory configuration opens none.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private commandClient: Redis | undefined;
  private subscriberClient: Redis | undefined;
  constructor(private readonly config: AppConfig) {}

  /** The shared connection for commands (store scripts, reads, PUBLISH). */
  get command(): Redis {
    this.commandClient ??= this.open({ role: 'command', connectionName: 'abc-command' });
    return this.commandClient;
  }

  /** The dedicated pub/sub connection of the event bus. */
  get subscriber(): Redis {
    this.subscriberClient ??= this.open({ role: 'subscriber', connectionName: 'abc-subscriber' });
    return this.subscriberClient;
  }

  async onApplicationShutdown(): Promise<void> {
    const open = [this.commandClient, this.subscriberClient].filter((client) => client !== undefined);
    this.commandClient = this.subscriberClient = undefined;
    await Promise.all(open.map((client) => closeRedisClient(client)));
  }

  /** A Redis Cluster client when `REDIS_CLUSTER_NODES` is set (then `REDIS_URL` is unused), else one node. */
  private open(options: CreateRedisClientOptions): Redis {
    const { REDIS_CLUSTER_NODES: seeds, REDIS_URL: url } = this.config.env;
    if (seeds) return createRedisClusterClient(seeds, options);
    if (!url) throw new Error('REDIS_URL or REDIS_CLUSTER_NODES is required to open Redis connections');
    return createRedisClient(url, options);
  }
}
