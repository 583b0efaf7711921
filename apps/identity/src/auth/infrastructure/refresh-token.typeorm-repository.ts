import { Injectable } from '@nestjs/common';
import { DirectoryEvents, Topics } from '@ticketing/contracts';
import { TransactionContext } from '@ticketing/database';
import { newEvent, OutboxWriter } from '@ticketing/messaging';
import { IsNull } from 'typeorm';
import { RefreshToken } from '../domain/refresh-token';
import { RefreshTokenRepository } from '../domain/refresh-token.repository';
import { SessionEnd } from '../domain/session-end';
import { RefreshTokenOrmEntity } from './refresh-token.orm-entity';

@Injectable()
export class RefreshTokenTypeormRepository extends RefreshTokenRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  async findByHashForUpdate(tokenHash: string): Promise<RefreshToken | null> {
    const row = await this.tx.writer.findOne(RefreshTokenOrmEntity, {
      where: { tokenHash },
      lock: { mode: 'pessimistic_write' },
    });
    return row && RefreshToken.fromState(row);
  }

  async findByHash(tokenHash: string): Promise<RefreshToken | null> {
    const row = await this.tx.manager.findOneBy(RefreshTokenOrmEntity, { tokenHash });
    return row && RefreshToken.fromState(row);
  }

  async save(token: RefreshToken): Promise<void> {
    await this.tx.writer.upsert(RefreshTokenOrmEntity, token.state(), ['id']);
  }

  async endSession(familyId: string, end: SessionEnd): Promise<void> {
    const { affected } = await this.tx.writer.update(
      RefreshTokenOrmEntity,
      { familyId, revokedAt: IsNull() },
      { revokedAt: end.at },
    );
    // A login that had ended already (a revoked token shown again) is not announced twice.
    if (affected) await this.announce(end, familyId);
  }

  async endAllSessions(end: SessionEnd): Promise<void> {
    await this.tx.writer.update(
      RefreshTokenOrmEntity,
      { userId: end.userId, revokedAt: IsNull() },
      { revokedAt: end.at },
    );
    await this.announce(end, null);
  }

  /** In the transaction that revokes the refresh tokens: the access tokens end with them, everywhere. */
  private async announce(end: SessionEnd, sessionId: string | null): Promise<void> {
    await this.outbox.append(this.tx.writer, Topics.Directory, [
      newEvent({
        type: DirectoryEvents.sessionsRevoked,
        aggregateId: end.userId,
        // Not a version of the user: a logout changes nothing of the user record.
        aggregateVersion: 0,
        actor: end.actor,
        occurredAt: end.at,
        payload: {
          userId: end.userId,
          sessionId,
          revokedAt: end.at.toISOString(),
          reason: end.reason,
        },
      }),
    ]);
  }
}
