/**
 * The stored secrets as sealed values. A port: the TypeORM implementation reseals the rows of
 * notify.subscriptions, the in-memory one serves the handler spec.
 */
export abstract class SealedSecretsRepository {
  /** Reseals with the current key every value an older key sealed; returns how many rows changed. */
  abstract resealStale(): Promise<number>;
}
