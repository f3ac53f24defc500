import { describe, expect, it } from '@jest/globals';
import { parseEnv } from '../config/env.schema.js';
import { clusterOptions, parseClusterNodes } from './redis-cluster-client.js';

describe(parseClusterNodes.name, () => {
  it('reads host:port seeds separated by commas', () => {
    expect(parseClusterNodes(' 10.0.0.1:7000, redis-b:7001 ,')).toEqual([
      { host: '10.0.0.1', port: 7000 },
      { host: 'redis-b', port: 7001 },
    ]);
  });

  it('refuses a seed without a port', () => {
    expect(() => parseClusterNodes('redis-a')).toThrow(/host:port/);
  });
});

describe(clusterOptions.name, () => {
  it('keeps commands fail-fast and on masters, and never resends a command whose connection closed', () => {
    const options = clusterOptions('command');
    expect(options).toMatchObject({ scaleReads: 'master', enableOfflineQueue: false, retryDelayOnFailover: 0, shardedSubscribers: false });
    expect(options.redisOptions).toMatchObject({ maxRetriesPerRequest: 0, autoResendUnfulfilledCommands: false, commandTimeout: 1000 });
    expect(clusterOptions('subscriber')).toMatchObject({ shardedSubscribers: true, enableOfflineQueue: true });
  });
});

describe('REDIS_CLUSTER_NODES', () => {
  it('stands in for REDIS_URL with SESSION_STORE=redis', () => {
    const env = parseEnv({ SESSION_STORE: 'redis', REDIS_CLUSTER_NODES: '127.0.0.1:7000,127.0.0.1:7001', REDIS_COMMIT_REPLICAS: '1' });
    expect(env.REDIS_CLUSTER_NODES).toBe('127.0.0.1:7000,127.0.0.1:7001');
    expect(env.REDIS_COMMIT_REPLICAS).toBe(1);
    expect(() => parseEnv({ SESSION_STORE: 'redis' })).toThrow(/REDIS_URL/);
    expect(() => parseEnv({ SESSION_STORE: 'redis', REDIS_CLUSTER_NODES: 'nohost' })).toThrow(/REDIS_CLUSTER_NODES: "nohost" is not host:port/);
  });
});
