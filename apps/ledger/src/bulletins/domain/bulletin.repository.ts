import { Period } from '../../shared/period';
import { Bulletin, BulletinSourceData } from './bulletin.aggregate';

/**
 * Bulletins are kept in the chain: saving one appends its event to the chain (and the projections
 * that list it) and to the outbox (notify delivers it), in the unit of work open around it.
 */
export abstract class BulletinRepository {
  /** Holds the chain (appends wait until the unit of work ends) and says which bulletin covers the period, if any. */
  abstract lockPeriod(period: Period): Promise<string | null>;

  abstract save(bulletin: Bulletin): Promise<void>;
}

/** The figures a bulletin freezes, read in the same unit of work. */
export abstract class BulletinSource {
  abstract read(period: Period): Promise<BulletinSourceData>;
}
