import { z } from 'zod';
import { DomainError } from '../../common/errors.js';
import { ACTION_TYPES, type TurnInput } from '../phases/turn.js';

export const MESSAGE_MAX_LENGTH = 4000;

/** `{ message }` or `{ action: { type } }`, exactly one, nothing else (API.md, "Turn request"). */
export const turnRequestSchema = z
  .strictObject({
    message: z
      .string()
      .transform((text) => text.trim())
      .pipe(z.string().min(1, 'must not be empty').max(MESSAGE_MAX_LENGTH, `must be at most ${MESSAGE_MAX_LENGTH} characters`))
      .optional(),
    action: z.strictObject({ type: z.enum(ACTION_TYPES) }).optional(),
  })
  .refine((body) => (body.message === undefined) !== (body.action === undefined), {
    message: 'send exactly one of "message" and "action"',
  });

export type TurnRequest = z.infer<typeof turnRequestSchema>;

/** Validates a turn body into the service's input; 400 `VALIDATION_FAILED` naming the problem otherwise. */
export function parseTurnRequest(body: unknown): TurnInput {
  const result = turnRequestSchema.safeParse(body);
  if (!result.success) {
    const problem = result.error.issues
      .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
      .join('; ');
    throw new DomainError('VALIDATION_FAILED', problem);
  }
  return result.data.message !== undefined ? { text: result.data.message } : { action: result.data.action!.type };
}
