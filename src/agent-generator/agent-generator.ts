import type { Requirements } from '../conversation/requirements/requirements.js';
import type { SessionOwner, TestRunSummary } from '../conversation/state.js';

/** A generated draft agent: what it runs on, when, and the steps it takes. */
export interface AgentSpec {
  id: string;
  name: string;
  description: string;
  trigger: Record<string, unknown>;
  integrations: string[];
  steps: { id: string; integration: string | null; action: string; description: string }[];
  status: 'draft' | 'active';
  createdAt: number;
}

/** What the analysis found: whether the requirements can be built, and what is missing. */
export interface RequirementsAnalysis {
  buildable: boolean;
  problems: string[];
}

/** Turns confirmed requirements into an agent: analyse, generate a draft, test it, activate it. */
export interface AgentGenerator {
  analyse(requirements: Requirements): Promise<RequirementsAnalysis>;
  /** Generates and stores a draft agent for the owner; its id goes into the session. */
  generate(owner: SessionOwner, requirements: Requirements, signal?: AbortSignal): Promise<AgentSpec>;
  /** Runs the draft against sample inputs; one result per case. */
  testRun(owner: SessionOwner, draftAgentId: string, signal?: AbortSignal): Promise<TestRunSummary>;
  /** Turns the draft into an active agent. */
  activate(owner: SessionOwner, draftAgentId: string): Promise<AgentSpec>;
  /** The stored agent, or null (also for another owner's agent). */
  get(owner: SessionOwner, agentId: string): Promise<AgentSpec | null>;
}
export const AgentGenerator = Symbol('AgentGenerator');
