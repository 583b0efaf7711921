import { Command } from '@ticketing/platform';
import { Urgencies } from '@ticketing/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { SmsKind } from '../../domain/sms-settings';
import { Channel, CHANNELS } from '../../domain/subscription-definition';

const texts = (max: number) => [
  IsOptional(),
  IsArray(),
  ArrayMaxSize(max),
  IsString({ each: true }),
  MaxLength(200, { each: true }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

/**
 * What defines a subscription, as asked (friendly event names not yet resolved). The rules that
 * depend on the channel and this server's settings are the domain's (buildSubscription).
 */
export abstract class SubscriptionFields extends Command {
  @IsString() @MinLength(1) @MaxLength(100) readonly name!: string;
  @IsIn(CHANNELS) readonly channel!: Channel;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  readonly events!: string[];
  @apply(texts(100)) readonly departmentIds?: string[];
  @apply(texts(100)) readonly categories?: string[];
  @apply(texts(100)) readonly gridIds?: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsIn(Urgencies, { each: true }) readonly urgencies?: string[];
  @IsOptional() @IsString() @MaxLength(2000) readonly url?: string;
  @IsOptional() @IsString() @MaxLength(200) readonly secret?: string;
  @IsOptional() @IsIn(['markdown', 'text']) readonly msgtype?: 'markdown' | 'text';
  @apply(texts(50)) readonly mentionMobiles?: string[];
  @IsOptional() @IsBoolean() readonly mentionAll?: boolean;
  @apply(texts(50)) readonly recipients?: string[];
  @IsOptional() @IsString() @MaxLength(128) readonly smsAccessKeyId?: string;
  @IsOptional() @IsString() @MaxLength(30) readonly smsSignName?: string;
  @IsOptional() @IsObject() readonly smsTemplates?: Partial<Record<SmsKind, string>>;
  @IsOptional() @IsIn(['zh', 'en']) readonly language?: 'zh' | 'en';
  @IsOptional() @IsBoolean() readonly enabled?: boolean;
}

export class CreateSubscriptionCommand extends SubscriptionFields {
  /** The admin or committee member who asked. */
  @IsString() @MinLength(1) readonly createdBy!: string;
}
