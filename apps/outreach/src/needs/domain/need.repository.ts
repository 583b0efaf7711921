import { Need } from './need.aggregate';

/** Needs (需求清单). `lockById` holds the need for the rest of the unit of work. */
export abstract class NeedRepository {
  abstract lockById(id: string): Promise<Need | null>;
  abstract add(need: Need): Promise<void>;
  abstract save(need: Need): Promise<void>;
}
