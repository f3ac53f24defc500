import { Module } from '@nestjs/common';
import { interpreterProvider } from './openai/create-interpreter.js';
import { LlmMetrics } from './openai/llm-metrics.js';
import { Interpreter } from './interpreter.js';
import { RuleBasedInterpreter } from './rule-based/rule-based-interpreter.js';

/**
 * The interpreter behind its token: the OpenAI-compatible one when `OPENAI_API_KEY` is set (with the
 * rule-based one as its per-turn fallback), otherwise the rule-based one alone.
 */
@Module({
  providers: [RuleBasedInterpreter, LlmMetrics, interpreterProvider(RuleBasedInterpreter)],
  exports: [Interpreter, LlmMetrics],
})
export class InterpreterModule {}
