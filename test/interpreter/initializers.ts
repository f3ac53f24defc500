import { FakeOpenAiServer } from '../support/fake-openai-server.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { scriptedModel, type ModelOverride } from './scripted-model.js';

/** The whole service with one interpreter behind it, on a loopback socket. */
export interface ScenarioApp {
  baseUrl: string;
  /**
   * Replaces the model's realistic answers for some messages (`null`: realistic answers only). Only an
   * interpreter that calls a model has it; the rule-based one reads the text itself.
   */
  script?(override: ModelOverride | null): void;
  close(): Promise<void>;
}

/** How the shared suites get an app with a given interpreter. */
export interface InterpreterInitializer {
  name: string;
  start(): Promise<ScenarioApp>;
}

/** Settings every scenario app shares: no rate limit to trip over while driving many sessions from one IP. */
const COMMON_ENV = { RATE_LIMIT_TURNS_PER_MINUTE: '100000', RATE_LIMIT_REQUESTS_PER_MINUTE_PER_IP: '0', SESSIONS_PER_USER: '1000' };

export const ruleBasedInterpreter: InterpreterInitializer = {
  name: 'rule-based',
  async start() {
    const app = await startTestApp(COMMON_ENV);
    return { baseUrl: app.baseUrl, close: () => app.close() };
  },
};

/** The OpenAI interpreter with the real SDK, talking to a fake OpenAI-compatible endpoint on loopback. */
export const openAiInterpreter: InterpreterInitializer = {
  name: 'openai',
  async start() {
    const started = await startLlmApp();
    return { baseUrl: started.app.baseUrl, script: started.script, close: started.close };
  },
};

export interface LlmApp {
  app: TestApp;
  model: FakeOpenAiServer;
  script(override: ModelOverride | null): void;
  close(): Promise<void>;
}

/**
 * The app with `OPENAI_API_KEY` set and its base URL on a fresh fake endpoint that answers like a capable
 * model (see `scripted-model.ts`); queued steps (`model.enqueue`) go first. `env` overrides the defaults.
 */
export async function startLlmApp(env: Record<string, string> = {}): Promise<LlmApp> {
  const model = await new FakeOpenAiServer().start();
  let override: ModelOverride | null = null;
  model.respondWith(scriptedModel(() => override));
  const app = await startTestApp({
    ...COMMON_ENV,
    OPENAI_API_KEY: 'sk-scenario-test-0000000000000000',
    OPENAI_BASE_URL: model.baseURL,
    OPENAI_MODEL: 'scenario-model',
    LLM_TIMEOUT_MS: '5000',
    LLM_MAX_RETRIES: '2',
    ...env,
  });
  return {
    app,
    model,
    script: (next) => {
      override = next;
    },
    close: async () => {
      await app.close();
      await model.stop();
    },
  };
}
