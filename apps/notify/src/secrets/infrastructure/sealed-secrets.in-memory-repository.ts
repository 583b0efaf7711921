import { SealedSecretsRepository } from '../domain/sealed-secrets.repository';

/** For the handler spec: how many values are stale, resealed once. */
export class InMemorySealedSecretsRepository extends SealedSecretsRepository {
  constructor(public stale: number) {
    super();
  }

  async resealStale(): Promise<number> {
    const n = this.stale;
    this.stale = 0;
    return n;
  }
}
