import { describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';

import { Clock, FakeClock } from '../../common/clock.js';
import { AppConfig } from '../../config/app-config.js';
import { Interpreter, type Interpretation } from '../interpreter.js';
import { createInterpreter, interpreterProvider } from './create-interpreter.js';
import { LlmMetrics } from './llm-metrics.js';
import { OpenAiInterpreter } from './openai-interpreter.js';

class RuleBasedStub implements Interpreter {
  async interpret(): Promise<Interpretation> {
    return { intent: 'unclear', patch: {} };
  }
}

describe(createInterpreter.name, () => {
  it('returns the fallback itself when no OPENAI_API_KEY is set', () => {
    const fallback = new RuleBasedStub();
    expect(createInterpreter(new AppConfig({}), fallback, new FakeClock())).toBe(fallback);
    expect(createInterpreter(new AppConfig({ OPENAI_API_KEY: '  ' }), fallback, new FakeClock())).toBe(fallback);
  });

  it('returns the OpenAI interpreter when a key is set', () => {
    const config = new AppConfig({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', OPENAI_MODEL: 'llama3.1' });
    expect(createInterpreter(config, new RuleBasedStub(), new FakeClock())).toBeInstanceOf(OpenAiInterpreter);
  });

  describe(interpreterProvider.name, () => {
    async function resolve(env: Record<string, string>, withMetrics: boolean): Promise<Interpreter> {
      const moduleRef = await Test.createTestingModule({
        providers: [
          { provide: AppConfig, useValue: new AppConfig(env) },
          { provide: Clock, useValue: new FakeClock() },
          RuleBasedStub,
          ...(withMetrics ? [LlmMetrics] : []),
          interpreterProvider(RuleBasedStub),
        ],
      }).compile();
      return moduleRef.get<Interpreter>(Interpreter);
    }

    it('provides the fallback without a key and the OpenAI interpreter with one', async () => {
      expect(await resolve({}, false)).toBeInstanceOf(RuleBasedStub);
      expect(await resolve({ OPENAI_API_KEY: 'sk-test' }, true)).toBeInstanceOf(OpenAiInterpreter);
      expect(await resolve({ OPENAI_API_KEY: 'sk-test' }, false)).toBeInstanceOf(OpenAiInterpreter);
    });
  });
});
