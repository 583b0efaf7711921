import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class TicketHistoryQuery extends Query {
  @IsString() @IsNotEmpty() @MaxLength(100) readonly ticketId!: string;
  @IsDefined() readonly user!: AuthUser;
}
