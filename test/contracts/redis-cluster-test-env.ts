import type { Cluster, Redis } from 'ioredis';
import { createRedisClusterClient } from '../../src/redis/redis-cluster-client.js';
import { untilReady } from '../../src/redis/redis-client.js';
import type { PrivateRedisCluster } from './private-redis-cluster.js';
import { keysUnder } from './redis-test-env.js';

/** A command client on `cluster` (the service's options), once it is ready. */
export async function clusterCommandClient(cluster: PrivateRedisCluster, connectionName: string): Promise<Redis> {
  const client = createRedisClusterClient(cluster.seeds, { role: 'command', connectionName, onError: () => undefined });
  await untilReady(client, 10_000);
  return client;
}

/** The client's master connections: SCAN runs per node on a cluster. */
function masters(client: Redis): Redis[] {
  return (client as unknown as Cluster).nodes('master');
}

/** Keys under `prefix` on every master. */
export async function clusterKeysUnder(client: Redis, prefix: string): Promise<string[]> {
  return (await Promise.all(masters(client).map((node) => keysUnder(node, prefix)))).flat();
}

/** Keys under `prefix` that would live forever (PTTL -1), on every master. */
export async function clusterKeysWithoutTtl(client: Redis, prefix: string): Promise<string[]> {
  const keys = await clusterKeysUnder(client, prefix);
  const ttls = await Promise.all(keys.map((key) => client.pttl(key)));
  return keys.filter((_, i) => ttls[i] === -1);
}

/** Deletes the keys under `prefix` one by one (a multi-key UNLINK would cross slots). */
export async function clusterDeleteKeysUnder(client: Redis, prefix: string): Promise<void> {
  await Promise.all((await clusterKeysUnder(client, prefix)).map((key) => client.unlink(key)));
}
