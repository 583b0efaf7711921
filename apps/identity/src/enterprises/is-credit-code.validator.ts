import { registerDecorator, ValidationArguments } from 'class-validator';
import { creditCodeMessages, creditCodeProblem } from '../directory/domain/credit-code';

/** class-validator rule on top of the domain check, so a bad code is a 400 naming the field. */
export function IsCreditCode(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCreditCode',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && creditCodeProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) => {
          const value = args?.value;
          if (typeof value !== 'string') return 'creditCode must be text (统一社会信用代码)';
          return creditCodeMessages[creditCodeProblem(value) ?? 'characters'];
        },
      },
    });
}
