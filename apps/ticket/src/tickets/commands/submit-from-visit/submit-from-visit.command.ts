import { AttachmentRef, Urgencies, Urgency } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** One problem raised in the visit, bounded as the whistle form bounds it. */
export class VisitProblem {
  @IsInt() @Min(0) readonly index!: number;
  @IsString() @MinLength(1) @MaxLength(100) readonly title!: string;
  @IsString() @MinLength(1) @MaxLength(4000) readonly description!: string;
  @IsString() @MaxLength(50) readonly category!: string;
  @IsIn([...Urgencies]) readonly urgency!: Urgency;
  @IsString() @MinLength(1) @MaxLength(50) readonly contactName!: string;
  @IsString() @MinLength(1) @MaxLength(30) readonly contactPhone!: string;
  @IsOptional() @IsString() @MaxLength(200) readonly location!: string | null;
  @IsArray() @ArrayMaxSize(10) readonly photos!: AttachmentRef[];

  /** A class instance, so that the command's nested rules apply to it. */
  static of(props: VisitProblem): VisitProblem {
    return Object.assign(new VisitProblem(), props);
  }
}

export class VisitInstructor {
  @IsString() @MinLength(1) readonly id!: string;
  @IsString() @MaxLength(200) readonly name!: string;
  @IsArray() @IsString({ each: true }) readonly gridIds!: string[];

  static of(props: VisitInstructor): VisitInstructor {
    return Object.assign(new VisitInstructor(), props);
  }
}

/**
 * outreach.visit-recorded: the problems an instructor raised in a visit become tickets submitted on
 * the enterprise's behalf, by the instructor, with the submit rules of the whistle form (the
 * instructor must hold the enterprise's grid). Built by the consumer, run in its inbox transaction.
 */
export class SubmitFromVisitCommand extends Command {
  @IsUUID('all') readonly visitId!: string;
  @IsString() @MinLength(1) @MaxLength(100) readonly enterpriseId!: string;
  @IsDefined() @ValidateNested() @Type(() => VisitInstructor) readonly instructor!: VisitInstructor;
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => VisitProblem)
  readonly problems!: VisitProblem[];
  /** The upstream event, for the log. */
  @IsString() @MaxLength(200) readonly causedBy!: string;
}
