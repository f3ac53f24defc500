import { afterAll, beforeAll } from '@jest/globals';
import { type AppProcess, startAppProcess, stopAllAppProcesses } from '../support/app-process.js';
import { expectEveryKeyHasTtlThenClean, replicaEnv, StubLlmServer } from './replica-support.js';

/** Two replicas, S and F, on one Redis prefix, their interpreter's model a stub the test steers (hang, hold, fail). */
export interface StubLlmReplicas {
  llm: StubLlmServer;
  s: AppProcess;
  f: AppProcess;
  /** Stops both and the stub, then checks every key under the prefix has a TTL and deletes them. */
  stop(): Promise<void>;
}

export async function startStubLlmReplicas(redisUrl: string, prefix: string): Promise<StubLlmReplicas> {
  const llm = new StubLlmServer();
  await llm.start();
  const env = replicaEnv(redisUrl, prefix, { OPENAI_API_KEY: 'test', OPENAI_BASE_URL: llm.baseUrl, LLM_TIMEOUT_MS: '20000', LLM_MAX_RETRIES: '0' });
  try {
    const [s, f] = await Promise.all([startAppProcess(env), startAppProcess(env)]);
    const stop = async (): Promise<void> => {
      await Promise.all([s, f].map((app) => app.stop()));
      await stopAllAppProcesses();
      await llm.stop();
      await expectEveryKeyHasTtlThenClean(redisUrl, prefix);
    };
    return { llm, s, f, stop };
  } catch (error) {
    await stopAllAppProcesses();
    await llm.stop();
    throw error;
  }
}

/** Starts the replicas before the suite's tests and stops them after; the object returned is filled in by then. */
export function useStubLlmReplicas(redisUrl: string, prefix: string): StubLlmReplicas {
  const replicas = {} as StubLlmReplicas;
  beforeAll(async () => {
    Object.assign(replicas, await startStubLlmReplicas(redisUrl, prefix));
  }, 60_000);
  afterAll(() => replicas.stop?.());
  return replicas;
}
