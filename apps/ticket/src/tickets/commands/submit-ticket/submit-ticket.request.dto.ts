import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Urgencies, Urgency } from '@ticketing/contracts';
import { StaffChannels } from '../../domain/ticket.aggregate';

/** Mainland mobile (optionally +86) or a landline with its area code (0851-3312345, 010 12345678, extension allowed). */
export const CN_PHONE = /^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8}(?:-\d{1,6})?)$/;

export class ContactDto {
  @ApiProperty({ maxLength: 50, example: '张三' })
  @IsString({ message: 'contact.name must be text' })
  @IsNotEmpty({ message: 'contact.name is required' })
  @MaxLength(50, { message: 'contact.name must be at most 50 characters' })
  name!: string;

  @ApiProperty({ example: '13800138000', description: 'mainland mobile or landline with area code' })
  @IsString({ message: 'contact.phone must be text' })
  @Matches(CN_PHONE, {
    message:
      'contact.phone must be a mainland China mobile (13800138000) or landline with area code (0851-3312345)',
  })
  phone!: string;
}

export class SubmitTicketRequestDto {
  @ApiPropertyOptional({
    description:
      'instructors and committee staff: the enterprise you submit for (required); enterprises: omit (it is yours)',
  })
  @IsOptional()
  @IsString({ message: 'enterpriseId must be text' })
  @IsNotEmpty({ message: 'enterpriseId must not be empty' })
  @MaxLength(100, { message: 'enterpriseId must be at most 100 characters' })
  enterpriseId?: string;

  @ApiProperty({ maxLength: 100 })
  @IsString({ message: 'title must be text' })
  @IsNotEmpty({ message: 'title is required' })
  @MaxLength(100, { message: 'title must be at most 100 characters' })
  title!: string;

  @ApiProperty({ maxLength: 4000 })
  @IsString({ message: 'description must be text' })
  @IsNotEmpty({ message: 'description is required' })
  @MaxLength(4000, { message: 'description must be at most 4000 characters' })
  description!: string;

  @ApiProperty({ example: 'utilities', description: 'a code from GET /api/v1/tickets/categories' })
  @IsString({ message: 'category must be text' })
  @IsNotEmpty({ message: 'category is required' })
  @MaxLength(50, { message: 'category must be at most 50 characters' })
  category!: string;

  @ApiPropertyOptional({ enum: Urgencies, default: 'normal' })
  @IsOptional()
  @IsIn([...Urgencies], { message: `urgency must be one of ${Urgencies.join(', ')}` })
  urgency?: Urgency;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString({ message: 'location must be text' })
  @MaxLength(200, { message: 'location must be at most 200 characters' })
  location?: string;

  @ApiPropertyOptional({ description: "defaults to the enterprise's grid" })
  @IsOptional()
  @IsString({ message: 'gridId must be text' })
  @IsNotEmpty({ message: 'gridId must not be empty' })
  @MaxLength(100, { message: 'gridId must be at most 100 characters' })
  gridId?: string;

  @ApiProperty({ type: ContactDto })
  @IsDefined({ message: 'contact is required' })
  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 10,
    description: 'ids returned by POST /api/v1/tickets/attachments',
  })
  @IsOptional()
  @IsArray({ message: 'attachmentIds must be a list of attachment ids' })
  @ArrayMaxSize(10, { message: 'attachmentIds may hold at most 10 ids' })
  @IsUUID('all', { each: true, message: 'attachmentIds must hold attachment ids (uuid)' })
  attachmentIds?: string[];

  @ApiPropertyOptional({
    default: false,
    description:
      'true: file it even though it reads like one of the enterprise’s open tickets (after a 409 possibleDuplicate that listed them)',
  })
  @IsOptional()
  @IsBoolean({ message: 'confirmNotDuplicate must be true or false' })
  confirmNotDuplicate?: boolean;

  @ApiPropertyOptional({
    enum: StaffChannels,
    description:
      '受理渠道, committee staff only (required of them): how the enterprise brought it — phone, walk_in, group_chat, letter',
  })
  @IsOptional()
  @IsIn([...StaffChannels], { message: `channel must be one of ${StaffChannels.join(', ')}` })
  channel?: (typeof StaffChannels)[number];
}
