import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { EntityManager, In, Not } from 'typeorm';
import { DirectoryChangesWriter } from '../../directory/infrastructure/directory-changes.writer';
import { User } from '../domain/user.aggregate';
import { UserRepository } from '../domain/user.repository';
import { UserAccountOrmEntity } from './user-account.orm-entity';
import { UserGridOrmEntity } from './user-grid.orm-entity';

@Injectable()
export class UserTypeormRepository extends UserRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly changes: DirectoryChangesWriter,
  ) {
    super();
  }

  async findById(id: string): Promise<User | null> {
    return (await this.load(this.tx.manager, [id], false))[0] ?? null;
  }

  async findByIdForUpdate(id: string): Promise<User | null> {
    return (await this.load(this.tx.writer, [id], true))[0] ?? null;
  }

  findManyForUpdate(ids: string[]): Promise<User[]> {
    return this.load(this.tx.writer, ids, true);
  }

  async findByUsername(username: string): Promise<User | null> {
    const row = await this.rows(this.tx.manager, false)
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
    return row ? (await this.withGrids(this.tx.manager, [row]))[0] : null;
  }

  usernameTaken(username: string): Promise<boolean> {
    return this.rows(this.tx.manager, false)
      .where('lower(u.username) = lower(:username)', { username })
      .getExists();
  }

  async anotherActiveAdminThan(userId: string): Promise<boolean> {
    return this.tx.manager.existsBy(UserAccountOrmEntity, { role: 'admin', active: true, id: Not(userId) });
  }

  any(): Promise<boolean> {
    return this.tx.manager.getRepository(UserAccountOrmEntity).exists();
  }

  async save(user: User): Promise<void> {
    const m = this.tx.writer;
    const { gridIds, ...row } = user.state();
    await m.upsert(UserAccountOrmEntity, row, ['id']);
    const before = (await m.findBy(UserGridOrmEntity, { userId: user.id })).map((l) => l.gridId);
    const removed = before.filter((g) => !gridIds.includes(g));
    const added = gridIds.filter((g) => !before.includes(g));
    if (removed.length) await m.delete(UserGridOrmEntity, { userId: user.id, gridId: In(removed) });
    if (added.length)
      await m.insert(
        UserGridOrmEntity,
        added.map((gridId) => ({ userId: user.id, gridId })),
      );
    await this.changes.write(m, 'user', user.id, user.pullChanges());
  }

  /** The password hash is never selected unless asked for: a repository loads the whole account. */
  private rows(m: EntityManager, lock: boolean) {
    const qb = m.getRepository(UserAccountOrmEntity).createQueryBuilder('u').addSelect('u.passwordHash');
    return lock ? qb.setLock('pessimistic_write') : qb;
  }

  private async load(m: EntityManager, ids: string[], lock: boolean): Promise<User[]> {
    if (!ids.length) return [];
    const rows = await this.rows(m, lock).where('u.id IN (:...ids)', { ids }).orderBy('u.id').getMany();
    return this.withGrids(m, rows);
  }

  private async withGrids(m: EntityManager, rows: UserAccountOrmEntity[]): Promise<User[]> {
    const links = rows.length
      ? await m.find(UserGridOrmEntity, { where: { userId: In(rows.map((r) => r.id)) } })
      : [];
    return rows.map((r) =>
      User.fromState({ ...r, gridIds: links.filter((l) => l.userId === r.id).map((l) => l.gridId) }),
    );
  }
}
