import type { SessionOwner } from '../conversation/state.js';
import type { AgentSpec } from './agent-generator.js';

/** Where generated agents are kept, per owner; shared across replicas when Redis is on. */
export interface DraftRepository {
  put(owner: SessionOwner, agent: AgentSpec): Promise<void>;
  /** The owner's agent, or null (also for another owner's agent). */
  get(owner: SessionOwner, agentId: string): Promise<AgentSpec | null>;
}
export const DraftRepository = Symbol('DraftRepository');

const keyOf = (owner: SessionOwner, agentId: string): string => `${owner.tenantId}\u0000${owner.userId}\u0000${agentId}`;

export class InMemoryDraftRepository implements DraftRepository {
  private readonly agents = new Map<string, string>();

  async put(owner: SessionOwner, agent: AgentSpec): Promise<void> {
    this.agents.set(keyOf(owner, agent.id), JSON.stringify(agent));
  }

  async get(owner: SessionOwner, agentId: string): Promise<AgentSpec | null> {
    const json = this.agents.get(keyOf(owner, agentId));
    return json ? (JSON.parse(json) as AgentSpec) : null;
  }
}
