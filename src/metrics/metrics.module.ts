import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { InterpreterModule } from '../interpreter/interpreter.module.js';
import { LlmMetrics } from '../interpreter/openai/llm-metrics.js';
import { ActiveSessionsGauge } from './active-sessions.js';
import { ConversationMetrics } from './conversation-metrics.js';
import { LlmPrometheusBridge } from './llm-prometheus-bridge.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsRegistry } from './metrics-registry.js';

/** `/metrics` and the series behind it; `ConversationMetrics` is injectable everywhere. */
@Global()
@Module({
  imports: [InterpreterModule],
  controllers: [MetricsController],
  // ActiveSessionsGauge is never injected: Nest builds every provider, which registers its collect callback.
  providers: [MetricsRegistry, ConversationMetrics, ActiveSessionsGauge, LlmPrometheusBridge],
  exports: [MetricsRegistry, ConversationMetrics],
})
export class MetricsModule implements OnModuleInit {
  constructor(
    private readonly llm: LlmMetrics,
    private readonly bridge: LlmPrometheusBridge,
  ) {}

  onModuleInit(): void {
    this.bridge.attach(this.llm);
  }
}
