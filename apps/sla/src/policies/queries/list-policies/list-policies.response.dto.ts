import { ApiProperty } from '@nestjs/swagger';
import { PolicySubjects } from '../../domain/policy';
import { SlaPolicyDefinitionDto } from '../../policy-definition.dto';

/** One version of a policy, as stored. */
export class PolicyResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) version!: number;
  @ApiProperty({ example: '用工 紧急', description: 'the Chinese name' }) name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the English name, if any' }) nameEn!:
    string | null;
  @ApiProperty({ enum: PolicySubjects }) subject!: string;
  @ApiProperty({ example: 'labour', description: "a category code, or '*' for any" }) category!: string;
  @ApiProperty({ example: 'urgent', description: "normal, urgent or critical, or '*' for any" })
  urgency!: string;
  @ApiProperty({ description: 'whether this is the version in force' }) active!: boolean;
  @ApiProperty({ type: SlaPolicyDefinitionDto }) definition!: unknown;
  @ApiProperty({ description: 'the user who wrote this version (seed: written at install)' })
  createdBy!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
}

export class PolicyVersionsResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: [PolicyResponseDto], description: 'every version, newest first' })
  versions!: PolicyResponseDto[];
}

/** A recompute after a policy or calendar change, and how far it got. */
export class RecomputeJobResponseDto {
  @ApiProperty({ type: 'integer' }) id!: number;
  @ApiProperty({ enum: ['policy', 'calendar'] }) scope!: string;
  @ApiProperty({ description: 'the policy or calendar id' }) target!: string;
  @ApiProperty({ description: 'what started it' }) reason!: string;
  @ApiProperty({ type: 'integer', description: 'open timers looked at so far' }) processed!: number;
  @ApiProperty({ type: 'integer', description: 'timers whose deadline moved or that stopped' })
  changed!: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while it runs' })
  finishedAt!: Date | null;
}
