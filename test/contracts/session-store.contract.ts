import { afterEach, beforeEach, describe } from '@jest/globals';
import type { SessionStore } from '../../src/conversation/store/session-store.js';
import {
  type ContractScope,
  EVENT_LOG_CAP,
  type SessionStoreHarness,
  type SessionStoreInitializer,
} from './session-store.harness.js';
import { sessionIndexTests } from './session-store.indexes.js';
import { sessionStoreModelTest } from './session-store.model.js';
import { sessionRecordTests } from './session-store.records.js';

export type { SessionStoreHarness, SessionStoreHarnessOptions, SessionStoreInitializer } from './session-store.harness.js';

/**
 * The `SessionStore` contract, run against each implementation by an initializer. It never asks
 * which implementation it has: what one store must do, every store must do. Example tests
 * (records, indexes, leases, OAuth states, TTLs) plus a fast-check model-based test.
 */
export function sessionStoreContract(init: SessionStoreInitializer): void {
  describe(`${init.name} SessionStore contract`, () => {
    let current: SessionStoreHarness | undefined;
    const scope: ContractScope = {
      name: init.name,
      get harness(): SessionStoreHarness {
        if (!current) throw new Error('No store: the harness is created before each test');
        return current;
      },
      get store(): SessionStore {
        return this.harness.store;
      },
      now(): number {
        return this.harness.clock.now();
      },
    };

    beforeEach(async () => {
      current = await init.create({ eventLogCap: EVENT_LOG_CAP });
    });
    afterEach(async () => {
      await current?.cleanup();
      current = undefined;
    });

    sessionRecordTests(scope);
    sessionIndexTests(scope);
    sessionStoreModelTest(init);
  });
}
