import { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/** The column types whose values go to and come from node-postgres unchanged, or as JSON text. */
const PLAIN_TYPES = new Set([
  'uuid',
  'text',
  'varchar',
  'character varying',
  'integer',
  'int',
  'bigint',
  'boolean',
]);
const TIME_TYPES = new Set(['timestamptz', 'timestamp with time zone']);
const JSON_TYPES = new Set(['jsonb', 'json']);

interface Column {
  property: string;
  name: string;
  json: boolean;
  time: boolean;
  /** node-postgres reads int8 as text; PostgreSQL's JSON writes it as a number. */
  bigint: boolean;
  /** Left to the table on insert (a generated key). */
  generated: boolean;
}

const typeName = (c: ColumnMetadata): string =>
  typeof c.type === 'string' ? c.type : ((c.type as { name?: string }).name?.toLowerCase() ?? String(c.type));

/**
 * The statements of one TypeORM entity's table written once, for the hot paths of the repositories
 * (ADR 0019): an INSERT of any number of rows, an UPDATE of given columns by key, a column list to
 * read with, and the mapping of a row (or of a row turned into JSON by PostgreSQL) back to the
 * entity. The SQL texts come from the entity's metadata, as TypeORM's own would, and are built once
 * per shape, where TypeORM's query builder builds and escapes them again on every call (a third of
 * the ticket service's work in the intake profile). Only the column types the services' hot tables
 * use are taken; an entity with another type, a transformer or an embedded column is refused when
 * its statements are first asked for, so nothing is written wrongly without a word.
 */
export class EntityStatements<E extends ObjectLiteral> {
  private readonly columns: Column[];
  private readonly byProperty: Map<string, Column>;
  private readonly byName: Map<string, Column>;
  private readonly texts = new Map<string, string>();
  readonly table: string;

  private constructor(metadata: EntityMetadata) {
    this.table = `"${metadata.schema ?? 'public'}"."${metadata.tableName}"`;
    if (metadata.embeddeds.length) throw new Error(`${metadata.name}: embedded columns are not supported`);
    this.columns = metadata.columns.map((c) => {
      const type = typeName(c);
      if (
        c.transformer ||
        c.isArray ||
        !(PLAIN_TYPES.has(type) || TIME_TYPES.has(type) || JSON_TYPES.has(type))
      )
        throw new Error(`${metadata.name}.${c.propertyName}: column type ${type} is not supported`);
      return {
        property: c.propertyName,
        name: c.databaseName,
        json: JSON_TYPES.has(type),
        time: TIME_TYPES.has(type),
        bigint: type === 'bigint',
        generated: c.isGenerated,
      };
    });
    this.byProperty = new Map(this.columns.map((c) => [c.property, c]));
    this.byName = new Map(this.columns.map((c) => [c.name, c]));
  }

  private static readonly cache = new WeakMap<EntityMetadata, EntityStatements<ObjectLiteral>>();

  /** The statements of `entity` in the manager's data source (built once per data source). */
  static of<E extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<E>): EntityStatements<E> {
    const metadata = manager.connection.getMetadata(entity);
    let s = EntityStatements.cache.get(metadata);
    if (!s) {
      s = new EntityStatements(metadata);
      EntityStatements.cache.set(metadata, s);
    }
    return s as EntityStatements<E>;
  }

  private text(key: string, build: () => string): string {
    let t = this.texts.get(key);
    if (t === undefined) {
      t = build();
      this.texts.set(key, t);
    }
    return t;
  }

  private column(property: string): Column {
    const c = this.byProperty.get(property);
    if (!c) throw new Error(`${this.table} has no column for ${property}`);
    return c;
  }

  private static value(c: Column, v: unknown): unknown {
    if (v === undefined || v === null) return null;
    return c.json ? JSON.stringify(v) : v;
  }

  /**
   * INSERT of these rows, every column but the generated ones; a property left undefined is
   * written as DEFAULT, as TypeORM does. `suffix` is appended (ON CONFLICT …).
   */
  insert(rows: Partial<E>[], suffix = ''): [string, unknown[]] {
    const columns = this.columns.filter((c) => !c.generated);
    const given = rows.map((row) => columns.map((c) => (row as ObjectLiteral)[c.property] !== undefined));
    const shape = given.map((g) => g.map((x) => (x ? '1' : '0')).join('')).join('/');
    const sql = this.text(`insert:${shape}:${suffix}`, () => {
      let n = 0;
      const tuples = given.map((g) => `(${g.map((x) => (x ? `$${++n}` : 'DEFAULT')).join(', ')})`);
      return `INSERT INTO ${this.table} (${columns.map((c) => `"${c.name}"`).join(', ')}) VALUES ${tuples.join(', ')}${suffix ? ` ${suffix}` : ''}`;
    });
    const params: unknown[] = [];
    for (const row of rows)
      for (const c of columns) {
        const v = (row as ObjectLiteral)[c.property];
        if (v !== undefined) params.push(EntityStatements.value(c, v));
      }
    return [sql, params];
  }

  /** UPDATE of the properties of `set` (in its key order) where every property of `where` is equal. */
  update(where: Partial<E>, set: Partial<E>): [string, unknown[]] {
    const setKeys = Object.keys(set).filter((k) => (set as ObjectLiteral)[k] !== undefined);
    const whereKeys = Object.keys(where);
    const sql = this.text(`update:${whereKeys.join(',')}:${setKeys.join(',')}`, () => {
      const assignments = setKeys.map((k, i) => `"${this.column(k).name}" = $${i + 1}`);
      const conditions = whereKeys.map((k, i) => `"${this.column(k).name}" = $${setKeys.length + i + 1}`);
      return `UPDATE ${this.table} SET ${assignments.join(', ')} WHERE ${conditions.join(' AND ')}`;
    });
    return [
      sql,
      [
        ...setKeys.map((k) => EntityStatements.value(this.column(k), (set as ObjectLiteral)[k])),
        ...whereKeys.map((k) => EntityStatements.value(this.column(k), (where as ObjectLiteral)[k])),
      ],
    ];
  }

  /** Every column, each under its own name, read from `alias` (for a SELECT written by hand). */
  selectList(alias: string): string {
    return this.text(`select:${alias}`, () => this.columns.map((c) => `${alias}."${c.name}"`).join(', '));
  }

  /**
   * The entity of a row read with {@link selectList}, or of the same row as PostgreSQL's JSON
   * (`to_jsonb(t)`, in a subquery's aggregate), whose times arrive as text.
   */
  fromRow(raw: Record<string, unknown>): E {
    const e: ObjectLiteral = {};
    for (const [name, v] of Object.entries(raw)) {
      const c = this.byName.get(name);
      if (!c) continue;
      e[c.property] =
        c.time && typeof v === 'string' ? new Date(v) : c.bigint && typeof v === 'number' ? String(v) : v;
    }
    return e as E;
  }
}
