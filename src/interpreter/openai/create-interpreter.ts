import type { FactoryProvider, InjectionToken } from '@nestjs/common';

import { Clock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.js';
import { Interpreter } from '../interpreter.js';
import { LlmMetrics, type LlmObserver } from './llm-metrics.js';
import { OpenAiInterpreter, type LlmLogger } from './openai-interpreter.js';

/**
 * The interpreter the service uses: the OpenAI one (falling back to `fallback` turn by turn) when
 * `OPENAI_API_KEY` is set, otherwise `fallback` itself (the rule-based interpreter).
 */
export function createInterpreter(
  config: AppConfig,
  fallback: Interpreter,
  clock: Clock,
  logger?: LlmLogger,
  observer?: LlmObserver,
): Interpreter {
  const env = config.env;
  if (!env.OPENAI_API_KEY) return fallback;
  return new OpenAiInterpreter(
    {
      apiKey: env.OPENAI_API_KEY,
      baseURL: env.OPENAI_BASE_URL,
      model: env.OPENAI_MODEL,
      timeoutMs: env.LLM_TIMEOUT_MS,
      maxRetries: env.LLM_MAX_RETRIES,
    },
    fallback,
    clock,
    logger,
    observer,
  );
}

/**
 * The `Interpreter` provider for a Nest module, given the token of the fallback (rule-based) interpreter:
 *
 * ```ts
 * providers: [RuleBasedInterpreter, LlmMetrics, interpreterProvider(RuleBasedInterpreter)]
 * ```
 *
 * It injects `AppConfig`, the fallback, `Clock` and (optionally) `LlmMetrics`.
 */
export function interpreterProvider(fallback: InjectionToken<Interpreter>): FactoryProvider<Interpreter> {
  return {
    provide: Interpreter,
    inject: [AppConfig, fallback, Clock, { token: LlmMetrics, optional: true }],
    useFactory: (config: AppConfig, fallbackInterpreter: Interpreter, clock: Clock, metrics?: LlmMetrics) =>
      createInterpreter(config, fallbackInterpreter, clock, undefined, metrics),
  };
}
