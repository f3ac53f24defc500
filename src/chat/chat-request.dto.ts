import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  registerDecorator,
  type ValidationArguments,
  ValidateNested,
} from 'class-validator';
import { MESSAGE_MAX_LENGTH, TurnAction } from '../conversation/dto/turn-request.dto.js';
import type { TurnInput } from '../conversation/phases/turn.js';
import { MULTITASK_STRATEGIES, type Multitask } from '../conversation/turn/multitask.js';

/** How many messages a chat request may carry (the client sends its whole history; only the last one counts). */
export const CHAT_MESSAGES_MAX = 1000;

/** One `UIMessage` of the `ai` package, as `DefaultChatTransport` sends it. Its parts are the client's business. */
export class ChatMessage {
  @ApiProperty()
  @IsString({ message: 'must be a string' })
  @MaxLength(200)
  id!: string;

  @ApiProperty({ enum: ['system', 'user', 'assistant'] })
  @IsIn(['system', 'user', 'assistant'], { message: 'must be system, user or assistant' })
  role!: 'system' | 'user' | 'assistant';

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  metadata?: Record<string, unknown>;

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'UI message parts; the user’s `text` parts are read.' })
  @IsArray({ message: 'must be an array of parts' })
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: 'each part must be an object' })
  parts!: Record<string, unknown>[];
}

/**
 * `POST /v1/chat`: the body `DefaultChatTransport` sends (`id`, `messages`, `trigger`, `messageId`), plus
 * an optional `action` (a button, sent as `sendMessage(message, { body: { action } })`). The service keeps
 * the conversation itself: only the last message is read, and it must be the user's.
 */
export class ChatRequest {
  @ApiProperty({ description: 'The session id (create one with POST /v1/sessions and give it to the chat as its id).' })
  @IsNotEmpty({ message: 'must be the session id' })
  @IsString({ message: 'must be the session id' })
  @MaxLength(200)
  id!: string;

  @ApiProperty({ type: [ChatMessage], description: `The chat's messages; the last is the user's turn (1 to ${MESSAGE_MAX_LENGTH} characters of text unless \`action\` is sent).` })
  @EndsWithUserTurn()
  @ValidateNested({ each: true })
  @ArrayMaxSize(CHAT_MESSAGES_MAX)
  @ArrayMinSize(1, { message: 'must hold the user message' })
  @IsArray({ message: 'must be an array of UI messages' })
  @Type(() => ChatMessage)
  messages!: ChatMessage[];

  @ApiProperty({ enum: ['submit-message'], description: 'A committed turn cannot be regenerated: `regenerate-message` is refused.' })
  @IsIn(['submit-message'], { message: 'only submit-message is supported (a committed turn cannot be regenerated; after a failed turn send the retry action)' })
  trigger!: 'submit-message';

  @ApiPropertyOptional({ description: 'Sent by the client when it edits a message; the service keeps its own history and reads only the last message.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  messageId?: string;

  @ApiPropertyOptional({ type: TurnAction, description: 'A button instead of the text of the last message.' })
  @IsOptional()
  @ValidateNested()
  @IsObject({ message: 'must be an object { type }' })
  @Type(() => TurnAction)
  action?: TurnAction;

  @ApiPropertyOptional({ enum: MULTITASK_STRATEGIES, default: 'reject', description: 'While another turn of the session runs (see the turn request).' })
  @IsOptional()
  @IsIn(MULTITASK_STRATEGIES, { message: `must be one of ${MULTITASK_STRATEGIES.join(', ')}` })
  multitask?: Multitask;
}

/** The text of a user message: its text parts, joined and trimmed. */
export function userText(message: ChatMessage): string {
  return message.parts
    .filter((part) => typeof part === 'object' && part !== null && part['type'] === 'text' && typeof part['text'] === 'string')
    .map((part) => part['text'] as string)
    .join('\n')
    .trim();
}

/** The validated request as the service's input: the action, or the last message's text. */
export function toChatTurnInput(request: ChatRequest): TurnInput {
  return request.action ? { action: request.action.type } : { text: userText(request.messages.at(-1)!) };
}

/** The last message is the user's, with 1 to 4000 characters of text (unless the request sends an action). */
function EndsWithUserTurn(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'endsWithUserTurn',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `the last message must be the user's, with 1 to ${MESSAGE_MAX_LENGTH} characters of text` },
      validator: {
        validate: (messages: unknown, args: ValidationArguments) => {
          const last = Array.isArray(messages) ? (messages.at(-1) as ChatMessage | undefined) : undefined;
          if (typeof last !== 'object' || last === null || last.role !== 'user' || !Array.isArray(last.parts)) return false;
          if ((args.object as ChatRequest).action !== undefined) return true;
          const text = userText(last);
          return text.length >= 1 && text.length <= MESSAGE_MAX_LENGTH;
        },
      },
    });
}
