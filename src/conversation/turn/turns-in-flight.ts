import { Injectable } from '@nestjs/common';

/**
 * The stop seam: user turns running in this process, by session, so the stop button (and ending a
 * session) can abort them. A turn registers once it holds the lease and has loaded its session.
 */
@Injectable()
export class TurnsInFlight {
  private readonly running = new Map<string, AbortController>();

  /** Registers `controller` as the session's running turn; the returned function unregisters it. */
  enter(sessionId: string, controller: AbortController): () => void {
    this.running.set(sessionId, controller);
    return () => {
      if (this.running.get(sessionId) === controller) this.running.delete(sessionId);
    };
  }

  /** Aborts the session's running turn; false when none runs here. */
  abort(sessionId: string): boolean {
    const controller = this.running.get(sessionId);
    controller?.abort();
    return controller !== undefined;
  }
}
