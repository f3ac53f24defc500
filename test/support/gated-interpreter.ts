import { Interpreter, type InterpretOptions, type InterpretRequest } from '../../src/interpreter/interpreter.js';
import { RuleBasedInterpreter } from '../../src/interpreter/rule-based/rule-based-interpreter.js';
import { startTestingApp, type TestingApp } from './testing-app.js';

/** The rule-based interpreter behind a gate: each call waits until the test opens it (or the turn is aborted). */
export class GatedInterpreter implements Interpreter {
  entered!: Promise<void>;
  private enter!: () => void;
  private release!: () => void;
  private gate!: Promise<void>;

  constructor(private readonly inner: Interpreter) {
    this.reset();
  }

  reset(): void {
    this.entered = new Promise((resolve) => (this.enter = resolve));
    this.gate = new Promise((resolve) => (this.release = resolve));
  }

  open(): void {
    this.release();
  }

  async interpret(request: InterpretRequest, options?: InterpretOptions) {
    this.enter();
    await new Promise<void>((resolve, reject) => {
      void this.gate.then(resolve);
      options?.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
    });
    return this.inner.interpret(request, options);
  }
}

/** The whole app (`startTestingApp`) with its interpreter behind a gate. */
export async function startGated(env: Record<string, string> = {}): Promise<{ harness: TestingApp; gated: GatedInterpreter }> {
  let gated!: GatedInterpreter;
  const harness = await startTestingApp(env, (builder) =>
    builder.overrideProvider(Interpreter).useFactory({
      factory: (inner: RuleBasedInterpreter) => (gated = new GatedInterpreter(inner)),
      inject: [RuleBasedInterpreter],
    }),
  );
  return { harness, gated };
}
