import { registerDecorator, type ValidationArguments } from 'class-validator';

/**
 * Class-level rule written on one property: exactly one of `fields` must be present. It runs even when
 * the property it sits on is absent (which is the point: `{}` must fail), so put no `@IsOptional` beside it.
 */
export function ExactlyOneOf(fields: readonly string[]): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'exactlyOneOf',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [fields],
      options: { message: `send exactly one of ${fields.map((field) => `"${field}"`).join(' and ')}` },
      validator: {
        validate: (_value: unknown, args: ValidationArguments) =>
          fields.filter((field) => (args.object as Record<string, unknown>)[field] !== undefined).length === 1,
      },
    });
}
