import { AuthUser } from '@ticketing/auth';
import { NeedKind, Urgency, VisitMode, VisitModes } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export interface ProblemInput {
  title: string;
  description: string;
  category: string;
  urgency: Urgency;
  contact: { name: string; phone: string };
  location: string | null;
  photoIds: string[];
}

export interface NeedInput {
  kind: NeedKind;
  title: string;
  description: string;
}

/** An instructor records a visit: what was found, and the problems and needs the enterprise raised. */
export class RecordVisitCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsString() @MinLength(1) readonly enterpriseId!: string;
  @IsDate() readonly visitedAt!: Date;
  @IsIn([...VisitModes]) readonly mode!: VisitMode;
  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) readonly companions!: string[];
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) readonly topics!: string[];
  @IsString() @MaxLength(4000) readonly findings!: string;
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) readonly photoIds!: string[];
  @IsArray() @ArrayMaxSize(20) readonly problems!: ProblemInput[];
  @IsArray() @ArrayMaxSize(20) readonly needs!: NeedInput[];
  /** Same key + same user = same visit. */
  @IsOptional() @IsString() @Matches(/^[\x21-\x7e]{1,200}$/) readonly idempotencyKey!: string | null;

  /** The visit without who and how: two requests are the same request when these are equal. */
  request(): Record<string, unknown> {
    const { enterpriseId, visitedAt, mode, companions, topics, findings, photoIds, problems, needs } = this;
    return { enterpriseId, visitedAt, mode, companions, topics, findings, photoIds, problems, needs };
  }
}
