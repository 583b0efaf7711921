import { BulletinPublishedPayload } from '@ticketing/contracts';
import { Period } from '../../shared/period';
import { Bulletin, BulletinSourceData } from '../domain/bulletin.aggregate';
import { BulletinRepository, BulletinSource } from '../domain/bulletin.repository';

/** Bulletins in memory, for handler specs: what was saved is what the chain and the outbox would hold. */
export class InMemoryBulletinRepository extends BulletinRepository {
  readonly saved: BulletinPublishedPayload[] = [];
  locks = 0;

  async lockPeriod(period: Period): Promise<string | null> {
    this.locks++;
    return (
      this.saved.find((b) => b.periodKind === period.kind && b.period === period.label)?.bulletinId ?? null
    );
  }

  async save(bulletin: Bulletin): Promise<void> {
    this.saved.push(...bulletin.events.map((e) => structuredClone(e.payload)));
  }
}

export class InMemoryBulletinSource extends BulletinSource {
  readonly asked: string[] = [];
  constructor(private readonly data: BulletinSourceData) {
    super();
  }

  async read(period: Period): Promise<BulletinSourceData> {
    this.asked.push(period.label);
    return structuredClone(this.data);
  }
}
