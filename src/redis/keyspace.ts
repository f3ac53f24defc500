import type { SessionOwner } from '../conversation/state.js';

/**
 * How many buckets the idle index (and the owner indexes, see `RedisKeys.ownerTag`) is sharded into. Each
 * bucket is its own hash tag, so the buckets spread over the masters of a Redis Cluster; the sweep reads
 * them one by one. Changing it moves every index entry: only with the service stopped and the store empty.
 */
export const INDEX_BUCKETS = 16;

/**
 * The keyspace: every Redis key and channel name the service uses, under one configurable prefix, in
 * this one file. The hash tags (`{…}`) decide which slot of a Redis Cluster holds a key; on a single
 * node they are plain characters, so one layout serves both.
 *
 * Layout (`p` = prefix):
 * - `p:session:{<id>}`  hash `{ st: state JSON without its lists, h / tr / eh: the phase history, the
 *   transcript and the edit history, one JSON item per line (see `redis-state-fields.ts`; a record of an
 *   earlier release has none of them and the whole state in st), v: version, ls: last event seq, o: owner
 *   index key, i: idle bucket key, c: id of the last commit, a: last activity, s: status, x: until when
 *   its TTLs surely last, by the writer's clock }`
 * - `p:events:{<id>}`   stream of the session's durable events, one entry per commit: id `<its last seq>-0`,
 *   field `e` = the commit's events as a JSON array (entries of older releases hold one event object)
 * - `p:lease:{<id>}`    string, the turn lease token (`SET NX PX`)
 * - shard channel `p:live:{<id>}` carries committed events (a JSON array) for live delivery (`SPUBLISH`)
 * - `p:idem:{<id>}:<hash>` string, an idempotency record of the session (hash of tenant, user, session, key)
 *   (everything above shares the session's tag: a turn's scripts each run in one slot)
 * - `p:idle:{b<n>}`     sorted set of active session ids by `lastActivityAt`, bucket n of the owner
 * - `p:owner:{b<n>}:<tenant>:<user>` sorted set of the owner's session ids by `createdAt`, in the same
 *   slot as the owner's idle bucket, so one script keeps both indexes of a session
 * - `p:oauth:<state>` string, the pending-OAuth record JSON (`SET PX`, taken with `GETDEL`)
 * - channel `p:turn-stop` carries stop requests (a session id) to every replica (plain PUBLISH: rare)
 * - `p:ready-probe:<uuid>` string, the readiness check's tiny write (short TTL)
 * - `p:oauth-receipt:<sha256(state)>` string, what became of a callback (for its duplicates)
 * - `p:quota:<tenant>:<user>` string, the owner's turns in the current window (a one-key script)
 * - `p:cred:<tenant>:<user>:<provider>` string, sealed OAuth credentials
 * - `p:agent:{<tenant>}:<user>:<agent>` string, a generated agent (draft or active) JSON
 *   (each of these is only ever used one key per command, so its own slot is all it needs and it needs
 *   no tag: a key without braces is its own tag. Credentials keep the names they had before the cluster
 *   layout, so connected accounts survive the upgrade; sessions open during it do not carry over.)
 *
 * No script builds a key from what it reads: every key a script touches is passed in `KEYS`, and every
 * script's keys share one tag. Session ids are generated (UUIDs) and owner parts are URI-encoded, so no
 * part ever contains a `{` or `}` that would move a tag.
 */
export class RedisKeys {
  constructor(readonly prefix: string) {}

  session(sessionId: string): string {
    return `${this.prefix}session:${sessionTag(sessionId)}`;
  }

  events(sessionId: string): string {
    return `${this.prefix}events:${sessionTag(sessionId)}`;
  }

  lease(sessionId: string): string {
    return `${this.prefix}lease:${sessionTag(sessionId)}`;
  }

  /** A shard channel (`SPUBLISH`/`SSUBSCRIBE`): it travels through the session's shard only. */
  liveChannel(sessionId: string): string {
    return `${this.prefix}live:${sessionTag(sessionId)}`;
  }

  /** `scopedKey` starts with the session's tag (see `idempotencyScope`). */
  idempotency(scopedKey: string): string {
    return `${this.prefix}idem:${scopedKey}`;
  }

  oauthState(state: string): string {
    return `${this.prefix}oauth:${state}`;
  }

  /** The idle bucket of the owner's sessions. */
  idle(owner: SessionOwner): string {
    return this.idleBucket(ownerBucket(owner));
  }

  /** Bucket `n` of the idle index (0 ≤ n < `INDEX_BUCKETS`), for the sweep. */
  idleBucket(bucket: number): string {
    return `${this.prefix}idle:{b${bucket}}`;
  }

  /** Every idle bucket, in sweep order. */
  idleBuckets(): string[] {
    return Array.from({ length: INDEX_BUCKETS }, (_, bucket) => this.idleBucket(bucket));
  }

  /** Both parts are encoded so that `a:b`/`c` and `a`/`b:c` cannot share an index. */
  owner(owner: SessionOwner): string {
    return `${this.prefix}owner:{b${ownerBucket(owner)}}:${ownerPart(owner)}`;
  }

  /** One channel for every replica: stop requests of any session (few, so no per-session subscription). */
  turnStopChannel(): string {
    return `${this.prefix}turn-stop`;
  }

  readyProbe(id: string): string {
    return `${this.prefix}ready-probe:${id}`;
  }

  /** The owner's turn-quota counter (one fixed window). */
  turnQuota(owner: SessionOwner): string {
    return `${this.prefix}quota:${ownerPart(owner)}`;
  }

  credential(key: { tenantId: string; userId: string; provider: string }): string {
    return `${this.prefix}cred:${ownerPart(key)}:${encodeURIComponent(key.provider)}`;
  }

  /** `receiptKey` is the state's SHA-256 (the state itself is a secret). */
  callbackReceipt(receiptKey: string): string {
    return `${this.prefix}oauth-receipt:${receiptKey}`;
  }

  agent(owner: SessionOwner, agentId: string): string {
    return `${this.prefix}agent:{${owner.tenantId}}:${encodeURIComponent(owner.userId)}:${encodeURIComponent(agentId)}`;
  }
}

/** The hash tag every key of a session carries. */
export function sessionTag(sessionId: string): string {
  return `{${sessionId}}`;
}

/** An idempotency key scoped to its session: the session's tag, then `digest` (see `RedisKeys.idempotency`). */
export function idempotencyScope(sessionId: string, digest: string): string {
  return `${sessionTag(sessionId)}:${digest}`;
}

function ownerPart(owner: { tenantId: string; userId: string }): string {
  return `${encodeURIComponent(owner.tenantId)}:${encodeURIComponent(owner.userId)}`;
}

/** FNV-1a of the owner, modulo the bucket count: stable across processes and versions. */
export function ownerBucket(owner: SessionOwner): number {
  let hash = 0x811c9dc5;
  for (const char of ownerPart(owner)) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % INDEX_BUCKETS;
}
