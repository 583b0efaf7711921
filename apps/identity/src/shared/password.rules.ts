import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const NEW_PASSWORD_MAX_LENGTH = 128;

/** 8-128 characters with at least one letter and one digit (Demo@2026 passes). */
export function IsNewPassword(field: string): PropertyDecorator {
  const rules = [
    IsString({ message: `${field} must be text` }),
    MinLength(8, { message: `${field} must be at least 8 characters` }),
    MaxLength(NEW_PASSWORD_MAX_LENGTH, {
      message: `${field} must be at most ${NEW_PASSWORD_MAX_LENGTH} characters`,
    }),
    Matches(/[A-Za-z]/, { message: `${field} must contain a letter` }),
    Matches(/\d/, { message: `${field} must contain a digit` }),
  ];
  return (target, key) => rules.forEach((r) => r(target, key));
}
