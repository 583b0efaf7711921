import { AuthUser } from '@ticketing/auth';
import { ListTicketsRequestDto } from './list-tickets.request.dto';

export class ListTicketsQuery {
  constructor(
    readonly user: AuthUser,
    readonly filter: ListTicketsRequestDto,
  ) {}
}
