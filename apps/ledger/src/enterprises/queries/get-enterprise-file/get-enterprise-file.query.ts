import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsString, MaxLength } from 'class-validator';

/** 一企一档: one enterprise's tickets and how each ended. */
export class GetEnterpriseFileQuery extends Query {
  @IsDefined()
  readonly user!: AuthUser;

  @IsString()
  @MaxLength(100)
  readonly enterpriseId!: string;
}
