import type { Redis } from 'ioredis';

/**
 * The Lua scripts of the Redis session store. Each one runs atomically on the server, so every
 * multi-key change (state + event log + indexes) is a single round trip and all-or-nothing.
 *
 * Trap: Redis does not roll a script back when a command inside it fails. Every script checks
 * everything that could make a later command fail before its first write.
 */

/** Raises a key's TTL to at least `ttl` ms (indexes outlive every member they list). */
const EXTEND_TTL = `
local function extend_ttl(key, ttl)
  if redis.call('PTTL', key) < ttl then redis.call('PEXPIRE', key, ttl) end
end
`;

/**
 * KEYS: session, events, idle, owner. ARGV: state JSON, version, status, lastActivityAt, createdAt,
 * ttl ms, session id, lastEventSeq. Returns 1, or 0 when the session already exists.
 */
const CREATE = `${EXTEND_TTL}
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local ttl = tonumber(ARGV[6])
redis.call('HSET', KEYS[1], 'st', ARGV[1], 'v', ARGV[2], 'ls', ARGV[8], 'o', KEYS[4])
redis.call('PEXPIRE', KEYS[1], ttl)
-- A stream left by an earlier session of the same id would refuse lower entry ids.
redis.call('DEL', KEYS[2])
redis.call('ZADD', KEYS[4], ARGV[5], ARGV[7])
extend_ttl(KEYS[4], ttl)
if ARGV[3] == 'active' then
  redis.call('ZADD', KEYS[3], ARGV[4], ARGV[7])
  extend_ttl(KEYS[3], ttl)
end
return 1
`;

/**
 * KEYS: session, events, idle, owner, lease. ARGV: expected version, state JSON, new version, status,
 * lastActivityAt, createdAt, ttl ms, session id, event log cap, live channel, commit id, lease token
 * (empty: leave the lease alone), event count, then (seq, event JSON) per event. Returns 1, 0 on a
 * version conflict, -1 when an event's seq does not follow the log's last one. The commit id stays in
 * the hash (`c`), so a writer whose reply was lost can tell whether its commit landed. The lease goes
 * with the commit (or with the conflict): the end of a turn is one round trip.
 */
const SAVE = `${EXTEND_TTL}
local function release()
  if ARGV[12] ~= '' and redis.call('GET', KEYS[5]) == ARGV[12] then redis.call('DEL', KEYS[5]) end
end
local stored = redis.call('HMGET', KEYS[1], 'v', 'ls')
if not stored[1] or tonumber(stored[1]) ~= tonumber(ARGV[1]) then release() return 0 end
local count = tonumber(ARGV[13])
local last = tonumber(stored[2] or '0')
for i = 0, count - 1 do
  local seq = tonumber(ARGV[14 + 2 * i])
  if seq <= last then return -1 end
  last = seq
end
local ttl = tonumber(ARGV[7])
-- HSET keeps the hash's TTL and PEXPIRE slides it; a plain SET of a string key would drop it.
redis.call('HSET', KEYS[1], 'st', ARGV[2], 'v', ARGV[3], 'ls', last, 'c', ARGV[11])
redis.call('PEXPIRE', KEYS[1], ttl)
local payload = {}
for i = 0, count - 1 do
  local event = ARGV[15 + 2 * i]
  redis.call('XADD', KEYS[2], 'MAXLEN', ARGV[9], ARGV[14 + 2 * i] .. '-0', 'e', event)
  payload[#payload + 1] = event
end
redis.call('PEXPIRE', KEYS[2], ttl)
redis.call('ZADD', KEYS[4], ARGV[6], ARGV[8])
extend_ttl(KEYS[4], ttl)
if ARGV[4] == 'active' then
  redis.call('ZADD', KEYS[3], ARGV[5], ARGV[8])
  extend_ttl(KEYS[3], ttl)
else
  redis.call('ZREM', KEYS[3], ARGV[8])
end
if count > 0 then redis.call('PUBLISH', ARGV[10], '[' .. table.concat(payload, ',') .. ']') end
release()
return 1
`;

/**
 * KEYS: lease, session, quota. ARGV: token, ttl ms, quota points ('' = no quota), quota window ms.
 * Counts the turn in the quota's fixed window first: past its points `{-1, ms until the window
 * starts again}` and nothing else. Then takes the lease (`SET NX PX`) and reads the state either way:
 * `{1, state}` when taken, `{0, state}` when busy; state is nil for a missing session.
 */
const LEASE_AND_GET = `
if ARGV[3] ~= '' then
  local count = redis.call('INCR', KEYS[3])
  if count == 1 then redis.call('PEXPIRE', KEYS[3], ARGV[4]) end
  if count > tonumber(ARGV[3]) then
    local left = redis.call('PTTL', KEYS[3])
    -- A counter left without a TTL (it cannot be, but it must not lock the owner out for good).
    if left < 0 then redis.call('PEXPIRE', KEYS[3], ARGV[4]) left = tonumber(ARGV[4]) end
    return {-1, left}
  end
end
local taken = redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX')
local state = redis.call('HGET', KEYS[2], 'st')
if taken then return {1, state} end
return {0, state}
`;

/** KEYS: session, events, lease, idle. ARGV: session id. The owner index key is read from the hash. */
const DELETE = `
local owner = redis.call('HGET', KEYS[1], 'o')
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
redis.call('ZREM', KEYS[4], ARGV[1])
if owner then redis.call('ZREM', owner, ARGV[1]) end
return 1
`;

/**
 * KEYS: idle. ARGV: before (exclusive), limit, session key prefix. Ids whose session hash is gone
 * (its TTL ran out) are pruned from the index instead of returned.
 */
const FIND_IDLE = `
local before, limit, prefix = ARGV[1], tonumber(ARGV[2]), ARGV[3]
local found = {}
while #found < limit do
  local batch = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. before, 'LIMIT', #found, limit - #found)
  if #batch == 0 then break end
  for _, id in ipairs(batch) do
    if redis.call('EXISTS', prefix .. id) == 1 then
      found[#found + 1] = id
    else
      redis.call('ZREM', KEYS[1], id)
    end
  end
end
return found
`;

/** KEYS: owner. ARGV: session key prefix. State JSONs, newest first; stale ids are pruned. */
const LIST_BY_OWNER = `
local out = {}
for _, id in ipairs(redis.call('ZREVRANGE', KEYS[1], 0, -1)) do
  local state = redis.call('HGET', ARGV[1] .. id, 'st')
  if state then out[#out + 1] = state else redis.call('ZREM', KEYS[1], id) end
end
return out
`;

/** KEYS: lease. ARGV: token. Deletes the lease only while the token still holds it. */
const RELEASE_LEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

const SCRIPTS = {
  sessionStoreCreate: { lua: CREATE, numberOfKeys: 4 },
  sessionStoreSave: { lua: SAVE, numberOfKeys: 5 },
  sessionStoreLeaseAndGet: { lua: LEASE_AND_GET, numberOfKeys: 3 },
  sessionStoreDelete: { lua: DELETE, numberOfKeys: 4 },
  sessionStoreFindIdle: { lua: FIND_IDLE, numberOfKeys: 1 },
  sessionStoreListByOwner: { lua: LIST_BY_OWNER, numberOfKeys: 1 },
  sessionStoreReleaseLease: { lua: RELEASE_LEASE, numberOfKeys: 1 },
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
