import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import { SystemClock } from '../../common/clock.js';
import { closeRedisClient, createRedisClient, untilReady } from '../../redis/redis-client.js';
import { sessionStoreContract } from '../../../test/contracts/session-store.contract.js';
import { chatEvent, nextEvents, nextState, oauthRecord, sessionState } from '../../../test/contracts/session-fixtures.js';
import {
  deleteKeysUnder,
  describeWithRedis,
  keysUnder,
  keysWithoutTtl,
  sleep,
  testKeyPrefix,
} from '../../../test/contracts/redis-test-env.js';
import { RedisKeys } from '../../redis/keyspace.js';
import { CommitNotReplicatedError, createRedisSessionStore, RedisSessionStore } from './redis-session-store.js';
import { StoreUnavailableError, VersionConflictError } from './session-store.js';
import { ConversationPhase, type ConversationState } from '../state.js';
import type { EditRecord } from '../requirements/edit-history.js';
import { thaw } from './frozen.js';
import { coreJson } from './redis-state-fields.js';
import type { CommittedState } from './session-store.js';

describeWithRedis(RedisSessionStore.name, (url) => {
  const runPrefix = testKeyPrefix();
  let client: Redis;
  let stores = 0;

  beforeAll(async () => {
    client = createRedisClient(url, { role: 'command', connectionName: 'session-store-spec' });
    await untilReady(client, 5000);
  });

  afterAll(async () => {
    try {
      expect(await keysWithoutTtl(client, runPrefix)).toEqual([]);
      await deleteKeysUnder(client, runPrefix);
    } finally {
      await closeRedisClient(client);
    }
  });

  sessionStoreContract({
    name: RedisSessionStore.name,
    async create({ eventLogCap }) {
      const keyPrefix = `${runPrefix}${++stores}:`;
      return {
        store: createRedisSessionStore(client, { keyPrefix, eventLogCap }),
        clock: new SystemClock(),
        advance: sleep,
        async cleanup() {
          const forever = await keysWithoutTtl(client, keyPrefix);
          await deleteKeysUnder(client, keyPrefix);
          if (forever.length > 0) throw new Error(`Keys without a TTL: ${forever.join(', ')}`);
        },
      };
    },
  });

  describe('on Redis', () => {
    const keyPrefix = `${runPrefix}redis:`;
    const keys = new RedisKeys(keyPrefix);
    const ttl = { ttlMs: 60_000 };

    it('gives every key a TTL that slides with each save', async () => {
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const created = sessionState('ttl-1', Date.now());
      await store.create(created, { ttlMs: 10_000 });
      const events = nextEvents(created, 2);
      await store.save(nextState(created, events), 0, events, ttl);
      await store.acquireLease('ttl-1', 30_000);
      await store.putOauthState(oauthRecord('st', 'ttl-1', Date.now() + 60_000), 30_000);

      const written = await keysUnder(client, keyPrefix);
      expect(written.sort()).toEqual(
        [
          keys.session('ttl-1'),
          keys.events('ttl-1'),
          keys.lease('ttl-1'),
          keys.oauthState('st'),
          keys.idle(created),
          keys.owner(created),
        ].sort(),
      );
      for (const key of [keys.session('ttl-1'), keys.events('ttl-1'), keys.idle(created), keys.owner(created)]) {
        expect(await client.pttl(key)).toBeGreaterThan(50_000);
      }
      expect(await keysWithoutTtl(client, keyPrefix)).toEqual([]);
    });

    it('reads a state it committed itself without its JSON sent again, and another replica\'s commit in full', async () => {
      const replicaA = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const replicaB = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const created = sessionState('near-1', Date.now());
      await replicaA.create(created, ttl);
      const turn = async (store: RedisSessionStore): Promise<ConversationState> => {
        const { token, state } = await store.acquireLeaseAndGet('near-1', 60_000);
        const events = nextEvents(state!, 1);
        const next = nextState(state!, events);
        await store.saveAndRelease(next, state!.version, events, ttl, token!);
        return next;
      };
      const byA = await turn(replicaA);
      // What the lease script answers, seen on the connection.
      const replies: Promise<unknown>[] = [];
      const send = client.sendCommand.bind(client);
      client.sendCommand = ((command: { name: string; promise: Promise<unknown> }, ...rest: unknown[]) => {
        if (command.name === 'evalsha') replies.push(command.promise);
        return (send as (...args: unknown[]) => unknown)(command, ...rest);
      }) as typeof client.sendCommand;
      try {
        const read = await replicaA.acquireLeaseAndGet('near-1', 60_000);
        expect(read.state).toEqual(byA);
        expect(await replies.at(-1)).toEqual([1, '']);
        await replicaA.releaseLease('near-1', read.token!);

        const byB = await turn(replicaB);
        replies.length = 0;
        expect((await replicaA.acquireLeaseAndGet('near-1', 60_000)).state).toEqual(byB);
        // The state's fields (see redis-state-fields.ts): the lists apart, each item one line.
        expect(await replies[0]).toEqual([1, coreJson(byB), expect.any(String), '', '', null]);
      } finally {
        client.sendCommand = send;
      }
    });

    // Their own prefix: the sessions they leave must not crowd the idle index the pruning test reads.
    const listsPrefix = `${runPrefix}lists:`;

    it('sends what a turn appends to the lists, and another replica reads them back whole', async () => {
      const keyPrefix = listsPrefix;
      const writer = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const created = sessionState('lists-1', Date.now(), { context: { ...sessionState('x', 0).context, editHistory: [] } });
      await writer.create(created, ttl);
      const saves: (string | number)[][] = [];
      const send = client.sendCommand.bind(client);
      client.sendCommand = ((command: { name: string; args: (string | number)[] }, ...rest: unknown[]) => {
        if (command.name === 'evalsha' && command.args.length > 20) saves.push(command.args);
        return (send as (...args: unknown[]) => unknown)(command, ...rest);
      }) as typeof client.sendCommand;
      // A list's op, drop and lines in the save's arguments (sha, key count, 4 keys, then ARGV 15…).
      const listArgs = (args: (string | number)[], list: number): unknown[] => args.slice(6 + 14 + 3 * list, 6 + 17 + 3 * list);
      try {
        let state: ConversationState | CommittedState = created;
        const record = (turn: number): EditRecord => ({ said: [`edit ${turn}`], changes: [{ field: 'filters', before: { value: `f${turn}`, status: 'inferred' } }] });
        for (let turn = 1; turn <= 8; turn++) {
          const { token, state: committed } = await writer.acquireLeaseAndGet('lists-1', 60_000);
          const read = thaw<ConversationState>(committed!);
          const events = nextEvents(read, 1);
          const edits = read.context.editHistory ?? [];
          const next = nextState(read, events, {
            // Capped as the turn caps them: the oldest fall off the front.
            history: [...read.history, { from: ConversationPhase.DISCOVERY, to: ConversationPhase.REQUIREMENTS, at: turn, reason: `turn ${turn}` }].slice(-3),
            context: {
              ...read.context,
              transcript: [...read.context.transcript, { role: 'user' as const, text: `line ${turn}\nwith a break` }, { role: 'assistant' as const, text: 'ok' }].slice(-5),
              // An undo on turn 5 (the last record goes), a reset on turn 7, else one record more.
              editHistory: turn === 5 ? edits.slice(0, -1) : turn === 7 ? [] : [...edits, record(turn)],
            },
          });
          await writer.saveAndRelease(next, read.version, events, ttl, token!);
          state = next;
          const fresh = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
          expect(await fresh.get('lists-1')).toEqual(state);
        }
        const [, , , , , , ...argv] = saves.at(-1)!;
        expect(argv[13]).toEqual(expect.any(String)); // the base commit
        // Turn 8: one history record appended, one dropped (cap 3); two transcript lines, two dropped (cap 5).
        expect(listArgs(saves.at(-1)!, 0)).toEqual(['+', '1', JSON.stringify(state.history.at(-1))]);
        expect(listArgs(saves.at(-1)!, 1)).toEqual(['+', '2', state.context.transcript.slice(-2).map((line) => JSON.stringify(line)).join('\n')]);
        // Turn 5's undo and turn 7's reset write the edit history whole.
        expect(listArgs(saves[4]!, 2)[0]).toBe('!');
        expect(listArgs(saves[6]!, 2)).toEqual(['!', '0', '']);
        expect(saves.every((args) => !String(args[7]).includes('"history"'))).toBe(true);
      } finally {
        client.sendCommand = send;
      }
    });

    it('appends nothing to lists a replica of an earlier release left stale by saving the whole state', async () => {
      const keyPrefix = listsPrefix;
      const keys = new RedisKeys(keyPrefix);
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const record = (at: number): ConversationState['history'][number] => ({ from: ConversationPhase.IDLE, to: ConversationPhase.DISCOVERY, at, reason: `r${at}` });
      const created = sessionState('mixed-1', Date.now());
      await store.create(created, ttl);
      const first = nextState(created, [], { history: [record(1)] });
      await store.save(first, 0, [], ttl);
      // An older replica's turn: the whole state in st (its own history), a commit id of its own, h untouched.
      const byOlder = nextState(first, [], { history: [record(1), record(2), record(3)] });
      await client.hset(keys.session('mixed-1'), 'st', JSON.stringify(byOlder), 'v', byOlder.version, 'c', 'older-release-commit');

      const { token, state } = await store.acquireLeaseAndGet('mixed-1', 60_000);
      expect(state).toEqual(byOlder);
      const next = nextState(state!, [], { history: [...state!.history, record(4)] });
      await store.saveAndRelease(next, byOlder.version, [], ttl, token!);
      expect(await createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 }).get('mixed-1')).toEqual(next);
    });

    it('reads a record of the earlier layout (the whole state in st) and writes it whole on its next save', async () => {
      const keyPrefix = listsPrefix;
      const keys = new RedisKeys(keyPrefix);
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const old = sessionState('layout-1', Date.now(), {
        version: 3,
        history: [{ from: ConversationPhase.IDLE, to: ConversationPhase.DISCOVERY, at: 1, reason: 'first_message' }],
        context: { ...sessionState('x', 0).context, transcript: [{ role: 'user', text: 'hello' }] },
      });
      const key = keys.session('layout-1');
      await client.hset(key, 'st', JSON.stringify(old), 'v', 3, 'ls', 0, 'c', 'commit-of-an-older-release', 'a', old.lastActivityAt, 's', 'active');
      await client.pexpire(key, 60_000);

      const { token, state } = await store.acquireLeaseAndGet('layout-1', 60_000);
      expect(state).toEqual(old);
      const events = nextEvents(state!, 1);
      const next = nextState(state!, events, { history: [...state!.history, { from: ConversationPhase.DISCOVERY, to: ConversationPhase.REQUIREMENTS, at: 2, reason: 'x' }] });
      await store.saveAndRelease(next, 3, events, ttl, token!);
      expect(await createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 }).get('layout-1')).toEqual(next);
      expect(await client.hget(key, 'h')).toBe(next.history.map((record) => JSON.stringify(record)).join('\n'));
      expect(await store.isLeased('layout-1')).toBe(false);
    });

    it('renews the TTLs (and the indexes) once less than half is left, not on every save', async () => {
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const created = sessionState('ttl-2', Date.now());
      await store.create(created, { ttlMs: 100_000 });
      const first = nextEvents(created, 1);
      let state = nextState(created, first);
      await store.save(state, 0, first, { ttlMs: 100_000 });
      // As if that save had been 60 s ago: 40 s left of the 100 s.
      for (const key of [keys.session('ttl-2'), keys.events('ttl-2')]) await client.pexpire(key, 40_000);
      await client.hset(keys.session('ttl-2'), 'x', Date.now() + 40_000);
      await client.zadd(keys.idle(created), 1, 'ttl-2');

      const save = async (): Promise<void> => {
        const events = nextEvents(state, 1);
        // Each save a second after the last: two saves in one millisecond would leave no lag to see.
        const next = nextState(state, events, { lastActivityAt: Math.max(Date.now(), state.lastActivityAt + 1_000) });
        await store.save(next, state.version, events, { ttlMs: 100_000 });
        state = next;
      };
      await save();
      expect(await client.pttl(keys.session('ttl-2'))).toBeGreaterThan(90_000);
      expect(await client.pttl(keys.events('ttl-2'))).toBeGreaterThan(90_000);
      expect(Number(await client.zscore(keys.idle(created), 'ttl-2'))).toBe(state.lastActivityAt);

      await client.pexpire(keys.session('ttl-2'), 70_000);
      await save();
      // More than half was left: the save renewed nothing, and the idle entry lags behind activity.
      expect(await client.pttl(keys.session('ttl-2'))).toBeLessThanOrEqual(70_000);
      expect(Number(await client.zscore(keys.idle(created), 'ttl-2'))).toBeLessThan(state.lastActivityAt);
      expect(await store.findIdle(state.lastActivityAt, 10)).not.toContain('ttl-2');
      expect(Number(await client.zscore(keys.idle(created), 'ttl-2'))).toBe(state.lastActivityAt);
    });

    it('stores a commit\'s events as one stream entry `<last seq>-0`, and reads back only the newest cap', async () => {
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 3 });
      const created = sessionState('stream-1', Date.now());
      await store.create(created, ttl);
      const events = nextEvents(created, 2);
      const saved = nextState(created, events);
      await store.save(saved, 0, events, ttl);
      const more = nextEvents(saved, 3);
      await store.save(nextState(saved, more), 1, more, ttl);

      const entries = await client.xrange(keys.events('stream-1'), '-', '+');
      expect(entries.map(([id]) => id)).toEqual(['5-0']);
      expect(JSON.parse(entries[0]![1][1]!)).toEqual(more);
      expect((await store.readEvents('stream-1', 0, 10)).map((event) => event.seq)).toEqual([3, 4, 5]);
    });

    it('reads entries written one event each (the layout before one entry per commit)', async () => {
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const created = sessionState('stream-2', Date.now());
      await store.create(created, ttl);
      const [first, second] = nextEvents(created, 2);
      await client.xadd(keys.events('stream-2'), '1-0', 'e', JSON.stringify(first));
      await client.xadd(keys.events('stream-2'), '2-0', 'e', JSON.stringify(second));
      await client.hset(keys.session('stream-2'), 'ls', 2);
      await client.pexpire(keys.events('stream-2'), 60_000);

      expect(await store.readEvents('stream-2', 1, 10)).toEqual([second]);
    });

    it('refuses events that do not follow the last seq, writing nothing', async () => {
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const created = sessionState('seq-1', Date.now());
      await store.create(created, ttl);
      const first = nextEvents(created, 2);
      const saved = nextState(created, first);
      await store.save(saved, 0, first, ttl);

      const replayed = nextEvents(created, 1);
      await expect(store.save(nextState(saved, replayed), 1, replayed, ttl)).rejects.toThrow(/seq/);
      const unordered = [...nextEvents(saved, 2)].reverse();
      await expect(store.save(nextState(saved, unordered), 1, unordered, ttl)).rejects.toThrow(/seq/);
      expect(await store.get('seq-1')).toEqual(saved);
    });

    it('runs a turn (quota, lease, read, commit, release) in two commands', async () => {
      const counted = createRedisClient(url, { role: 'command', connectionName: 'round-trips' });
      try {
        await untilReady(counted, 5000);
        const store = createRedisSessionStore(counted, { keyPrefix, eventLogCap: 10 });
        const created = sessionState('rt-1', Date.now());
        await store.create(created, ttl);
        const quota = { owner: created, points: 100, windowMs: 60_000 };
        const turn = async (): Promise<void> => {
          const { token, state } = await store.acquireLeaseAndGet('rt-1', 60_000, quota);
          const events = nextEvents(state!, 3);
          await store.saveAndRelease(nextState(state!, events), state!.version, events, ttl, token!);
        };
        // Warm up: the first use of a script on a connection may send EVAL instead of EVALSHA.
        await turn();

        const sent: string[] = [];
        const send = counted.sendCommand.bind(counted);
        counted.sendCommand = ((command: { name: string }, ...rest: unknown[]) => {
          sent.push(command.name);
          return (send as (...args: unknown[]) => unknown)(command, ...rest);
        }) as typeof counted.sendCommand;
        await turn();

        // The idle index lags behind activity (findIdle corrects it): no index write per turn.
        expect(sent).toEqual(['evalsha', 'evalsha']);
        expect(await store.isLeased('rt-1')).toBe(false);
      } finally {
        await closeRedisClient(counted);
      }
    });

    it('answers a commit no replica acknowledged as unavailable, with the commit kept on the node', async () => {
      // A single node has no replica: WAIT 1 times out with 0 acknowledgements.
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10, commitReplicas: 1, commitReplicaTimeoutMs: 20 });
      const created = sessionState('wait-1', Date.now());
      await store.create(created, ttl);
      const events = nextEvents(created, 1);
      const saved = nextState(created, events);
      const commit = store.save(saved, 0, events, ttl);
      await expect(commit).rejects.toBeInstanceOf(CommitNotReplicatedError);
      await expect(commit).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(await store.get('wait-1')).toEqual(saved);
      // A conflict is no commit: it needs no replica.
      await expect(store.save(saved, 0, [], ttl)).rejects.toBeInstanceOf(VersionConflictError);
    });

    it('lets the sweep rewrite an idle entry that lags its session (a crash between the two writes)', async () => {
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const owner = { tenantId: 'lag', userId: 'me' };
      const now = Date.now();
      const created = sessionState('lagging', now, owner);
      await store.create(created, ttl);
      // The index write of a later turn never happened: the entry still says an hour ago.
      await client.zadd(keys.idle(owner), now - 3_600_000, 'lagging');

      const expired = await store.expireIdle(now - 1000, now, 10, ttl, (tombstone) => chatEvent(tombstone.sessionId, tombstone.lastEventSeq, 'expired'));
      expect(expired).toEqual([]);
      expect(Number(await client.zscore(keys.idle(owner), 'lagging'))).toBe(created.lastActivityAt);
      expect(await store.findIdle(now - 1000, 10)).toEqual([]);
    });

    it('prunes index entries of sessions whose keys are gone', async () => {
      const store = createRedisSessionStore(client, { keyPrefix, eventLogCap: 10 });
      const owner = { tenantId: 'prune', userId: 'me' };
      const t = Date.now();
      await store.create(sessionState('gone', t, owner), ttl);
      await store.create(sessionState('kept', t + 1, owner), ttl);
      await client.del(keys.session('gone'));

      expect(await store.findIdle(t + 10, 10)).not.toContain('gone');
      expect((await store.listByOwner(owner)).map((state) => state.sessionId)).toEqual(['kept']);
      expect(await client.zscore(keys.idle(owner), 'gone')).toBeNull();
      expect(await client.zrange(keys.owner(owner), '0', '-1')).toEqual(['kept']);
    });
  });
});
