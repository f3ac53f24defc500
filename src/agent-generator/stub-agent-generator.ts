import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/errors.js';
import type { Requirements } from '../conversation/requirements/requirements.js';
import type { SessionOwner, TestRunSummary } from '../conversation/state.js';
import { displayName, missingFields } from '../conversation/requirements/requirements-document.js';
import type { AgentGenerator, AgentSpec, RequirementsAnalysis } from './agent-generator.js';
import { DraftRepository } from './draft-repository.js';

/**
 * A deterministic generator: the same requirements give the same agent, steps follow from the
 * integrations, trigger and destination, and the test run replays sample inputs through them.
 * A real generator replaces it behind the `AgentGenerator` token.
 */
@Injectable()
export class StubAgentGenerator implements AgentGenerator {
  constructor(
    @Inject(DraftRepository) private readonly drafts: DraftRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async analyse(requirements: Requirements): Promise<RequirementsAnalysis> {
    const problems = missingFields(requirements).map((field) => `the ${field} is missing`);
    return { buildable: problems.length === 0, problems };
  }

  async generate(owner: SessionOwner, requirements: Requirements): Promise<AgentSpec> {
    const analysis = await this.analyse(requirements);
    if (!analysis.buildable) throw new DomainError('GENERATION_FAILED', analysis.problems.join('; '));
    const fingerprint = createHash('sha256').update(JSON.stringify(valuesOf(requirements))).digest('hex');
    const integrations = requirements.integrations.value ?? [];
    const destinations = requirements.destinations.value ?? [];
    const sources = integrations.filter((id) => !destinations.some((destination) => destination.integration === id));
    const steps: AgentSpec['steps'] = [
      ...sources.map((integration, index) => ({
        id: `step-${index + 1}`,
        integration,
        action: 'read',
        description: `Read from ${displayName(integration)}${filtersText(requirements)}`,
      })),
      { id: `step-${sources.length + 1}`, integration: null, action: 'process', description: requirements.goal.value ?? '' },
    ];
    for (const destination of destinations) {
      steps.push({
        id: `step-${steps.length + 1}`,
        integration: destination.integration,
        action: 'deliver',
        description: `Send the result to ${destination.target || displayName(destination.integration ?? '')}`,
      });
    }
    const agent: AgentSpec = {
      id: `agt_${fingerprint.slice(0, 16)}_${this.clock.now().toString(36)}`,
      name: requirements.name.value ?? 'New agent',
      description: requirements.goal.value ?? '',
      trigger: { ...(requirements.trigger.value ?? { type: 'manual', description: 'on demand' }) },
      integrations,
      steps,
      status: 'draft',
      createdAt: this.clock.now(),
    };
    await this.drafts.put(owner, agent);
    return agent;
  }

  async testRun(owner: SessionOwner, draftAgentId: string): Promise<TestRunSummary> {
    const agent = await this.require(owner, draftAgentId);
    const cases = ['typical input', 'empty input', 'large input'].map((sample) => ({
      name: `${sample}`,
      passed: true,
      output: `${agent.steps.length} steps ran on ${sample}: ${agent.steps.map((step) => step.action).join(' -> ')}`,
    }));
    return { passed: cases.every((testCase) => testCase.passed), cases };
  }

  async activate(owner: SessionOwner, draftAgentId: string): Promise<AgentSpec> {
    const agent = { ...(await this.require(owner, draftAgentId)), status: 'active' as const };
    await this.drafts.put(owner, agent);
    return agent;
  }

  get(owner: SessionOwner, agentId: string): Promise<AgentSpec | null> {
    return this.drafts.get(owner, agentId);
  }

  private async require(owner: SessionOwner, agentId: string): Promise<AgentSpec> {
    const agent = await this.drafts.get(owner, agentId);
    if (!agent) throw new DomainError('GENERATION_FAILED', 'The draft agent no longer exists; build it again.');
    return agent;
  }
}

function valuesOf(requirements: Requirements): unknown[] {
  return Object.values(requirements).map((field: { value: unknown }) => field.value);
}

function filtersText(requirements: Requirements): string {
  const filters = requirements.filters.value ?? [];
  return filters.length ? ` (only ${filters.map((filter) => filter.text).join(', ')})` : '';
}
