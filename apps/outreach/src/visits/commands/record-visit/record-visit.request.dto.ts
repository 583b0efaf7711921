import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_CATEGORIES, NeedKinds, Urgencies, VisitModes } from '@ticketing/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CN_PHONE, EXTERNAL_ID, PHONE_MESSAGE } from '../../../shared/http/outreach-http';

const CATEGORY_CODES = DEFAULT_CATEGORIES.map((c) => c.code);

export class VisitContactDto {
  @ApiProperty({ maxLength: 50, example: '王经理' })
  @IsString({ message: 'contact.name must be text' })
  @IsNotEmpty({ message: 'contact.name is required' })
  @MaxLength(50, { message: 'contact.name must be at most 50 characters' })
  name!: string;

  @ApiProperty({ example: '13800138000' })
  @IsString({ message: 'contact.phone must be text' })
  @Matches(CN_PHONE, { message: `contact.phone ${PHONE_MESSAGE}` })
  phone!: string;
}

/** A problem the enterprise raised: the ticket it becomes is submitted on its behalf. */
export class VisitProblemDto {
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

  @ApiProperty({ enum: CATEGORY_CODES })
  @IsIn(CATEGORY_CODES, { message: `category must be one of ${CATEGORY_CODES.join(', ')}` })
  category!: string;

  @ApiPropertyOptional({ enum: Urgencies, default: 'normal' })
  @IsOptional()
  @IsIn([...Urgencies], { message: `urgency must be one of ${Urgencies.join(', ')}` })
  urgency?: (typeof Urgencies)[number];

  @ApiProperty({ type: VisitContactDto, description: 'who at the enterprise the department should call' })
  @IsDefined({ message: 'contact is required' })
  @ValidateNested()
  @Type(() => VisitContactDto)
  contact!: VisitContactDto;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString({ message: 'location must be text' })
  @MaxLength(200, { message: 'location must be at most 200 characters' })
  location?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 10,
    description: 'some of the visit’s photoIds',
  })
  @IsOptional()
  @IsArray({ message: 'photoIds must be a list of photo ids' })
  @ArrayMaxSize(10, { message: 'photoIds may hold at most 10 ids' })
  @IsUUID('all', { each: true, message: 'photoIds must hold photo ids (uuid)' })
  photoIds?: string[];
}

/** A need (需求清单) the enterprise raised: not a complaint, followed up by its owner. */
export class VisitNeedDto {
  @ApiProperty({ enum: NeedKinds })
  @IsIn([...NeedKinds], { message: `kind must be one of ${NeedKinds.join(', ')}` })
  kind!: (typeof NeedKinds)[number];

  @ApiProperty({ maxLength: 100 })
  @IsString({ message: 'title must be text' })
  @IsNotEmpty({ message: 'title is required' })
  @MaxLength(100, { message: 'title must be at most 100 characters' })
  title!: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString({ message: 'description must be text' })
  @IsNotEmpty({ message: 'description is required' })
  @MaxLength(2000, { message: 'description must be at most 2000 characters' })
  description!: string;
}

export class RecordVisitRequestDto {
  @ApiProperty({ description: 'an enterprise of your grids' })
  @IsString({ message: 'enterpriseId must be text' })
  @Matches(EXTERNAL_ID, { message: 'enterpriseId must be an enterprise id' })
  enterpriseId!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'when the visit took place (a draft typed offline keeps its time)',
  })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'visitedAt must be a date-time (ISO 8601)' })
  visitedAt!: string;

  @ApiProperty({ enum: VisitModes, description: 'on site / phone / online' })
  @IsIn([...VisitModes], { message: `mode must be one of ${VisitModes.join(', ')}` })
  mode!: (typeof VisitModes)[number];

  @ApiPropertyOptional({ type: [String], maxItems: 10, description: 'who went along (names)' })
  @IsOptional()
  @IsArray({ message: 'companions must be a list of names' })
  @ArrayMaxSize(10, { message: 'companions may hold at most 10 names' })
  @IsString({ each: true, message: 'companions must hold names' })
  @MaxLength(50, { each: true, message: 'each companion must be at most 50 characters' })
  companions?: string[];

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    description: 'what was talked about (policies explained …)',
  })
  @IsOptional()
  @IsArray({ message: 'topics must be a list' })
  @ArrayMaxSize(20, { message: 'topics may hold at most 20' })
  @IsString({ each: true, message: 'topics must hold text' })
  @MaxLength(200, { each: true, message: 'each topic must be at most 200 characters' })
  topics?: string[];

  @ApiPropertyOptional({
    maxLength: 4000,
    description: 'what was found: internal, never shown to the enterprise',
  })
  @IsOptional()
  @IsString({ message: 'findings must be text' })
  @MaxLength(4000, { message: 'findings must be at most 4000 characters' })
  findings?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 20,
    description: 'ids returned by POST /api/v1/outreach/visits/photos',
  })
  @IsOptional()
  @IsArray({ message: 'photoIds must be a list of photo ids' })
  @ArrayMaxSize(20, { message: 'photoIds may hold at most 20 ids' })
  @IsUUID('all', { each: true, message: 'photoIds must hold photo ids (uuid)' })
  photoIds?: string[];

  @ApiPropertyOptional({
    type: [VisitProblemDto],
    maxItems: 20,
    description: 'each becomes a ticket (来自走访)',
  })
  @IsOptional()
  @IsArray({ message: 'problems must be a list' })
  @ArrayMaxSize(20, { message: 'problems may hold at most 20' })
  @ValidateNested({ each: true })
  @Type(() => VisitProblemDto)
  problems?: VisitProblemDto[];

  @ApiPropertyOptional({ type: [VisitNeedDto], maxItems: 20, description: 'each goes on the 需求清单' })
  @IsOptional()
  @IsArray({ message: 'needs must be a list' })
  @ArrayMaxSize(20, { message: 'needs may hold at most 20' })
  @ValidateNested({ each: true })
  @Type(() => VisitNeedDto)
  needs?: VisitNeedDto[];
}
