import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CN_PHONE, EXTERNAL_ID, PHONE_MESSAGE } from '../../../shared/http/outreach-http';
import { MAX_INSTRUCTORS } from '../../domain/liaisons.aggregate';

export class LiaisonLeaderDto {
  @ApiProperty({ maxLength: 50, example: '张书记' })
  @IsString({ message: 'leader.name must be text' })
  @IsNotEmpty({ message: 'leader.name is required' })
  @MaxLength(50, { message: 'leader.name must be at most 50 characters' })
  name!: string;

  @ApiPropertyOptional({ maxLength: 50, example: '综合党委副书记', nullable: true, type: String })
  @IsOptional()
  @IsString({ message: 'leader.title must be text' })
  @MaxLength(50, { message: 'leader.title must be at most 50 characters' })
  title?: string | null;

  @ApiPropertyOptional({ example: '13800138000', nullable: true, type: String })
  @IsOptional()
  @IsString({ message: 'leader.phone must be text' })
  @Matches(CN_PHONE, { message: `leader.phone ${PHONE_MESSAGE}` })
  phone?: string | null;

  @ApiPropertyOptional({
    description: 'the leader’s user, when they have an account',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString({ message: 'leader.userId must be text' })
  @Matches(EXTERNAL_ID, { message: 'leader.userId must be a user id' })
  userId?: string | null;
}

export class DepartmentLiaisonDto {
  @ApiProperty({ example: '0193a000-0000-7000-8000-000000000001' })
  @IsString({ message: 'department.departmentId must be text' })
  @Matches(EXTERNAL_ID, { message: 'department.departmentId must be a department id' })
  departmentId!: string;

  @ApiPropertyOptional({ maxLength: 50, nullable: true, type: String })
  @IsOptional()
  @IsString({ message: 'department.contactName must be text' })
  @MaxLength(50, { message: 'department.contactName must be at most 50 characters' })
  contactName?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString({ message: 'department.contactPhone must be text' })
  @Matches(CN_PHONE, { message: `department.contactPhone ${PHONE_MESSAGE}` })
  contactPhone?: string | null;
}

export class SetLiaisonsRequestDto {
  @ApiPropertyOptional({
    description: 'the version you saw (0 when none were set); absent: replace whatever is there',
    minimum: 0,
  })
  @IsOptional()
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(0, { message: 'expectedVersion must be 0 or more' })
  @Max(2_147_483_647, { message: 'expectedVersion must be at most 2147483647' })
  expectedVersion?: number;

  @ApiProperty({ description: '重点企业: visited every OUTREACH_KEY_VISIT_MONTHS months' })
  @IsBoolean({ message: 'keyEnterprise must be true or false' })
  keyEnterprise!: boolean;

  @ApiProperty({
    type: [String],
    maxItems: MAX_INSTRUCTORS,
    description: 'instructors of the enterprise’s grid',
  })
  @IsArray({ message: 'instructorUserIds must be a list of user ids' })
  @ArrayMaxSize(MAX_INSTRUCTORS, { message: `instructorUserIds may hold at most ${MAX_INSTRUCTORS} ids` })
  @Matches(EXTERNAL_ID, { each: true, message: 'instructorUserIds must hold user ids' })
  instructorUserIds!: string[];

  @ApiPropertyOptional({
    type: LiaisonLeaderDto,
    nullable: true,
    description: 'the committee leader (联系领导)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => LiaisonLeaderDto)
  leader?: LiaisonLeaderDto | null;

  @ApiPropertyOptional({
    type: DepartmentLiaisonDto,
    nullable: true,
    description: 'the department liaison (联系部门)',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => DepartmentLiaisonDto)
  department?: DepartmentLiaisonDto | null;
}
