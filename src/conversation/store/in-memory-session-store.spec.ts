import { FakeClock } from '../../common/clock.js';
import { sessionStoreContract } from '../../../test/contracts/session-store.contract.js';
import { InMemorySessionStore } from './in-memory-session-store.js';

sessionStoreContract({
  name: InMemorySessionStore.name,
  async create({ eventLogCap }) {
    const clock = new FakeClock();
    return {
      store: new InMemorySessionStore(clock, { eventLogCap }),
      clock,
      async advance(ms) {
        clock.advance(ms);
      },
      async cleanup() {},
    };
  },
});
