import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import type { ValidationError, ValidatorOptions } from 'class-validator';
import { DomainError } from '../../common/errors.js';

const ACCEPTS_UNKNOWN_FIELDS = Symbol('acceptsUnknownFields');

/** Deepest nesting of arrays and objects a body may have: every DTO of the API fits in a few levels. */
export const MAX_BODY_DEPTH = 32;

/**
 * On a DTO whose sender is not ours to constrain (an OAuth provider's redirect adds parameters of its
 * own, e.g. `scope`, `authuser`): unknown fields are dropped instead of refused.
 */
export function AcceptsUnknownFields(): ClassDecorator {
  return (target) => {
    Object.defineProperty(target, ACCEPTS_UNKNOWN_FIELDS, { value: true });
  };
}

/**
 * The one validator of request bodies and queries (registered globally): DTO classes built by
 * class-transformer and checked by class-validator. Unknown fields are refused (not silently dropped),
 * and every failure answers 400 `VALIDATION_FAILED` in the API's error shape, its message naming each
 * field path (`message: must not be empty; action.type: must be one of …`).
 */
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      // One complaint per field: the first rule it breaks.
      stopAtFirstError: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors: ValidationError[]) => new DomainError('VALIDATION_FAILED', describeValidationErrors(errors)),
    });
  }

  // class-transformer walks a value recursively: a body of a few thousand nested brackets (10 KB, well within
  // the size limits) would overflow the stack and answer 500. Refused first, by a walk without recursion.
  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (nestedDeeperThan(value, MAX_BODY_DEPTH)) {
      throw new DomainError('VALIDATION_FAILED', `The request is nested too deeply (at most ${MAX_BODY_DEPTH} levels).`);
    }
    return super.transform(value, metadata);
  }

  protected override validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> | ValidationError[] {
    const lenient = (object.constructor as unknown as Record<symbol, unknown>)[ACCEPTS_UNKNOWN_FIELDS] === true;
    return super.validate(object, lenient ? { ...options, forbidNonWhitelisted: false } : options);
  }
}

/** One `path: problem` entry per failing field, joined by `; `. */
export function describeValidationErrors(errors: readonly ValidationError[]): string {
  return collect(errors, '').join('; ') || 'The request is not valid.';
}

function collect(errors: readonly ValidationError[], parent: string): string[] {
  const problems: string[] = [];
  for (const error of errors) {
    const path = error.property ? (parent ? `${parent}.${error.property}` : error.property) : parent;
    for (const message of Object.values(error.constraints ?? {})) problems.push(path ? `${path}: ${message}` : message);
    problems.push(...collect(error.children ?? [], path));
  }
  return problems;
}

/** Whether arrays and objects in `value` nest deeper than `limit` levels (iterative: safe at any depth). */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (child !== null && typeof child === 'object') pending.push([child, depth + 1]);
    }
  }
  return false;
}
