import { Injectable } from '@nestjs/common';
import { SettingsCache, TransactionContext } from '@ticketing/database';
import { sealContext } from '../../subscriptions/infrastructure/subscription.mapper';
import { SecretBox } from '../domain/secret-box';
import { SealedSecretsRepository } from '../domain/sealed-secrets.repository';

@Injectable()
export class TypeormSealedSecretsRepository extends SealedSecretsRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly box: SecretBox,
    private readonly cache: SettingsCache,
  ) {
    super();
  }

  async resealStale(): Promise<number> {
    const current = `enc:v1:${this.box.currentKeyId}:%`;
    this.cache.touch(this.tx.writer, 'subscriptions');
    const rows: { id: string; url: string | null; secret: string | null }[] = await this.tx.writer.query(
      `SELECT id, url, secret FROM notify.subscriptions
        WHERE (url LIKE 'enc:v1:%' AND url NOT LIKE $1) OR (secret LIKE 'enc:v1:%' AND secret NOT LIKE $1)
        ORDER BY id FOR UPDATE`,
      [current],
    );
    for (const r of rows) {
      const reseal = (column: 'url' | 'secret', v: string | null) =>
        v !== null && this.box.isStale(v)
          ? this.box.seal(this.box.open(v, sealContext(column, r.id)), sealContext(column, r.id))
          : v;
      await this.tx.writer.query('UPDATE notify.subscriptions SET url = $2, secret = $3 WHERE id = $1', [
        r.id,
        reseal('url', r.url),
        reseal('secret', r.secret),
      ]);
    }
    return rows.length;
  }
}
