import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';

/** What every line logged while handling a request carries (and its completion line). */
export interface RequestBindings {
  req: { id: string; method: string; url: string };
  requestId: string;
  sessionId?: string;
}

/**
 * The logging context of one request. Its child logger is built on the first line logged while
 * handling the request: most turns log nothing but their completion line, and a pino child serialises
 * its bindings when it is made.
 */
export class RequestLogContext {
  private child: Logger | undefined;

  constructor(
    private readonly root: Logger,
    readonly bindings: RequestBindings,
  ) {}

  get logger(): Logger {
    return (this.child ??= this.root.child(this.bindings));
  }
}

const storage = new AsyncLocalStorage<RequestLogContext>();

/** Runs `fn` (the rest of the request's handling) with `context` as its logging context. */
export function runInRequestContext<T>(context: RequestLogContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The logger of the request being handled (its bindings on every line), or `root` outside one. */
export function currentLogger(root: Logger): Logger {
  return storage.getStore()?.logger ?? root;
}
