import { MigrationInterface, QueryRunner } from 'typeorm';
import { SecretBox } from '../secrets/domain/secret-box';

interface Row {
  id: string;
  url: string | null;
  secret: string | null;
}

const context = (column: 'url' | 'secret', id: string) => `notify.subscriptions.${column}:${id}`;

/**
 * Issue 12: subscription secrets were stored in clear. Seals every stored robot URL (a WeCom key
 * or DingTalk access token is in it), robot signing secret and webhook secret with the key ring
 * of this process (AES-256-GCM, docs/adr). Built with the ring: the module passes it in.
 * Down opens them again (with the same ring).
 */
export function sealSecretsMigration(box: SecretBox) {
  return class NotifySealSecrets1764806500000 implements MigrationInterface {
    name = 'NotifySealSecrets1764806500000';

    async up(q: QueryRunner): Promise<void> {
      const rows: Row[] = await q.query('SELECT id, url, secret FROM notify.subscriptions FOR UPDATE');
      for (const r of rows) {
        const seal = (column: 'url' | 'secret', v: string | null) =>
          v === null || SecretBox.isSealed(v) ? v : box.seal(v, context(column, r.id));
        await q.query('UPDATE notify.subscriptions SET url = $2, secret = $3 WHERE id = $1', [
          r.id,
          seal('url', r.url),
          seal('secret', r.secret),
        ]);
      }
    }

    async down(q: QueryRunner): Promise<void> {
      const rows: Row[] = await q.query('SELECT id, url, secret FROM notify.subscriptions FOR UPDATE');
      for (const r of rows) {
        const open = (column: 'url' | 'secret', v: string | null) =>
          v !== null && SecretBox.isSealed(v) ? box.open(v, context(column, r.id)) : v;
        await q.query('UPDATE notify.subscriptions SET url = $2, secret = $3 WHERE id = $1', [
          r.id,
          open('url', r.url),
          open('secret', r.secret),
        ]);
      }
    }
  };
}
