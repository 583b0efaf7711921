import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ChainVerifier, VerifyReport } from '../../domain/chain-verifier';
import { readChain, readHead, readSeals } from '../../infrastructure/chain.reader';

/** Recomputes the whole chain from the rows as they are now, in one consistent snapshot. */
export async function verifyChain(ds: DataSource): Promise<VerifyReport & { verifiedAt: string }> {
  return ds.transaction('REPEATABLE READ', async (m) => {
    const head = await readHead(m);
    const verifier = new ChainVerifier(await readSeals(m));
    for await (const batch of readChain(m)) {
      if (!verifier.feed(batch)) break;
    }
    return { ...verifier.finish(head), verifiedAt: new Date().toISOString() };
  });
}

@Injectable()
export class VerifyChainHandler {
  constructor(@InjectDataSource('ledger') private readonly ds: DataSource) {}

  verify() {
    return verifyChain(this.ds);
  }
}
