import { Module } from '@nestjs/common';
import { AgentGenerator } from './agent-generator.js';
import { StubAgentGenerator } from './stub-agent-generator.js';

/** The agent generator behind its token; the deterministic stub until a real one exists. */
@Module({
  providers: [StubAgentGenerator, { provide: AgentGenerator, useExisting: StubAgentGenerator }],
  exports: [AgentGenerator],
})
export class AgentGeneratorModule {}
