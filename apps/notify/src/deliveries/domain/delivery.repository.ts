import { Delivery } from './delivery.aggregate';

/**
 * Deliveries. A port: the TypeORM implementation stores them (and wakes the senders when one is
 * due), the in-memory one serves the handler specs.
 */
export abstract class DeliveryRepository {
  /** Reads it and locks it for the rest of the unit of work. */
  abstract lock(id: string): Promise<Delivery | null>;

  /**
   * Stores new and changed deliveries. A new one whose subscription already has a delivery of
   * its event is dropped (one event never makes two deliveries to one subscription); a changed
   * one is written only if it still has the status it was loaded with. Returns how many were written.
   */
  abstract save(deliveries: Delivery[]): Promise<number>;

  /** Cancels the subscription's pending deliveries; returns how many. */
  abstract cancelPendingOf(subscriptionId: string, reason: string): Promise<number>;
}
