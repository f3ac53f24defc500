import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { deleteKeysUnder, describeWithRedis, sleep, testKeyPrefix } from '../../../test/contracts/redis-test-env.js';
import { RedisKeys } from '../../redis/keyspace.js';
import { closeRedisClient, createRedisClient, untilReady } from '../../redis/redis-client.js';
import { RedisStopRelay, TurnStops } from './turn-stops.js';

describe(TurnStops.name, () => {
  it('in one process: stops every turn watched for the session, and says when none runs', async () => {
    const stops = new TurnStops();
    expect(await stops.requestStop('s1')).toBe(false);
    let stopped = 0;
    const leaveA = stops.watch('s1', () => stopped++);
    const leaveB = stops.watch('s1', () => stopped++);
    expect(await stops.requestStop('s1')).toBe(true);
    expect(stopped).toBe(2);
    leaveA();
    leaveB();
    expect(stops.watchedSessions).toBe(0);
    expect(await stops.requestStop('s1')).toBe(false);
  });
});

describeWithRedis(`${TurnStops.name} across replicas`, (url) => {
  const keyPrefix = testKeyPrefix();
  const keys = new RedisKeys(keyPrefix);
  let command: Redis;
  const subscribers: Redis[] = [];

  const replica = (): { stops: TurnStops; subscriber: Redis } => {
    const subscriber = createRedisClient(url, { role: 'subscriber', connectionName: 'turn-stops-spec' });
    subscribers.push(subscriber);
    return { stops: new TurnStops(new RedisStopRelay(command, subscriber, keys)), subscriber };
  };
  const leased = (sessionId: string): Promise<unknown> => command.set(keys.lease(sessionId), 'token', 'PX', 60_000);
  const until = async (condition: () => boolean): Promise<void> => {
    for (let tries = 0; tries < 200 && !condition(); tries++) await sleep(10);
    expect(condition()).toBe(true);
  };

  let a: ReturnType<typeof replica>;
  let b: ReturnType<typeof replica>;

  beforeAll(async () => {
    command = createRedisClient(url, { role: 'command', connectionName: 'turn-stops-spec' });
    await untilReady(command, 5000);
    [a, b] = [replica(), replica()];
    for (let tries = 0; tries < 200; tries++) {
      const [, count] = (await command.pubsub('NUMSUB', keys.turnStopChannel())) as [string, number];
      if (count >= 2) break;
      await sleep(10);
    }
  });
  afterAll(async () => {
    await Promise.all(subscribers.map((client) => closeRedisClient(client)));
    await deleteKeysUnder(command, keyPrefix);
    await closeRedisClient(command);
  });

  it('a stop requested on one replica stops the turn on the other; none leased, nothing is published', async () => {
    let stopped = 0;
    const leave = b.stops.watch('x1', () => stopped++);
    expect(await a.stops.requestStop('x1')).toBe(false); // no lease: no turn runs anywhere
    await leased('x1');
    expect(await a.stops.requestStop('x1')).toBe(true);
    await until(() => stopped === 1);
    leave();
  });

  it('publishes even when a turn was stopped here, so a turn queued on another replica is cancelled too', async () => {
    await leased('x2');
    const stopped: string[] = [];
    const leaveA = a.stops.watch('x2', () => stopped.push('a'));
    const leaveB = b.stops.watch('x2', () => stopped.push('b'));
    expect(await a.stops.requestStop('x2')).toBe(true);
    await until(() => stopped.includes('b'));
    expect(stopped.sort()).toEqual(['a', 'b']);
    leaveA();
    leaveB();
  });

  it("ignores its own message: a turn that starts watching right after its own stop request is not stopped by it", async () => {
    await leased('x3');
    const stopped: string[] = [];
    const leaveB = b.stops.watch('x3', () => stopped.push('b'));
    expect(await a.stops.requestStop('x3')).toBe(true);
    const leaveA = a.stops.watch('x3', () => stopped.push('a'));
    await until(() => stopped.includes('b'));
    await a.subscriber.ping(); // replies in order: A's subscriber has read the message by now
    expect(stopped).toEqual(['b']);
    leaveA();
    leaveB();
  });
});
