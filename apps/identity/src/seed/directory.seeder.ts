import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DEFAULT_DEPARTMENTS, newId, Role } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { PasswordHasher } from '../auth/domain/password-hasher';
import { Department } from '../departments/domain/department.aggregate';
import { DepartmentRepository } from '../departments/domain/department.repository';
import { Enterprise } from '../enterprises/domain/enterprise.aggregate';
import { EnterpriseRepository } from '../enterprises/domain/enterprise.repository';
import { Grid } from '../grids/domain/grid.aggregate';
import { GridRepository } from '../grids/domain/grid.repository';
import { IdentitySettings } from '../identity.env';
import { IDENTITY_SETTINGS } from '../identity.tokens';
import { User } from '../users/domain/user.aggregate';
import { UserRepository } from '../users/domain/user.repository';
import { DEMO_ENTERPRISES, DEMO_GRIDS, DEMO_PASSWORD, DEMO_PEOPLE } from './demo-data';
import { SeedLock } from './infrastructure/seed.lock';

interface SeedUser {
  id: string;
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
 * the demo directory when SEED_DEMO is on and no user exists yet. Every record is announced like
 * any other, by the system; none is audited, since no admin acted. An advisory lock keeps two
 * instances starting together from seeding twice.
 */
@Injectable()
export class DirectorySeeder implements OnModuleInit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lock: SeedLock,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
    @Inject(APP_LOGGER) private readonly logger: Logger,
    private readonly hasher: PasswordHasher,
    private readonly departments: DepartmentRepository,
    private readonly grids: GridRepository,
    private readonly enterprises: EnterpriseRepository,
    private readonly users: UserRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    // Hashing is slow: do it before taking the lock, and only when a demo seed is likely.
    const hashes = this.settings.seedDemo && !(await this.users.any()) ? await this.demoHashes() : null;
    const seeded = await this.uow.transaction(async () => {
      await this.lock.acquire();
      await this.seedDepartments();
      if (!hashes || (await this.users.any())) return null;
      return this.seedDemo(hashes);
    });
    if (seeded) this.announceDemoLogins(seeded);
  }

  private async seedDepartments(): Promise<void> {
    const now = new Date();
    for (const d of DEFAULT_DEPARTMENTS) {
      if ((await this.departments.exists(d.id)) || (await this.departments.codeTaken(d.code))) continue;
      await this.departments.save(
        Department.seed({ id: d.id, code: d.code, nameZh: d.zh, nameEn: d.en, active: true }, now),
      );
    }
  }

  private demoUsers(gridIds: string[], firstEnterpriseId: string): SeedUser[] {
    const hrss = DEFAULT_DEPARTMENTS.find((d) => d.code === 'hrss')!.id;
    const people: Omit<SeedUser, 'id'>[] = [
      { ...DEMO_PEOPLE.enterprise, role: 'enterprise', enterpriseId: firstEnterpriseId },
      { ...DEMO_PEOPLE.instructor, role: 'instructor', gridIds: [gridIds[0]] },
      { ...DEMO_PEOPLE.department, role: 'department', departmentId: hrss },
      { ...DEMO_PEOPLE.committee, role: 'committee' },
      { ...DEMO_PEOPLE.admin, role: 'admin' },
      ...DEFAULT_DEPARTMENTS.map((d) => ({
        username: `dept-${d.code}`,
        displayName: `${d.zh} 值班员`,
        role: 'department' as const,
        departmentId: d.id,
      })),
    ];
    return people.map((p) => ({ ...p, id: newId() }));
  }

  private async demoHashes(): Promise<string[]> {
    const count = 5 + DEFAULT_DEPARTMENTS.length;
    return Promise.all(Array.from({ length: count }, () => this.hasher.hash(DEMO_PASSWORD)));
  }

  private async seedDemo(hashes: string[]): Promise<SeedUser[]> {
    const now = new Date();
    const gridIds = DEMO_GRIDS.map(() => newId());
    const enterpriseIds = DEMO_ENTERPRISES.map(() => newId());
    const people = this.demoUsers(gridIds, enterpriseIds[0]);
    // Grids first (enterprises and instructors refer to them), announced with their instructors.
    for (const [i, g] of DEMO_GRIDS.entries()) {
      const instructorUserIds = people.filter((p) => p.gridIds?.includes(gridIds[i])).map((p) => p.id);
      await this.grids.save(
        Grid.seed({ id: gridIds[i], code: g.code, name: g.name, instructorUserIds }, now),
      );
    }
    for (const [i, e] of DEMO_ENTERPRISES.entries()) {
      await this.enterprises.save(
        Enterprise.seed(
          {
            id: enterpriseIds[i],
            name: e.name,
            creditCode: e.creditCode,
            industry: e.industry,
            address: e.address,
            gridId: gridIds[e.gridIndex],
            contacts: e.contacts,
            active: true,
          },
          now,
        ),
      );
    }
    for (const [i, p] of people.entries()) {
      const user = User.seed(
        {
          id: p.id,
          username: p.username,
          displayName: p.displayName,
          role: p.role,
          scope: {
            enterpriseId: p.enterpriseId ?? null,
            departmentId: p.departmentId ?? null,
            gridIds: p.gridIds ?? [],
          },
          mobile: p.mobile ?? null,
          email: null,
          passwordHash: hashes[i],
        },
        now,
      );
      await this.users.save(user);
    }
    return people;
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
