import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config.js';
import { closeRedisClient, createRedisClient } from './redis-client.js';

/**
 * The process's two Redis connections, opened on first use and closed at shutdown: `command` for
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
    this.commandClient ??= createRedisClient(this.url(), { role: 'command', connectionName: 'abc-command' });
    return this.commandClient;
  }

  /** The dedicated pub/sub connection of the event bus. */
  get subscriber(): Redis {
    this.subscriberClient ??= createRedisClient(this.url(), { role: 'subscriber', connectionName: 'abc-subscriber' });
    return this.subscriberClient;
  }

  async onApplicationShutdown(): Promise<void> {
    const open = [this.commandClient, this.subscriberClient].filter((client) => client !== undefined);
    this.commandClient = this.subscriberClient = undefined;
    await Promise.all(open.map((client) => closeRedisClient(client)));
  }

  private url(): string {
    const url = this.config.env.REDIS_URL;
    if (!url) throw new Error('REDIS_URL is required to open Redis connections');
    return url;
  }
}
