import type { SessionOwner } from '../state.js';

/**
 * Every Redis key and channel name of the session store, under one configurable prefix.
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
}
