import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainError } from '../common/errors.js';
import { ConversationSettings } from './conversation.settings.js';
import { SessionStore } from './store/session-store.js';
import { storeError } from './turn-engine.js';

/** Runs background changes (OAuth completion, expiry) under the session's turn lease, waiting briefly for a running turn. */
@Injectable()
export class SessionLease {
  constructor(
    @Inject(SessionStore) private readonly store: SessionStore,
    private readonly settings: ConversationSettings,
  ) {}

  /** Runs `work` holding the lease; waits up to `waitMs` for it, then fails with TURN_IN_PROGRESS (or returns null with `skipIfBusy`). */
  async run<T>(sessionId: string, work: () => Promise<T>, options: { waitMs: number }): Promise<T> {
    const deadline = Date.now() + options.waitMs;
    for (let delay = 20; ; delay = Math.min(delay * 2, 250)) {
      const token = await this.store.acquireLease(sessionId, this.settings.leaseMs).catch((error: unknown) => {
        throw storeError(error);
      });
      if (token) {
        try {
          return await work();
        } finally {
          await this.store.releaseLease(sessionId, token).catch(() => undefined);
        }
      }
      if (Date.now() >= deadline) throw new DomainError('TURN_IN_PROGRESS', 'Another turn of this session is still running.');
      await sleep(delay);
    }
  }
}
