/**
 * EntityStatements on a real PostgreSQL: what its INSERT and UPDATE write reads back through
 * TypeORM's own repository as the same entity, and what TypeORM writes reads back through its
 * SELECT (and PostgreSQL's JSON of the row) as the same entity; an entity it cannot write faithfully
 * is refused.
 */
import { createTestDatabase } from '@ticketing/testing';
import { Column, DataSource, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { EntityStatements, SnakeNamingStrategy } from '../src';

@Entity({ schema: 'es', name: 'cases' })
class CaseOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') title!: string;
  @Column('varchar', { length: 40, nullable: true }) shortName!: string | null;
  @Column('integer') version!: number;
  @Column('boolean') open!: boolean;
  @Column('jsonb') tags!: string[];
  @Column('jsonb', { nullable: true }) detail!: { note: string; at: string } | null;
  @Column('timestamptz') createdAt!: Date;
  @Column('text', { default: 'web' }) channel!: string;
}

@Entity({ schema: 'es', name: 'steps' })
class StepOrmEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) seq!: string;
  @Column('uuid') caseId!: string;
  @Column('jsonb') details!: Record<string, unknown>;
}

@Entity({ schema: 'es', name: 'odd' })
class OddOrmEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('simple-array') words!: string[];
}

describe('EntityStatements on PostgreSQL', () => {
  let drop: () => Promise<void>;
  let ds: DataSource;

  beforeAll(async () => {
    const db = await createTestDatabase('entity_statements');
    drop = db.drop;
    ds = new DataSource({
      type: 'postgres',
      url: db.url,
      entities: [CaseOrmEntity, StepOrmEntity, OddOrmEntity],
      namingStrategy: new SnakeNamingStrategy(),
      synchronize: false,
    });
    await ds.initialize();
    await ds.query(`CREATE SCHEMA es`);
    await ds.query(`CREATE TABLE es.cases (id uuid PRIMARY KEY, title text NOT NULL, short_name varchar(40),
      version integer NOT NULL, open boolean NOT NULL, tags jsonb NOT NULL, detail jsonb,
      created_at timestamptz NOT NULL, channel text NOT NULL DEFAULT 'web')`);
    await ds.query(
      `CREATE TABLE es.steps (seq bigserial PRIMARY KEY, case_id uuid NOT NULL, details jsonb NOT NULL)`,
    );
  });
  afterAll(async () => {
    await ds.destroy();
    await drop();
  });

  const aCase = (id: string): CaseOrmEntity => ({
    id,
    title: '供水管道破裂',
    shortName: null,
    version: 1,
    open: true,
    tags: ['水', 'urgent'],
    detail: { note: 'a "quoted" note', at: '2026-12-05T08:00:00.000Z' },
    createdAt: new Date('2026-12-05T08:00:00.123Z'),
    channel: 'visit',
  });

  it('inserts rows that TypeORM reads back as the same entities; an undefined property takes the column default', async () => {
    const s = EntityStatements.of(ds.manager, CaseOrmEntity);
    const a = aCase('00000000-0000-4000-8000-000000000001');
    const { channel: _omitted, ...b } = aCase('00000000-0000-4000-8000-000000000002');
    await ds.query(...s.insert([a, b]));
    expect(await ds.manager.findOneByOrFail(CaseOrmEntity, { id: a.id })).toEqual(a);
    expect(await ds.manager.findOneByOrFail(CaseOrmEntity, { id: b.id })).toEqual({ ...b, channel: 'web' });
  });

  it('leaves a generated key to the table, and appends what follows the VALUES', async () => {
    const s = EntityStatements.of(ds.manager, StepOrmEntity);
    const [sql, params] = s.insert([{ caseId: '00000000-0000-4000-8000-000000000001', details: { n: 1 } }]);
    expect(sql).not.toContain('"seq"');
    await ds.query(sql, params);
    await ds.query(
      ...s.insert([{ caseId: '00000000-0000-4000-8000-000000000001', details: { n: 2 } }], 'RETURNING seq'),
    );
    const steps = await ds.manager.find(StepOrmEntity, { order: { seq: 'ASC' } });
    expect(steps.map((x) => x.details)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(typeof steps[0].seq).toBe('string');
  });

  it('updates the given columns where the key matches, and says how many rows it changed', async () => {
    const s = EntityStatements.of(ds.manager, CaseOrmEntity);
    const id = '00000000-0000-4000-8000-000000000001';
    const [, changed] = await ds.query(
      ...s.update(
        { id, version: 1 },
        { version: 2, open: false, detail: null, tags: [], shortName: undefined },
      ),
    );
    expect(changed).toBe(1);
    const [, missed] = await ds.query(...s.update({ id, version: 1 }, { version: 3 }));
    expect(missed).toBe(0);
    expect(await ds.manager.findOneByOrFail(CaseOrmEntity, { id })).toEqual({
      ...aCase(id),
      version: 2,
      open: false,
      detail: null,
      tags: [],
    });
  });

  it('reads what TypeORM wrote, from its own column list and from the row as PostgreSQL JSON', async () => {
    const cases = EntityStatements.of(ds.manager, CaseOrmEntity);
    const steps = EntityStatements.of(ds.manager, StepOrmEntity);
    const c = aCase('00000000-0000-4000-8000-000000000003');
    await ds.manager.insert(CaseOrmEntity, c);
    const [row] = await ds.query(`SELECT ${cases.selectList('c')} FROM ${cases.table} c WHERE c.id = $1`, [
      c.id,
    ]);
    expect(cases.fromRow(row)).toEqual(c);
    const [json] = await ds.query(`SELECT to_jsonb(c) AS j FROM ${cases.table} c WHERE c.id = $1`, [c.id]);
    expect(cases.fromRow(json.j)).toEqual(c);
    const [step] = await ds.query(`SELECT to_jsonb(s) AS j FROM ${steps.table} s ORDER BY seq LIMIT 1`);
    expect(steps.fromRow(step.j)).toEqual(await ds.manager.findOneByOrFail(StepOrmEntity, { seq: '1' }));
  });

  it('refuses an entity whose columns it would not write as TypeORM does, and a property that is no column', () => {
    expect(() => EntityStatements.of(ds.manager, OddOrmEntity)).toThrow(/words: column type simple-array/);
    const s = EntityStatements.of(ds.manager, CaseOrmEntity);
    expect(() => s.update({ id: 'x' }, { nickname: 'y' } as Partial<CaseOrmEntity>)).toThrow(
      /no column for nickname/,
    );
  });
});
