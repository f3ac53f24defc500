import { Module, type Provider } from '@nestjs/common';
import { AgentGeneratorModule } from '../agent-generator/agent-generator.module.js';
import { AppConfig } from '../config/app-config.js';
import { IdentityModule } from '../identity/identity.module.js';
import { InterpreterModule } from '../interpreter/interpreter.module.js';
import { OauthModule } from '../oauth/oauth.module.js';
import { OauthService } from '../oauth/oauth.service.js';
import { ConversationService } from './conversation.service.js';
import { ConversationSettings } from './conversation.settings.js';
import { EventsController } from './events.controller.js';
import { SessionEventStream } from './events/session-event-stream.js';
import { SessionExpirer } from './expiry/session-expirer.js';
import { SessionExpiryJob } from './expiry/session-expiry.job.js';
import { MessagesController } from './messages.controller.js';
import { OauthCallbackController } from './oauth-callback.controller.js';
import { OauthCompletion } from './oauth-completion.js';
import { ActivationHandler } from './phases/activation.handler.js';
import { CompleteHandler } from './phases/complete.handler.js';
import { DiscoveryHandler } from './phases/discovery.handler.js';
import { GenerationHandler } from './phases/generation.handler.js';
import { IdleHandler } from './phases/idle.handler.js';
import { OauthConnector } from './phases/oauth-connector.js';
import { OauthFlowHandler } from './phases/oauth-flow.handler.js';
import { PHASE_HANDLERS } from './phases/phase-handler.js';
import { PhaseHandlerRegistry } from './phases/phase-handler.registry.js';
import { RequirementsHandler } from './phases/requirements.handler.js';
import { TestingHandler } from './phases/testing.handler.js';
import { SessionsController } from './sessions.controller.js';
import { IdempotentTurns } from './turn/idempotent-turns.js';
import { LeaseKeeper } from './turn/lease-keeper.js';
import { TurnRunner } from './turn/turn-runner.js';
import { TurnStream } from './turn/turn-stream.js';
import { RedisKeys } from '../redis/keyspace.js';
import { RedisConnections } from '../redis/redis-connections.js';
import { RedisStopRelay, TurnStops } from './turn-stop/turn-stops.js';
import { UserTurn } from './turn/user-turn.js';

/** One handler per phase; the registry checks the list is exhaustive at boot. */
const HANDLERS = [
  IdleHandler,
  DiscoveryHandler,
  OauthFlowHandler,
  RequirementsHandler,
  GenerationHandler,
  TestingHandler,
  ActivationHandler,
  CompleteHandler,
];

const handlersProvider: Provider = {
  provide: PHASE_HANDLERS,
  inject: HANDLERS,
  useFactory: (...handlers: InstanceType<(typeof HANDLERS)[number]>[]) => handlers,
};

/** The conversation: state machine, phase handlers, turns, OAuth completion, expiry, and their HTTP routes. */
@Module({
  imports: [OauthModule, InterpreterModule, AgentGeneratorModule, IdentityModule],
  controllers: [SessionsController, MessagesController, EventsController, OauthCallbackController],
  providers: [
    { provide: ConversationSettings, inject: [AppConfig], useFactory: (config: AppConfig) => new ConversationSettings(config) },
    { provide: OauthConnector, useExisting: OauthService },
    ...HANDLERS,
    handlersProvider,
    PhaseHandlerRegistry,
    LeaseKeeper,
    TurnRunner,
    UserTurn,
    TurnStream,
    {
      // The stop channel: across replicas on Redis, in process otherwise.
      provide: TurnStops,
      inject: [AppConfig, RedisConnections],
      useFactory: (config: AppConfig, redis: RedisConnections) =>
        new TurnStops(
          config.env.SESSION_STORE === 'redis' ? new RedisStopRelay(redis.command, redis.subscriber, new RedisKeys(config.env.REDIS_KEY_PREFIX)) : undefined,
        ),
    },
    IdempotentTurns,
    SessionEventStream,
    OauthCompletion,
    SessionExpirer,
    SessionExpiryJob,
    ConversationService,
  ],
  exports: [ConversationService, ConversationSettings],
})
export class ConversationModule {}
