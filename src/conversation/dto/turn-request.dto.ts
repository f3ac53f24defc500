import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { ExactlyOneOf } from '../../http/validation/exactly-one-of.js';
import { ACTION_TYPES, type ActionType, type TurnInput } from '../phases/turn.js';
import { MULTITASK_STRATEGIES, type Multitask } from '../turn/multitask.js';

export const MESSAGE_MAX_LENGTH = 4000;

/** A button instead of text (API.md, "Turn request"). */
export class TurnAction {
  @ApiProperty({ enum: ACTION_TYPES })
  @IsIn(ACTION_TYPES, { message: `must be one of ${ACTION_TYPES.join(', ')}` })
  type!: ActionType;
}

/**
 * `{ message }` or `{ action: { type } }`, exactly one, and optionally `multitask` (API.md, "Turn request"). Validated
 * by the global `ValidationPipe`; `toTurnInput` turns it into the service's input.
 */
export class TurnRequest {
  @ApiPropertyOptional({
    type: String,
    minLength: 1,
    maxLength: MESSAGE_MAX_LENGTH,
    description: `What the user typed: 1 to ${MESSAGE_MAX_LENGTH} characters after trimming. Exactly one of \`message\` and \`action\`.`,
  })
  // Validated when sent, and also when `action` is missing too (so `{}` is told what to send).
  @ValidateIf((body: TurnRequest) => body.message !== undefined || body.action === undefined)
  @MaxLength(MESSAGE_MAX_LENGTH, { message: `must be at most ${MESSAGE_MAX_LENGTH} characters` })
  @MinLength(1, { message: 'must not be empty' })
  @IsString({ message: 'must be a string' })
  // Registered last so it runs first: with `stopAtFirstError` a missing pair says only this.
  @ExactlyOneOf(['message', 'action'])
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  message?: string;

  @ApiPropertyOptional({ type: TurnAction, description: 'A button: exactly one of `message` and `action`.' })
  @ValidateIf((body: TurnRequest) => body.action !== undefined)
  @ValidateNested()
  @IsObject({ message: 'must be an object { type }' })
  @Type(() => TurnAction)
  action?: TurnAction;

  @ApiPropertyOptional({
    enum: MULTITASK_STRATEGIES,
    default: 'reject',
    description:
      'While another turn of the session runs: `reject` (409 TURN_IN_PROGRESS), `enqueue` (a `queued` event, then run after it) or `interrupt` (stop it, then run).',
  })
  @IsOptional()
  @IsIn(MULTITASK_STRATEGIES, { message: `must be one of ${MULTITASK_STRATEGIES.join(', ')}` })
  multitask?: Multitask;
}

/** The validated request as the service's input. */
export function toTurnInput(request: TurnRequest): TurnInput {
  return request.message !== undefined ? { text: request.message } : { action: request.action!.type };
}
