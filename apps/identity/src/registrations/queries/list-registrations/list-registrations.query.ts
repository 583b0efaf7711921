import { Query } from '@ticketing/platform';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { RegistrationStatus, RegistrationStatuses } from '../../domain/registration.aggregate';

/** Only the committee and the admin list applications (the roles on the route); they see all of them. */
export class ListRegistrationsQuery extends Query {
  @IsIn(RegistrationStatuses) readonly status!: RegistrationStatus;
  @IsOptional() @IsUUID('all') readonly cursor?: string;
  @IsInt() @Min(1) @Max(100) readonly limit!: number;
}
