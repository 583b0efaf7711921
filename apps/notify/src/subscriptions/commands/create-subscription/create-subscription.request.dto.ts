import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { Urgencies } from '@ticketing/contracts';
import { NOTIFY_EVENT_NAMES } from '../../../events/domain/notify-events';
import { CHANNELS, Channel } from '../../domain/subscription';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const list = (field: string, max = 100) => [
  IsOptional(),
  IsArray({ message: `${field} must be a list` }),
  ArrayMaxSize(max, { message: `${field} may hold at most ${max} entries` }),
  IsString({ each: true, message: `${field} must hold text` }),
  MinLength(1, { each: true, message: `${field} must not hold empty entries` }),
  MaxLength(200, { each: true, message: `${field} entries must be at most 200 characters` }),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

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
      'wecom: 企业微信群机器人; dingtalk: 钉钉群机器人 (加签); webhook: signed JSON POST; email: SMTP',
  })
  @IsIn(CHANNELS, { message: `channel must be one of ${CHANNELS.join(', ')}` })
  channel!: Channel;

  @ApiProperty({
    type: [String],
    example: ['assigned', 'breached'],
    description: `friendly names (${Object.keys(NOTIFY_EVENT_NAMES).join(', ')}) or event types such as ticket.assigned`,
  })
  @IsArray({ message: 'events must be a list' })
  @ArrayMinSize(1, { message: 'events must name at least one event' })
  @ArrayMaxSize(50, { message: 'events may name at most 50 events' })
  @IsString({ each: true, message: 'events must hold text' })
  events!: string[];

  @ApiPropertyOptional({
    type: [String],
    description:
      'only tickets involving one of these departments (lead, co-handler, or the one the event is about)',
  })
  @apply(list('departmentIds'))
  departmentIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['labour'],
    description: 'only tickets of these categories',
  })
  @apply(list('categories'))
  categories?: string[];

  @ApiPropertyOptional({ type: [String], description: 'only tickets of enterprises in these grids' })
  @apply(list('gridIds'))
  gridIds?: string[];

  @ApiPropertyOptional({ enum: Urgencies, isArray: true, description: 'only tickets of these urgencies' })
  @IsOptional()
  @IsArray({ message: 'urgencies must be a list' })
  @IsIn(Urgencies, { each: true, message: `urgencies must hold ${Urgencies.join(', ')}` })
  urgencies?: string[];

  @ApiPropertyOptional({
    example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…',
    description: 'robot or webhook URL (https)',
  })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'url must be text' })
  @MaxLength(2000, { message: 'url must be at most 2000 characters' })
  url?: string;

  @ApiPropertyOptional({
    description:
      "dingtalk: the robot's 加签 secret (SEC…); webhook: the HMAC key receivers verify with. Never returned.",
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
    type: [String],
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
    type: [String],
    example: ['duty@hr.example.gov.cn'],
    description: 'e-mail only: addresses',
  })
  @apply(list('recipients', 50))
  recipients?: string[];

  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh' })
  @IsOptional()
  @IsIn(['zh', 'en'], { message: 'language must be zh or en' })
  language?: 'zh' | 'en';

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;
}
