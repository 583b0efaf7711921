import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { RoutingRuleOrmEntity } from './infrastructure/routing-rule.orm-entity';
import { RoutingRuleVersionOrmEntity } from './infrastructure/routing-rule-version.orm-entity';

export class RuleConditionsDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['utilities'],
    description: 'ticket category codes (any of)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
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
  @MaxLength(100, { each: true })
  gridIds?: string[];

  @ApiPropertyOptional({ type: [String], description: 'enterprise ids (any of)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'each of enterpriseIds must be non-empty' })
  @MaxLength(100, { each: true })
  enterpriseIds?: string[];
}

export class RuleDecisionDto {
  @ApiProperty({ example: '0193a000-0000-7000-8000-00000000000c' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  leadDepartmentId!: string;

  @ApiProperty({ type: [String], example: ['0193a000-0000-7000-8000-00000000000a'] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'each of coHandlerDepartmentIds must be non-empty' })
  coHandlerDepartmentIds!: string[];
}

/** What a rule says, shared by create and edit. */
export class RuleContentDto {
  @ApiProperty({ example: '停水停电 → 城管局' })
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

export class RuleIdParam {
  @ApiProperty()
  @IsUUID('all', { message: 'id must be a rule id (UUID)' })
  id!: string;
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

  static from(row: RoutingRuleOrmEntity): RuleResponseDto {
    return {
      id: row.id,
      version: row.version,
      name: row.name,
      priority: row.priority,
      enabled: row.enabled,
      conditions: row.conditions,
      decision: {
        leadDepartmentId: row.leadDepartmentId,
        coHandlerDepartmentIds: row.coHandlerDepartmentIds,
      },
      updatedAt: row.updatedAt.toISOString(),
      updatedBy: row.updatedBy,
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

  static from(row: RoutingRuleVersionOrmEntity): RuleVersionResponseDto {
    return {
      ruleId: row.ruleId,
      version: row.version,
      name: row.name,
      enabled: row.enabled,
      conditions: row.conditions,
      decision: {
        leadDepartmentId: row.leadDepartmentId,
        coHandlerDepartmentIds: row.coHandlerDepartmentIds,
      },
      change: row.change,
      changedAt: row.changedAt.toISOString(),
      changedBy: row.changedBy,
    };
  }
}
