import type { SessionOwner } from '../conversation/state.js';
import { deepFreeze } from '../conversation/store/frozen.js';
import type { AgentSpec } from './agent-generator.js';

/** Where generated agents are kept, per owner; shared across replicas when Redis is on. */
export interface DraftRepository {
  /** Keeps `agent`, taking it over: the caller must not change it afterwards (it may be handed out as it is). */
  put(owner: SessionOwner, agent: AgentSpec): Promise<void>;
  /** The owner's agent, or null (also for another owner's agent). Shared: callers must not change it. */
  get(owner: SessionOwner, agentId: string): Promise<AgentSpec | null>;
}
export const DraftRepository = Symbol('DraftRepository');

const keyOf = (owner: SessionOwner, agentId: string): string => `${owner.tenantId}\u0000${owner.userId}\u0000${agentId}`;

/**
 * Agents of one process, the most recent `capacity` of them: the stub generator makes a draft on every
 * generation, and a long-running process must not keep them all (the oldest go first).
 */
export class InMemoryDraftRepository implements DraftRepository {
  /**
   * JSON strings rather than frozen objects: as objects the drafts of a finished conversation took 2 KB
   * more heap, and copying and freezing one cost more than the parse per read saved (bench section 3/4).
   */
  private readonly agents = new Map<string, string>();
  /**
   * The last agents written or read, frozen, with the JSON they are kept as: a conversation reads its
   * draft right after making it (the test run) and on activation, and a parse and freeze on each read
   * was 5 % of an in-process turn. Bounded, so the heap per kept draft stays that of its JSON.
   */
  private readonly parsed = new Map<string, { json: string; agent: AgentSpec }>();

  constructor(
    private readonly capacity = 10_000,
    private readonly parsedCapacity = 128,
  ) {}

  async put(owner: SessionOwner, agent: AgentSpec): Promise<void> {
    const key = keyOf(owner, agent.id);
    const json = JSON.stringify(agent);
    this.agents.delete(key);
    this.agents.set(key, json);
    if (this.agents.size > this.capacity) this.agents.delete(this.agents.keys().next().value!);
    // Taken over (see the interface), so frozen as it is rather than parsed back on the next read.
    this.remember(key, json, deepFreeze(agent));
  }

  async get(owner: SessionOwner, agentId: string): Promise<AgentSpec | null> {
    const key = keyOf(owner, agentId);
    const json = this.agents.get(key);
    if (!json) return null;
    const recent = this.parsed.get(key);
    if (recent?.json === json) return recent.agent;
    return this.remember(key, json, deepFreeze(JSON.parse(json) as AgentSpec));
  }

  private remember(key: string, json: string, agent: AgentSpec): AgentSpec {
    this.parsed.delete(key);
    if (this.parsed.size >= this.parsedCapacity) this.parsed.delete(this.parsed.keys().next().value!);
    this.parsed.set(key, { json, agent });
    return agent;
  }
}
