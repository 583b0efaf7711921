import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Urgencies } from '@ticketing/contracts';
import { NOTIFY_EVENT_NAMES } from '../../../events/domain/notify-events';
import { CHANNELS, Channel } from '../../domain/subscription-definition';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const ENTRY_MAX = 200;
/** The document states the bounds the rules below enforce. */
const texts = (maxItems: number, maxLength = ENTRY_MAX) => ({
  type: 'array' as const,
  items: { type: 'string', maxLength },
  maxItems,
});
const list = (field: string, max = 100) => [
  IsOptional(),
  IsArray({ message: `${field} must be a list` }),
  ArrayMaxSize(max, { message: `${field} may hold at most ${max} entries` }),
  IsString({ each: true, message: `${field} must hold text` }),
  MinLength(1, { each: true, message: `${field} must not hold empty entries` }),
  MaxLength(ENTRY_MAX, { each: true, message: `${field} entries must be at most ${ENTRY_MAX} characters` }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

const TEMPLATE_CODE = /^SMS_\d{1,20}$/;
const templateCode = (kind: string) => [
  IsOptional(),
  IsString({ message: `smsTemplates.${kind} must be text` }),
  Matches(TEMPLATE_CODE, { message: `smsTemplates.${kind} must be a template code such as SMS_123456789` }),
];

/** The approved template (TemplateCode) for each kind of SMS; its text uses ${number} and ${department}. */
export class SmsTemplatesDto {
  @ApiPropertyOptional({ example: 'SMS_100000001', description: 'ticket assigned: ${number} ${department}' })
  @apply(templateCode('assigned'))
  assigned?: string;

  @ApiPropertyOptional({
    example: 'SMS_100000002',
    description: 'a department asks the enterprise something: ${number} ${department}',
  })
  @apply(templateCode('information_requested'))
  information_requested?: string;

  @ApiPropertyOptional({
    example: 'SMS_100000003',
    description: 'the ticket was answered: ${number} ${department}',
  })
  @apply(templateCode('replied'))
  replied?: string;
}

/** A subscription: which events, filtered how, go to which channel. */
export class SubscriptionRequestDto {
  @ApiProperty({ example: '人社局工作群', maxLength: 100 })
  @Transform(trim)
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  name!: string;

  @ApiProperty({
    enum: CHANNELS,
    description:
      "wecom: 企业微信群机器人; dingtalk: 钉钉群机器人 (加签); webhook: signed JSON POST; email: SMTP; sms: Alibaba Cloud SMS to each ticket's contact phone",
  })
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel!: Channel;

  @ApiProperty({
    ...texts(50, 100),
    example: ['assigned', 'breached'],
    description: `friendly names (${Object.keys(NOTIFY_EVENT_NAMES).join(', ')}) or event types such as ticket.assigned`,
  })
  @IsArray({ message: 'events must be a list' })
  @ArrayMinSize(1, { message: 'events must name at least one event' })
  @ArrayMaxSize(50, { message: 'events may name at most 50 events' })
  @IsString({ each: true, message: 'events must hold text' })
  @MaxLength(100, { each: true, message: 'events entries must be at most 100 characters' })
  events!: string[];

  @ApiPropertyOptional({
    ...texts(100),
    description:
      'only tickets involving one of these departments (lead, co-handler, or the one the event is about)',
  })
  @apply(list('departmentIds'))
  departmentIds?: string[];

  @ApiPropertyOptional({
    ...texts(100),
    example: ['labour'],
    description: 'only tickets of these categories',
  })
  @apply(list('categories'))
  categories?: string[];

  @ApiPropertyOptional({ ...texts(100), description: 'only tickets of enterprises in these grids' })
  @apply(list('gridIds'))
  gridIds?: string[];

  @ApiPropertyOptional({
    enum: Urgencies,
    isArray: true,
    maxItems: 100,
    description: 'only tickets of these urgencies',
  })
  @IsOptional()
  @IsArray({ message: 'urgencies must be a list' })
  @ArrayMaxSize(100, { message: 'urgencies may hold at most 100 entries' })
  @IsIn(Urgencies, { each: true, message: `urgencies must hold ${Urgencies.join(', ')}` })
  urgencies?: string[];

  @ApiPropertyOptional({
    example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
    description:
      'robot or webhook URL (https); sms: the SendSms endpoint, e.g. https://dysmsapi.aliyuncs.com/',
    maxLength: 2000,
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'url must be text' })
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  url?: string;

  @ApiPropertyOptional({
    description:
      "dingtalk: the robot's 加签 secret (SEC…); webhook: the HMAC key receivers verify with; sms: the AccessKey secret. Stored encrypted, never returned.",
    maxLength: 200,
  })
  @IsOptional()
  @IsString({ message: 'secret must be text' })
  @MaxLength(200, { message: 'secret must be at most 200 characters' })
  secret?: string;

  @ApiPropertyOptional({
    enum: ['markdown', 'text'],
    default: 'markdown',
    description: 'robots only; WeCom @mentions by mobile need text',
  })
  @IsOptional()
  @IsIn(['markdown', 'text'], { message: 'msgtype must be markdown or text' })
  msgtype?: 'markdown' | 'text';

  @ApiPropertyOptional({
    ...texts(50),
    example: ['13800138000'],
    description: 'robots only: @ these mobile numbers',
  })
  @apply(list('mentionMobiles', 50))
  mentionMobiles?: string[];

  @ApiPropertyOptional({ description: 'robots only: @all' })
  @IsOptional()
  @IsBoolean({ message: 'mentionAll must be true or false' })
  mentionAll?: boolean;

  @ApiPropertyOptional({
    ...texts(50),
    example: ['duty@hr.example.gov.cn'],
    description: 'e-mail only: addresses',
  })
  @apply(list('recipients', 50))
  recipients?: string[];

  @ApiPropertyOptional({ description: 'sms only: the AccessKey ID of the SMS account', maxLength: 128 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'smsAccessKeyId must be text' })
  @MaxLength(128, { message: 'smsAccessKeyId must be at most 128 characters' })
  smsAccessKeyId?: string;

  @ApiPropertyOptional({
    description: 'sms only: the approved sign name (短信签名)',
    maxLength: 30,
    example: '园区吹哨报到',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'smsSignName must be text' })
  @MaxLength(30, { message: 'smsSignName must be at most 30 characters' })
  smsSignName?: string;

  @ApiPropertyOptional({
    type: SmsTemplatesDto,
    description: 'sms only: a template code for each event sent',
  })
  @IsOptional()
  @IsObject({ message: 'smsTemplates must be an object of template codes' })
  @ValidateNested()
  @Type(() => SmsTemplatesDto)
  smsTemplates?: SmsTemplatesDto;

  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh' })
  @IsOptional()
  @IsIn(['zh', 'en'], { message: 'language must be zh or en' })
  language?: 'zh' | 'en';

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;
}
