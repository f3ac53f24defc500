import type { Redis } from 'ioredis';
import type { SessionOwner } from '../conversation/state.js';
import { guarded } from '../conversation/store/redis-errors.js';
import type { AgentSpec } from './agent-generator.js';
import type { DraftRepository } from './draft-repository.js';
import { RedisKeys } from '../redis/keyspace.js';

/** Drafts and activated agents in Redis, so every replica can test and activate what another generated. */
export class RedisDraftRepository implements DraftRepository {
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
    /** How long an agent record is kept (the stub generator has no other home for them). */
    private readonly ttlMs = 30 * 24 * 3_600_000,
  ) {
    this.keys = new RedisKeys(keyPrefix);
  }

  async put(owner: SessionOwner, agent: AgentSpec): Promise<void> {
    await guarded(this.redis, () => this.redis.set(this.key(owner, agent.id), JSON.stringify(agent), 'PX', this.ttlMs));
  }

  async get(owner: SessionOwner, agentId: string): Promise<AgentSpec | null> {
    // A lost connection is the store being unavailable (503), like every other Redis call of a turn.
    const json = await guarded(this.redis, () => this.redis.get(this.key(owner, agentId)));
    return json ? (JSON.parse(json) as AgentSpec) : null;
  }

  private key(owner: SessionOwner, agentId: string): string {
    return this.keys.agent(owner, agentId);
  }
}
