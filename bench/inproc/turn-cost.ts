import { report, runChild, serveCalls } from '../lib/child.js';
import { CpuProfiler } from '../lib/cpu-profile.js';
import { connectIntegrations, MixLoop, ownerOf, serviceContext, sessionAtMixStart } from './service-context.js';

/**
 * One process of section 3: the service in process (ConversationService, memory store, no HTTP) with
 * `argv[2]` live sessions, one of which runs the turn mix when asked; answers `round` with the µs per
 * turn. The other sessions are started (idle) before the first round.
 */
runChild(async () => {
  const sessions = Number(process.argv[2] ?? 1);
  const context = await serviceContext();
  const owner = ownerOf('hot');
  await connectIntegrations(context, owner);
  const sessionId = await sessionAtMixStart(context, owner);
  for (let live = 1; live < sessions; live++) await context.conversations.startSession(ownerOf(`idle-${live}`));
  const mix = new MixLoop(context, owner, sessionId);
  const profiler = new CpuProfiler();
  serveCalls({
    round: (args: { turns: number }) => mix.round(args.turns),
    profileStart: async () => {
      await profiler.start();
      return true;
    },
    profileStop: (args: { path: string }) => profiler.stop(args.path),
    stop: async () => {
      await context.app.close();
      setImmediate(() => process.exit(0));
      return true;
    },
  });
  report({ type: 'ready' });
});
