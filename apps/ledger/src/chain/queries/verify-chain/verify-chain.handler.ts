import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ChainReader, VerifiedReport } from '../../infrastructure/chain.reader';
import { VerifyChainQuery } from './verify-chain.query';

// bench/ledger verifies a bulk-loaded chain with it, outside the service.
export { verifyChain } from '../../infrastructure/chain.reader';

/** Ok, or the first broken entry and what is wrong with it (chain/domain/chain-verifier.ts). */
@QueryHandler(VerifyChainQuery)
export class VerifyChainHandler implements IQueryHandler<VerifyChainQuery, VerifiedReport> {
  constructor(private readonly chain: ChainReader) {}

  execute(_q: VerifyChainQuery): Promise<VerifiedReport> {
    return this.chain.verify();
  }
}
