import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsString, MinLength } from 'class-validator';

export class GetLiaisonsQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  @IsString() @MinLength(1) readonly enterpriseId!: string;
}
