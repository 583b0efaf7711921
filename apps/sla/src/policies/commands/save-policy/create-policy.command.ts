import { Command } from '@ticketing/platform';
import { IsIn, IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PolicySubject, PolicySubjects } from '../../domain/policy';

/** A policy and the version it is at after the change. */
export interface PolicySaved {
  id: string;
  version: number;
}

export class CreatePolicyCommand extends Command {
  @IsString() @MinLength(1) @MaxLength(200) readonly name!: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) readonly nameEn!: string | null;
  @IsIn([...PolicySubjects]) readonly subject!: PolicySubject;
  /** A category code or '*': the policy checks it. */
  @IsString() @MaxLength(40) readonly category!: string;
  /** An urgency or '*': the policy checks it. */
  @IsString() @MaxLength(40) readonly urgency!: string;
  /** Checked whole by the policy, which names each field at fault. */
  @IsObject() readonly definition!: Record<string, unknown>;
  @IsString() @MinLength(1) readonly actorId!: string;
}
