import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_DEPARTMENTS, newId, Role, SYSTEM_ACTOR } from '@ticketing/contracts';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { DataSource, EntityManager } from 'typeorm';
import { PasswordHasher } from '../auth/domain/password-hasher';
import { DirectoryPublisher } from '../directory/infrastructure/directory.publisher';
import { EnterpriseOrmEntity } from '../enterprises/infrastructure/enterprise.orm-entity';
import { GridOrmEntity } from '../grids/infrastructure/grid.orm-entity';
import { IdentitySettings } from '../identity.env';
import { IDENTITY_SETTINGS } from '../identity.tokens';
import { UserAccountOrmEntity } from '../users/infrastructure/user-account.orm-entity';
import { UserGridOrmEntity } from '../users/infrastructure/user-grid.orm-entity';
import { DEMO_ENTERPRISES, DEMO_GRIDS, DEMO_PASSWORD, DEMO_PEOPLE } from './demo-data';

interface SeedUser {
  username: string;
  displayName: string;
  role: Role;
  enterpriseId?: string;
  departmentId?: string;
  gridIds?: string[];
  mobile?: string | null;
}

/**
 * At start: the default departments (always; dispatch's default rules name their fixed ids), and
 * the demo directory when SEED_DEMO is on and no user exists yet. Every row is announced like any
 * other change. An advisory lock keeps two instances starting together from seeding twice.
 */
@Injectable()
export class DirectorySeeder implements OnModuleInit {
  constructor(
    @InjectDataSource('identity') private readonly ds: DataSource,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    private readonly hasher: PasswordHasher,
    private readonly publish: DirectoryPublisher,
  ) {}

  async onModuleInit(): Promise<void> {
    // Hashing is slow: do it before taking the lock, and only when a demo seed is likely.
    const hashes = this.settings.seedDemo && !(await this.ds.getRepository(UserAccountOrmEntity).exists()) ? await this.demoHashes() : null;
    const seeded = await this.ds.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('identity:seed'))`);
      await this.seedDepartments(m);
      if (!hashes || (await m.exists(UserAccountOrmEntity))) return null;
      return this.seedDemo(m, hashes);
    });
    if (seeded) this.announceDemoLogins(seeded);
  }

  private async seedDepartments(m: EntityManager): Promise<void> {
    const now = new Date();
    for (const d of DEFAULT_DEPARTMENTS) {
      const inserted: { id: string }[] = await m.query(
        `INSERT INTO identity.department (id, code, name_zh, name_en, active, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, true, 1, $5, $5) ON CONFLICT DO NOTHING RETURNING id`,
        [d.id, d.code, d.zh, d.en, now],
      );
      if (inserted.length) await this.publish.department(m, d.id, SYSTEM_ACTOR);
    }
  }

  private demoUsers(gridIds: string[], firstEnterpriseId: string): SeedUser[] {
    const hrss = DEFAULT_DEPARTMENTS.find((d) => d.code === 'hrss')!.id;
    return [
      { ...DEMO_PEOPLE.enterprise, role: 'enterprise', enterpriseId: firstEnterpriseId },
      { ...DEMO_PEOPLE.instructor, role: 'instructor', gridIds: [gridIds[0]] },
      { ...DEMO_PEOPLE.department, role: 'department', departmentId: hrss },
      { ...DEMO_PEOPLE.committee, role: 'committee' },
      { ...DEMO_PEOPLE.admin, role: 'admin' },
      ...DEFAULT_DEPARTMENTS.map((d) => ({ username: `dept-${d.code}`, displayName: `${d.zh} 值班员`, role: 'department' as const, departmentId: d.id })),
    ];
  }

  private async demoHashes(): Promise<string[]> {
    const count = 5 + DEFAULT_DEPARTMENTS.length;
    return Promise.all(Array.from({ length: count }, () => this.hasher.hash(DEMO_PASSWORD)));
  }

  private async seedDemo(m: EntityManager, hashes: string[]): Promise<SeedUser[]> {
    const now = new Date();
    const gridIds: string[] = [];
    for (const g of DEMO_GRIDS) {
      const id = newId();
      gridIds.push(id);
      await m.insert(GridOrmEntity, { id, code: g.code, name: g.name, version: 1, createdAt: now, updatedAt: now });
    }
    const enterpriseIds: string[] = [];
    for (const e of DEMO_ENTERPRISES) {
      const id = newId();
      enterpriseIds.push(id);
      await m.insert(EnterpriseOrmEntity, {
        id,
        name: e.name,
        creditCode: e.creditCode,
        industry: e.industry,
        address: e.address,
        gridId: gridIds[e.gridIndex],
        contacts: e.contacts,
        active: true,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await this.publish.enterprise(m, id, SYSTEM_ACTOR);
    }
    const users = this.demoUsers(gridIds, enterpriseIds[0]);
    for (const [i, u] of users.entries()) {
      const id = newId();
      await m.insert(UserAccountOrmEntity, {
        id,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        enterpriseId: u.enterpriseId ?? null,
        departmentId: u.departmentId ?? null,
        mobile: u.mobile ?? null,
        email: null,
        active: true,
        passwordHash: hashes[i],
        mustChangePassword: false,
        passwordChangedAt: now,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      if (u.gridIds?.length) await m.insert(UserGridOrmEntity, u.gridIds.map((gridId) => ({ userId: id, gridId })));
      await this.publish.user(m, id, SYSTEM_ACTOR);
    }
    // Grids last, so their events carry the instructors just linked.
    for (const id of gridIds) await this.publish.grid(m, id, SYSTEM_ACTOR);
    return users;
  }

  /** A demo convenience, printed on the first run only: the seeded accounts and their password. */
  private announceDemoLogins(users: SeedUser[]): void {
    const rows = users.map((u) => `  ${u.username.padEnd(26)} ${u.role.padEnd(11)} ${DEMO_PASSWORD}`);
    this.logger.info(
      [
        'Demo directory seeded (first start; set SEED_DEMO=false to skip). Demo logins:',
        `  ${'username'.padEnd(26)} ${'role'.padEnd(11)} password`,
        ...rows,
        'Change these passwords before real use.',
      ].join('\n'),
    );
  }
}
