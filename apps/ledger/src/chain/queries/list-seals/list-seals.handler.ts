import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Seal } from '../../domain/ledger-chain.aggregate';
import { ChainReader } from '../../infrastructure/chain.reader';
import { ListSealsQuery } from './list-seals.query';

@QueryHandler(ListSealsQuery)
export class ListSealsHandler implements IQueryHandler<ListSealsQuery, Seal[]> {
  constructor(private readonly chain: ChainReader) {}

  execute(q: ListSealsQuery): Promise<Seal[]> {
    return this.chain.seals(q.limit);
  }
}
