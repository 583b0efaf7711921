import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { RoutingRule, RuleVersion } from './domain/routing-rule.aggregate';

export class RuleConditionsDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['utilities'],
    description: 'ticket category codes (any of)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @MaxLength(40, { each: true, message: 'each of categories must be at most 40 characters' })
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, {
    each: true,
    message: 'each of categories must be a category code like utilities',
  })
  categories?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['停水', '水管'],
    description: 'substrings of the title or description (any of); Latin letters case-insensitively',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'each of keywords must be non-empty' })
  @MaxLength(50, { each: true, message: 'each of keywords must be at most 50 characters' })
  keywords?: string[];

  @ApiPropertyOptional({ type: [String], description: 'grid ids (any of)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'each of gridIds must be non-empty' })
  @MaxLength(100, { each: true, message: 'each of gridIds must be at most 100 characters' })
  gridIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'enterprise ids (any of)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'each of enterpriseIds must be non-empty' })
  @MaxLength(100, { each: true, message: 'each of enterpriseIds must be at most 100 characters' })
  enterpriseIds?: string[];
}

export class RuleDecisionDto {
  @ApiProperty({ example: '0193a000-0000-7000-8000-00000000000c', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  leadDepartmentId!: string;

  @ApiProperty({ type: [String], example: ['0193a000-0000-7000-8000-00000000000a'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'each of coHandlerDepartmentIds must be non-empty' })
  @MaxLength(100, { each: true, message: 'each of coHandlerDepartmentIds must be at most 100 characters' })
  coHandlerDepartmentIds!: string[];
}

/** What a rule says, shared by create and edit. */
export class RuleContentDto {
  @ApiProperty({ example: '停水停电 → 城管局', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({ type: RuleConditionsDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => RuleConditionsDto)
  conditions!: RuleConditionsDto;

  @ApiProperty({ type: RuleDecisionDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => RuleDecisionDto)
  decision!: RuleDecisionDto;
}

export class RuleResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'the current version; every edit makes a new one' }) version!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'lower runs first' }) priority!: number;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: RuleConditionsDto }) conditions!: RuleConditionsDto;
  @ApiProperty({ type: RuleDecisionDto }) decision!: RuleDecisionDto;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() updatedBy!: string;

  static from(rule: RoutingRule): RuleResponseDto {
    return {
      id: rule.id,
      version: rule.version,
      name: rule.name,
      priority: rule.priority,
      enabled: rule.enabled,
      conditions: rule.conditions,
      decision: rule.decision,
      updatedAt: rule.updatedAt.toISOString(),
      updatedBy: rule.updatedBy,
    };
  }
}

export class RuleVersionResponseDto {
  @ApiProperty() ruleId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() name!: string;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: RuleConditionsDto }) conditions!: RuleConditionsDto;
  @ApiProperty({ type: RuleDecisionDto }) decision!: RuleDecisionDto;
  @ApiProperty({ enum: ['created', 'edited', 'enabled', 'disabled'] }) change!: string;
  @ApiProperty() changedAt!: string;
  @ApiProperty() changedBy!: string;

  static from(v: RuleVersion): RuleVersionResponseDto {
    return {
      ruleId: v.ruleId,
      version: v.version,
      name: v.name,
      enabled: v.enabled,
      conditions: v.conditions,
      decision: v.decision,
      change: v.change,
      changedAt: v.changedAt.toISOString(),
      changedBy: v.changedBy,
    };
  }
}
