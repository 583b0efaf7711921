import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  MinLength,
  ValidateNested,
} from 'class-validator';

/**
 * The few shapes event payload fields take, as class-validator rules. An event is checked against
 * its payload class when a consumer receives it, so a field a consumer relies on is never missing.
 */
const all =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) => {
    for (const d of decorators) d(target, key);
  };

const maybe = (optional: boolean, ...decorators: PropertyDecorator[]): PropertyDecorator =>
  optional ? all(IsOptional(), ...decorators) : all(...decorators);

/** An identifier: a non-empty string (ticket ids are UUIDs, but other aggregates name theirs). */
export const Id = (o = { optional: false }) => maybe(o.optional, IsString(), MinLength(1));
export const Ids = () => all(IsArray(), IsString({ each: true }));
export const Text = (o = { optional: false }) => maybe(o.optional, IsString());
export const Texts = () => all(IsArray(), IsString({ each: true }));
export const Flag = (o = { optional: false }) => maybe(o.optional, IsBoolean());
export const Count = (o = { optional: false }) => maybe(o.optional, IsInt());
export const Amount = (o = { optional: false }) => maybe(o.optional, IsNumber());
export const Instant = (o = { optional: false }) => maybe(o.optional, IsISO8601());
export const OneOf = (values: readonly unknown[], o = { optional: false }) =>
  maybe(o.optional, IsIn([...values]));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const Nested = (cls: new () => any, o = { optional: false }) =>
  maybe(
    o.optional,
    ValidateNested(),
    Type(() => cls),
  );
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const NestedList = (cls: new () => any) =>
  all(
    IsArray(),
    ValidateNested({ each: true }),
    Type(() => cls),
  );

export const optional = { optional: true } as const;
