import { ValidationPipe } from '@nestjs/common';
import type { ValidationError, ValidatorOptions } from 'class-validator';
import { DomainError } from '../../common/errors.js';

const ACCEPTS_UNKNOWN_FIELDS = Symbol('acceptsUnknownFields');

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
