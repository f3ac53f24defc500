import { describe, expect, it } from '@jest/globals';
import { FakeClock } from '../../common/clock.js';
import { InMemorySessionStore } from './in-memory-session-store.js';

describe(InMemorySessionStore.name, () => {
  it('hands out one lease at a time', async () => {
    const store = new InMemorySessionStore(new FakeClock());
    const token = await store.acquireLease('s1', 1000);
    expect(token).toEqual(expect.any(String));
    expect(await store.acquireLease('s1', 1000)).toBeNull();
  });
});
