import type { Redis } from 'ioredis';
import { createApp } from '../../src/bootstrap.js';
import { AppConfig } from '../../src/config/app-config.js';
import { ConversationService } from '../../src/conversation/conversation.service.js';
import { RedisConnections } from '../../src/redis/redis-connections.js';
import { report, runChild } from '../lib/child.js';
import { replayTurns } from './replayed-turns.js';
import { serveServerStats } from './server-stats.js';

/**
 * The service in its own process, built exactly as `main.ts` builds it (configuration from the
 * environment the orchestrator sets, pino logs to stdout). With the Redis store, every command the
 * process sends is counted by name, without MONITOR. With `BENCH_REPLAY_TURNS=1` the mix's turns are
 * answered from recorded events (see `replayTurns`): the route without the turn's work.
 */
function countCommands(client: Redis, counts: Map<string, number>): void {
  const send = client.sendCommand.bind(client);
  client.sendCommand = ((command: { name: string }, ...rest: unknown[]) => {
    counts.set(command.name, (counts.get(command.name) ?? 0) + 1);
    return (send as (...args: unknown[]) => unknown)(command, ...rest);
  }) as Redis['sendCommand'];
}

runChild(async () => {
  const config = AppConfig.fromProcessEnv();
  const app = await createApp(config);
  const counts = new Map<string, number>();
  if (process.env['BENCH_REPLAY_TURNS'] === '1') replayTurns(app.get(ConversationService));
  if (config.env.SESSION_STORE === 'redis') {
    const connections = app.get(RedisConnections);
    countCommands(connections.command, counts);
    countCommands(connections.subscriber, counts);
  }
  await app.listen(config.env.PORT, '127.0.0.1');
  serveServerStats(() => app.close(), counts);
  report({ type: 'ready' });
});
