import { Injectable } from '@nestjs/common';
import { DomainError } from '@ticketing/contracts';
import { mutate, TransactionContext } from '@ticketing/database';
import { SmsPreference } from '../domain/sms-preference.aggregate';
import { SmsPreferenceRepository } from '../domain/sms-preference.repository';

interface Row {
  enterprise_id: string;
  enabled: boolean;
  version: number;
  updated_by: string;
  updated_at: Date;
}

const toDomain = (r: Row) =>
  SmsPreference.restore({
    enterpriseId: r.enterprise_id,
    enabled: r.enabled,
    version: r.version,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  });

@Injectable()
export class TypeormSmsPreferenceRepository extends SmsPreferenceRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async get(enterpriseId: string): Promise<SmsPreference> {
    const [row]: Row[] = await this.tx.manager.query(
      'SELECT * FROM notify.sms_preferences WHERE enterprise_id = $1',
      [enterpriseId],
    );
    return row ? toDomain(row) : SmsPreference.initial(enterpriseId);
  }

  async lock(enterpriseId: string): Promise<SmsPreference> {
    const [row]: Row[] = await this.tx.writer.query(
      'SELECT * FROM notify.sms_preferences WHERE enterprise_id = $1 FOR UPDATE',
      [enterpriseId],
    );
    return row ? toDomain(row) : SmsPreference.initial(enterpriseId);
  }

  async save(p: SmsPreference): Promise<void> {
    const { storedVersion, changed } = p.pullChanges();
    if (!changed) return;
    const s = p.snapshot();
    // A first choice made twice at once: one insert wins, the other is told to reload.
    const rows =
      storedVersion === 0
        ? await mutate(
            this.tx.writer,
            `INSERT INTO notify.sms_preferences (enterprise_id, enabled, version, updated_by, updated_at)
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (enterprise_id) DO NOTHING RETURNING enterprise_id`,
            [s.enterpriseId, s.enabled, s.version, s.updatedBy, s.updatedAt],
          )
        : await mutate(
            this.tx.writer,
            `UPDATE notify.sms_preferences SET enabled = $2, version = $3, updated_by = $4, updated_at = $5
              WHERE enterprise_id = $1 AND version = $6 RETURNING enterprise_id`,
            [s.enterpriseId, s.enabled, s.version, s.updatedBy, s.updatedAt, storedVersion],
          );
    if (rows.length !== 1)
      throw new DomainError('versionConflict', 'the SMS choice was changed meanwhile; reload and retry');
  }
}
