import { Module } from '@nestjs/common';
import { ConversationModule } from '../conversation/conversation.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { ChatController } from './chat.controller.js';
import { ChatStreams } from './chat-streams.js';

/** The AI SDK's chat protocol over the conversation (`/v1/chat`). */
@Module({
  imports: [ConversationModule, IdentityModule],
  controllers: [ChatController],
  providers: [ChatStreams],
})
export class ChatModule {}
