import { Query } from '@ticketing/platform';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

/** The active policies, wildcards last. */
export class ListPoliciesQuery extends Query {}

/** One policy with every version. */
export class GetPolicyQuery extends Query {
  @IsUUID('all') readonly policyId!: string;
}

/** The latest recompute jobs, newest first. */
export class ListRecomputeJobsQuery extends Query {
  @IsInt() @Min(1) @Max(500) readonly limit!: number;
}
