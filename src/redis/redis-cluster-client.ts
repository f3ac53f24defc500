import { Logger } from '@nestjs/common';
import { Cluster, type ClusterOptions, type Redis } from 'ioredis';
import { coalesceWrites } from './coalesced-writes.js';
import { COMMAND_CONNECTION_OPTIONS, cappedRetryStrategy, type CreateRedisClientOptions } from './redis-client.js';

/**
 * Seed nodes of `REDIS_CLUSTER_NODES` (`host:port,host:port,…`); the client learns the rest of the
 * cluster from them.
 */
export function parseClusterNodes(list: string): { host: string; port: number }[] {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const at = item.lastIndexOf(':');
      const port = Number(item.slice(at + 1));
      if (at <= 0 || !Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`"${item}" is not host:port`);
      return { host: item.slice(0, at), port };
    });
}

/**
 * Options of a cluster client for a role. The command role keeps the fail-fast options of a single
 * node (command timeout, no offline queue, nothing resent), and redirections that are safe to follow:
 * `MOVED`/`ASK`/`TRYAGAIN` say the command did not run. Trap: a command whose connection closed may have
 * run; ioredis would send it again after a failover (`retryDelayOnFailover`), so that is off, like
 * `CLUSTERDOWN` retries (they answer 503 at once). Reads and writes go to masters only: a replica may
 * lag behind a commit.
 */
export function clusterOptions(role: CreateRedisClientOptions['role'], connectionName?: string): ClusterOptions {
  const command = role === 'command';
  return {
    scaleReads: 'master',
    enableOfflineQueue: !command,
    clusterRetryStrategy: cappedRetryStrategy,
    retryDelayOnFailover: 0,
    retryDelayOnClusterDown: 0,
    retryDelayOnTryAgain: 100,
    maxRedirections: 16,
    slotsRefreshTimeout: 2000,
    slotsRefreshInterval: 1000,
    // The subscriber holds one connection per master for `SSUBSCRIBE` (the session's shard channel).
    shardedSubscribers: !command,
    redisOptions: command
      ? {
          commandTimeout: COMMAND_CONNECTION_OPTIONS.commandTimeout,
          connectTimeout: COMMAND_CONNECTION_OPTIONS.connectTimeout,
          maxRetriesPerRequest: 0,
          autoResendUnfulfilledCommands: false,
          connectionName,
        }
      : { connectTimeout: 2000, maxRetriesPerRequest: null, autoResubscribe: true, connectionName },
  };
}

/**
 * Opens a Redis Cluster client for the seeds, reporting errors once per outage like `createRedisClient`.
 * Typed as `Redis`: `Cluster` has the same commands, `status`, events, `defineCommand` and `pipeline`
 * (a pipeline goes to the node of its keys), which is all the stores use; the one difference that
 * matters, keys of one script sharing a slot, is the keyspace's job (`RedisKeys`).
 */
export function createRedisClusterClient(seeds: string, options: CreateRedisClientOptions): Redis {
  const cluster = new Cluster(parseClusterNodes(seeds), { ...clusterOptions(options.role, options.connectionName) });
  const logger = new Logger(`RedisCluster:${options.role}`);
  const report = options.onError ?? ((error: Error) => logger.warn(`Redis Cluster unreachable: ${error.message}`));
  let reported = false;
  cluster.on('error', (error: Error) => {
    if (reported) return;
    reported = true;
    report(error);
  });
  cluster.on('ready', () => {
    reported = false;
  });
  // Each master's connection, as the cluster client makes it (see `coalesceWrites`).
  cluster.on('+node', (node: Redis) => coalesceWrites(node));
  return cluster as unknown as Redis;
}
