import type { Redis } from 'ioredis';

/**
 * The Lua scripts of the Redis session store. Each one runs atomically on the server, and every key it
 * touches is in its `KEYS` and shares one hash tag, so each runs in one slot of a Redis Cluster: the
 * session's scripts (state + event log + lease + live channel) are all-or-nothing, and the index scripts
 * (owner index + idle bucket) follow them as a second write (see `RedisSessionStore`).
 *
 * Trap: Redis does not roll a script back when a command inside it fails. Every script checks
 * everything that could make a later command fail before its first write.
 */

/**
 * Raises a key's TTL to at least `ttl` ms (indexes outlive every member they list): one command when
 * the TTL slides forward, as it does on nearly every save (Redis 7 `GT`). Trap: `GT` treats a key
 * without a TTL as infinite and leaves it so, and a `ZADD` that creates an index makes one; `NX` then
 * gives it its first TTL.
 */
const EXTEND_TTL = `
local function extend_ttl(key, ttl)
  if redis.call('PEXPIRE', key, ttl, 'GT') == 0 then redis.call('PEXPIRE', key, ttl, 'NX') end
end
`;

/**
 * KEYS: session, events. ARGV: state JSON, version, lastEventSeq, ttl ms, owner index key, idle bucket
 * key, lastActivityAt, status. Returns 1, or 0 when the session already exists. The indexes follow
 * with `INDEX` (see `RedisSessionStore` for the order of the two writes).
 */
const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'st', ARGV[1], 'v', ARGV[2], 'ls', ARGV[3], 'o', ARGV[5], 'i', ARGV[6], 'a', ARGV[7], 's', ARGV[8])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
-- A stream left by an earlier session of the same id would refuse lower entry ids.
redis.call('DEL', KEYS[2])
return 1
`;

/**
 * KEYS: session, events, lease, live channel. ARGV: 1 expected version, 2 state JSON, 3 new version,
 * 4 ttl ms, 5 event log cap, 6 commit id, 7 lease token (empty: leave the lease alone), 8 first event
 * seq (0: no events), 9 last event seq, 10 the events as one JSON array, 11 now (the writer's clock,
 * ms), 12 lastActivityAt, 13 status, 14 the commit the list ops are based on ('' for none), then for
 * each list field (`h`, `tr`, `eh`) its op, drop and lines (see `redis-state-fields.ts`).
 *
 * Returns 1 committed, 2 committed with the keys' TTLs renewed (the caller renews the indexes then),
 * 0 on a version conflict, -1 when the events do not follow the log's last seq, -2 when a list op
 * needs a base the session does not have (its last commit is another, or the list is missing: a
 * record of the earlier layout), nothing written and the lease kept: the caller writes every list
 * whole. The commit id stays in
 * the hash (`c`), so a writer whose reply was lost can tell whether its commit landed. The lease goes
 * with the commit (or with the conflict). Every key shares the session's tag: one slot.
 *
 * Cost, as measured by the benchmark (issue 13): the turn's events are one stream entry (id `<last
 * seq>-0`, field `e` = the same JSON array the live channel carries), not one per event; and the TTLs
 * are renewed only when less than half is left (`x` holds until when they surely last, by the
 * writer's clock), on the first save with events (the stream is new), and for a tombstone (its TTL is
 * its own). A record thus lives at least half its TTL past its last save; the sweep expires idle
 * sessions long before. MINID drops the entries whose events are all older than the newest `cap`;
 * `readEvents` leaves out the older events of the one entry that straddles the line.
 */
const SAVE = `
local function release()
  if ARGV[7] ~= '' and redis.call('GET', KEYS[3]) == ARGV[7] then redis.call('DEL', KEYS[3]) end
end
-- The list after dropping \`drop\` items (lines) from its front and appending \`added\`.
local function splice(old, drop, added)
  local start = 1
  for _ = 1, drop do
    local nl = string.find(old, '\\n', start, true)
    if not nl then start = #old + 1 break end
    start = nl + 1
  end
  local kept = string.sub(old, start)
  if kept == '' then return added end
  if added == '' then return kept end
  return kept .. '\\n' .. added
end
local stored = redis.call('HMGET', KEYS[1], 'v', 'ls', 'x', 'c', 'h', 'tr', 'eh')
if not stored[1] or tonumber(stored[1]) ~= tonumber(ARGV[1]) then release() return 0 end
local lists = {'h', 'tr', 'eh'}
for i = 1, 3 do
  local op = ARGV[12 + 3 * i]
  if (op == '' or op == '+') and (ARGV[14] == '' or stored[4] ~= ARGV[14] or not stored[4 + i]) then return -2 end
end
local previous = tonumber(stored[2] or '0')
local last = previous
local first = tonumber(ARGV[8])
if first > 0 then
  if first <= previous then return -1 end
  last = tonumber(ARGV[9])
end
local ttl = tonumber(ARGV[4])
local now = tonumber(ARGV[11])
local good = tonumber(stored[3] or '0')
local renew = (first > 0 and previous == 0) or good < now + ttl / 2 or good > now + ttl or ARGV[13] ~= 'active'
local fields = {'st', ARGV[2], 'v', ARGV[3], 'ls', last, 'c', ARGV[6], 'a', ARGV[12], 's', ARGV[13]}
if renew then
  fields[#fields + 1] = 'x'
  fields[#fields + 1] = string.format('%d', now + ttl)
end
local gone = {}
for i = 1, 3 do
  local op = ARGV[12 + 3 * i]
  if op == '+' or op == '!' then
    fields[#fields + 1] = lists[i]
    fields[#fields + 1] = op == '+' and splice(stored[4 + i], tonumber(ARGV[13 + 3 * i]), ARGV[14 + 3 * i]) or ARGV[14 + 3 * i]
  elseif op == '-' and stored[4 + i] then
    gone[#gone + 1] = lists[i]
  end
end
-- HSET keeps the hash's TTL; a plain SET of a string key would drop it.
redis.call('HSET', KEYS[1], unpack(fields))
if #gone > 0 then redis.call('HDEL', KEYS[1], unpack(gone)) end
if renew then redis.call('PEXPIRE', KEYS[1], ttl) end
if first > 0 then
  local oldest = math.max(0, last - tonumber(ARGV[5]) + 1)
  redis.call('XADD', KEYS[2], 'MINID', string.format('%d', oldest), string.format('%d', last) .. '-0', 'e', ARGV[10])
  redis.call('SPUBLISH', KEYS[4], ARGV[10])
end
if renew then redis.call('PEXPIRE', KEYS[2], ttl) end
release()
if renew then return 2 end
return 1
`;

/**
 * KEYS: owner index, idle bucket (one slot: both carry the owner's bucket tag). ARGV: session id,
 * createdAt, status, lastActivityAt, ttl ms. Lists the session under its owner and, while it is active,
 * in the idle bucket by its last activity (else takes it out); both indexes outlive every member.
 * Written at create, when the status changes and when a save renewed the session's TTL, not on every
 * save: between those the idle entry lags behind the session's activity, and `findIdle` corrects it.
 */
const INDEX = `${EXTEND_TTL}
local ttl = tonumber(ARGV[5])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
extend_ttl(KEYS[1], ttl)
if ARGV[3] == 'active' then
  redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
  extend_ttl(KEYS[2], ttl)
else
  redis.call('ZREM', KEYS[2], ARGV[1])
end
return 1
`;

/**
 * Counts a turn in the owner's fixed window (KEYS[q], ARGV[p] points, ARGV[p + 1] window ms); past
 * its points, returns `{-1, ms until the window starts again}` from the script.
 */
const countTurn = (q: number, p: number): string => `
local count = redis.call('INCR', KEYS[${q}])
if count == 1 then redis.call('PEXPIRE', KEYS[${q}], ARGV[${p + 1}]) end
if count > tonumber(ARGV[${p}]) then
  local left = redis.call('PTTL', KEYS[${q}])
  -- A counter left without a TTL (it cannot be, but it must not lock the owner out for good).
  if left < 0 then redis.call('PEXPIRE', KEYS[${q}], ARGV[${p + 1}]) left = tonumber(ARGV[${p + 1}]) end
  return {-1, left}
end
`;

/** KEYS: quota. ARGV: points, window ms. `{1}` within the window's points (see `countTurn`). */
const COUNT_TURN = `${countTurn(1, 1)}
return {1}
`;

/**
 * Takes the lease (`SET NX PX`, KEYS[1], ARGV[1] token, ARGV[2] ttl ms) and reads the session (KEYS[2])
 * either way: `{1, st, commit, h, tr, eh}` when taken, `{0, …}` when busy (the state's fields, see
 * `redis-state-fields.ts`); st is nil for a missing session. With the id of a commit the caller holds the state of (ARGV[k]), and that commit
 * still the session's last, the state is not sent again: `{flag, ''}`.
 */
const leaseAndGet = (k: number): string => `
local flag = 0
if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then flag = 1 end
if ARGV[${k}] ~= '' and redis.call('HGET', KEYS[2], 'c') == ARGV[${k}] then return {flag, ''} end
local read = redis.call('HMGET', KEYS[2], 'st', 'c', 'h', 'tr', 'eh')
return {flag, read[1], read[2], read[3], read[4], read[5]}
`;

/** KEYS: lease, session. ARGV: token, ttl ms, known commit id ('' for none). See `leaseAndGet`. */
const LEASE_AND_GET = leaseAndGet(3);

/**
 * KEYS: lease, session, quota. ARGV: token, ttl ms, points, window ms, known commit id. The turn
 * counted, then lease + read, in one round trip: for a single node, where the owner's quota key may sit
 * beside the session's (a cluster keeps them in different slots and counts first with `COUNT_TURN`).
 */
const COUNT_LEASE_AND_GET = `${countTurn(3, 3)}${leaseAndGet(5)}`;

/**
 * KEYS: session, events, lease. Deletes the session's keys and returns its index keys `{owner, idle}`
 * (nil when it was gone already) for the caller to take it out of them.
 */
const DELETE = `
local indexes = redis.call('HMGET', KEYS[1], 'o', 'i')
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
if not indexes[1] then return nil end
return indexes
`;

/** KEYS: owner index, idle bucket. ARGV: session id. Takes the session out of both. */
const UNINDEX = `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 1
`;

/** KEYS: lease. ARGV: token. Deletes the lease only while the token still holds it. */
const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

const RENEW_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;

const SCRIPTS = {
  sessionStoreCreate: { lua: CREATE, numberOfKeys: 2 },
  sessionStoreSave: { lua: SAVE, numberOfKeys: 4 },
  sessionStoreIndex: { lua: INDEX, numberOfKeys: 2 },
  sessionStoreCountTurn: { lua: COUNT_TURN, numberOfKeys: 1 },
  sessionStoreLeaseAndGet: { lua: LEASE_AND_GET, numberOfKeys: 2 },
  sessionStoreCountLeaseAndGet: { lua: COUNT_LEASE_AND_GET, numberOfKeys: 3 },
  sessionStoreDelete: { lua: DELETE, numberOfKeys: 3 },
  sessionStoreUnindex: { lua: UNINDEX, numberOfKeys: 2 },
  sessionStoreReleaseLease: { lua: RELEASE_LEASE, numberOfKeys: 1 },
  sessionStoreRenewLease: { lua: RENEW_LEASE, numberOfKeys: 1 },
} as const;

type ScriptArg = string | number;

/** The scripts as commands of the client: `EVALSHA`, falling back to `EVAL` once per connection. */
export type StoreScriptCommands = {
  [Name in keyof typeof SCRIPTS]: (...args: ScriptArg[]) => Promise<unknown>;
};

/** Registers the store's scripts on `client` (idempotent) and returns it typed with them. */
export function withStoreScripts(client: Redis): Redis & StoreScriptCommands {
  for (const [name, definition] of Object.entries(SCRIPTS)) {
    if (!(name in client)) client.defineCommand(name, definition);
  }
  return client as Redis & StoreScriptCommands;
}
