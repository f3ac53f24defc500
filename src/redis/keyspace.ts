import type { SessionOwner } from '../conversation/state.js';

/**
 * The keyspace: every Redis key and channel name the service uses, under one configurable prefix, in
 * this one file. Putting every key of a session under one hash tag (Redis Cluster) changes only the
 * methods below (and `sessionPrefix`, which scripts glue index ids onto).
 *
 * Layout (`p` = prefix):
 * - `p:session:<id>`  hash `{ st: state JSON, v: version, ls: last event seq, o: owner index key,
 *   c: id of the last commit }`
 * - `p:events:<id>`   stream of the session's durable events, entry id `<seq>-0`, field `e` = event JSON
 * - `p:lease:<id>`    string, the turn lease token (`SET NX PX`)
 * - `p:oauth:<state>` string, the pending-OAuth record JSON (`SET PX`, taken with `GETDEL`)
 * - `p:idle`          sorted set of active session ids by `lastActivityAt`
 * - `p:owner:<tenant>:<user>` sorted set of the owner's session ids by `createdAt`
 * - channel `p:live:<id>` carries committed events (a JSON array) for live delivery
 * - `p:idem:<hash>`   string, an idempotency record (hash of tenant, user, session and key)
 * - `p:quota:<tenant>:<user>` string, the owner's turns in the current window (`INCR`, `PEXPIRE` once)
 * - `p:cred:<tenant>:<user>:<provider>` string, sealed OAuth credentials
 * - `p:oauth-receipt:<sha256(state)>` string, what became of a callback (for its duplicates)
 * - `p:agent:{<tenant>}:<user>:<agent>` string, a generated agent (draft or active) JSON
 *
 * Scripts build `p:session:<id>` from an id read out of an index, so the store assumes one Redis
 * node (plain Redis or Valkey, not Cluster).
 */
export class RedisKeys {
  /** The prefix that scripts glue a session id onto to reach its hash. */
  readonly sessionPrefix: string;

  constructor(readonly prefix: string) {
    this.sessionPrefix = `${prefix}session:`;
  }

  session(sessionId: string): string {
    return this.sessionPrefix + sessionId;
  }

  events(sessionId: string): string {
    return `${this.prefix}events:${sessionId}`;
  }

  lease(sessionId: string): string {
    return `${this.prefix}lease:${sessionId}`;
  }

  oauthState(state: string): string {
    return `${this.prefix}oauth:${state}`;
  }

  idle(): string {
    return `${this.prefix}idle`;
  }

  /** Both parts are encoded so that `a:b`/`c` and `a`/`b:c` cannot share an index. */
  owner(owner: SessionOwner): string {
    return `${this.prefix}owner:${encodeURIComponent(owner.tenantId)}:${encodeURIComponent(owner.userId)}`;
  }

  liveChannel(sessionId: string): string {
    return `${this.prefix}live:${sessionId}`;
  }

  idempotency(scopedKey: string): string {
    return `${this.prefix}idem:${scopedKey}`;
  }

  /** The owner's turn-quota counter (one fixed window). */
  turnQuota(owner: SessionOwner): string {
    return `${this.prefix}quota:${encodeURIComponent(owner.tenantId)}:${encodeURIComponent(owner.userId)}`;
  }

  credential(key: { tenantId: string; userId: string; provider: string }): string {
    const part = encodeURIComponent;
    return `${this.prefix}cred:${part(key.tenantId)}:${part(key.userId)}:${part(key.provider)}`;
  }

  /** `receiptKey` is the state's SHA-256 (the state itself is a secret). */
  callbackReceipt(receiptKey: string): string {
    return `${this.prefix}oauth-receipt:${receiptKey}`;
  }

  agent(owner: SessionOwner, agentId: string): string {
    return `${this.prefix}agent:{${owner.tenantId}}:${encodeURIComponent(owner.userId)}:${encodeURIComponent(agentId)}`;
  }
}
