import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from '@jest/globals';
import { lastValueFrom, toArray } from 'rxjs';
import { startGated } from '../../../test/support/gated-interpreter.js';
import type { TestingApp } from '../../../test/support/testing-app.js';
import { LeaseKeeper } from './lease-keeper.js';

const OWNER = { userId: 'keeper', tenantId: 't1' };
const LEASE_MS = 300;

describe(LeaseKeeper.name, () => {
  let harness: TestingApp;
  afterEach(() => harness.close());

  /** A turn of a new session, stopped at its interpreter (after it took the lease) until `gated.open()`. */
  async function turnAtTheGate() {
    const started = await startGated({ TURN_LEASE_MS: String(LEASE_MS) });
    harness = started.harness;
    const { sessionId } = await harness.conversations.startSession(OWNER);
    const running = lastValueFrom(harness.conversations.processMessage(OWNER, sessionId, { text: 'summarize my gmail every morning' }).pipe(toArray()));
    await started.gated.entered;
    return { gated: started.gated, sessionId, running };
  }

  it('renews a running turn\'s lease past its first term, and lets it go when the turn ends', async () => {
    const { gated, sessionId, running } = await turnAtTheGate();
    const keeper = harness.app.get(LeaseKeeper);
    expect(keeper.size).toBe(1);
    // The store's lease clock is the fake one: past most of the first term, then real time for a renewal
    // (every third of the lease), then past where the first term ended. Unrenewed, it would be free here.
    for (let step = 0; step < 3; step++) {
      harness.clock.advance(LEASE_MS * 0.8);
      await sleep(LEASE_MS);
      expect(await harness.store.isLeased(sessionId)).toBe(true);
    }
    expect(await harness.store.acquireLease(sessionId, 60_000)).toBeNull();

    gated.open();
    const events = await running;
    expect(events.at(-1)?.type).toBe('done');
    expect(events.some((event) => event.type === 'error')).toBe(false);
    expect((await harness.conversations.getSession(OWNER, sessionId)).version).toBe(1);
    expect(keeper.size).toBe(0);
    expect(await harness.store.isLeased(sessionId)).toBe(false);
  });

  it('stops renewing a lease the turn lost (it ran out and another holder took it)', async () => {
    const { gated, sessionId, running } = await turnAtTheGate();
    // Past the lease before any renewal: another holder takes the session.
    harness.clock.advance(LEASE_MS * 2);
    const other = await harness.store.acquireLease(sessionId, 60_000);
    expect(other).toEqual(expect.any(String));
    await sleep(LEASE_MS);
    const keeper = harness.app.get(LeaseKeeper);
    expect(keeper.size).toBe(0);
    await harness.store.releaseLease(sessionId, other!);

    gated.open();
    const events = await running;
    // Nobody committed meanwhile, so its commit lands: the version check fences a turn, not the lease.
    expect(events.some((event) => event.type === 'error')).toBe(false);
    expect((await harness.conversations.getSession(OWNER, sessionId)).version).toBe(1);
  });
});
