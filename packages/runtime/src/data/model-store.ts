import type { Condition, Field } from '@whenthen/schema';
import { WhenThenError } from '../errors.js';
import type { Sqlite } from './database.js';

type Statement = ReturnType<Sqlite['prepare']> & {
  run(...params: unknown[]): { lastInsertRowid: number | bigint };
};
import { compileCondition, quoteIdent, type ColumnKind } from './sql-conditions.js';

export type Row = Record<string, unknown> & { id: number };
export type ModelSpec = { name: string; short: string; fields: Field[] };
export type QueryOptions = { limit?: number; offset?: number; orderBy?: string };

const SQL_TYPE: Record<Field['type'], string> = {
  text: 'TEXT',
  number: 'REAL',
  integer: 'INTEGER',
  boolean: 'INTEGER',
  date: 'TEXT',
  datetime: 'TEXT',
  enum: 'TEXT',
  json: 'TEXT',
  ref: 'INTEGER',
};

const columnKind = (t: Field['type'] | 'id'): ColumnKind =>
  t === 'boolean'
    ? 'boolean'
    : t === 'json'
      ? 'json'
      : t === 'text' || t === 'date' || t === 'datetime' || t === 'enum'
        ? 'text'
        : 'number';

export const tableName = (short: string): string => `m_${short}`;

/**
 * One model's table. Values are stored in their stored form (booleans 0/1, JSON as text, datetimes
 * as UTC ISO strings) and come back in their API form. Statements are prepared once per model load.
 */
export class ModelStore {
  private readonly table: string;
  private readonly byName: Map<string, Field>;
  private readonly getStmt;
  private readonly deleteStmt;
  private readonly insertStmts = new Map<string, Statement>();
  private readonly updateStmts = new Map<string, Statement>();
  private readonly referringStmts = new Map<string, { all(...params: unknown[]): unknown[] }>();

  constructor(
    private readonly db: Sqlite,
    readonly spec: ModelSpec,
  ) {
    this.table = quoteIdent(tableName(spec.short));
    this.byName = new Map(spec.fields.map((f) => [f.name, f]));
    this.sync();
    this.getStmt = db.prepare(`SELECT * FROM ${this.table} WHERE id = ?`);
    this.deleteStmt = db.prepare(`DELETE FROM ${this.table} WHERE id = ?`);
  }

  /** What stops this model from being stored as defined (a changed field type, duplicates under a new unique). */
  readonly problems: { field: string; reason: string }[] = [];

  /**
   * Creates the table, adds columns for new fields and unique indexes. Removed fields keep their
   * data. A field whose stored type differs, or a unique field whose data has duplicates, is a
   * problem of the model rather than a silent change of what is stored.
   */
  private sync(): void {
    const cols = this.spec.fields.map((f) => `${quoteIdent(f.name)} ${SQL_TYPE[f.type]}`);
    this.db.exec(
      `CREATE TABLE IF NOT EXISTS ${this.table} (id INTEGER PRIMARY KEY AUTOINCREMENT${cols.length ? ', ' + cols.join(', ') : ''})`,
    );
    const existing = new Map(
      (
        this.db.prepare(`PRAGMA table_info(${this.table})`).all() as {
          name: string;
          type: string;
        }[]
      ).map((c) => [c.name, c.type]),
    );
    const hasRows = () =>
      this.db.prepare(`SELECT 1 FROM ${this.table} LIMIT 1`).get() !== undefined;
    this.spec.fields.forEach((f, i) => {
      const stored = existing.get(f.name);
      if (stored === undefined)
        this.db.exec(
          `ALTER TABLE ${this.table} ADD COLUMN ${quoteIdent(f.name)} ${SQL_TYPE[f.type]}`,
        );
      else if (stored !== SQL_TYPE[f.type] && hasRows())
        this.problems.push({
          field: `fields.${i}.type`,
          reason: `"${f.name}" holds ${stored === 'REAL' ? 'number' : stored === 'INTEGER' ? 'integer' : 'text'} data; changing its type is not supported — add a new field instead`,
        });
      // Deleting a record looks up what refers to it, so a ref column is indexed.
      if (f.type === 'ref' && !f.unique)
        this.db.exec(
          `CREATE INDEX IF NOT EXISTS ${quoteIdent(`ix_${this.spec.short}_${f.name}`)} ON ${this.table} (${quoteIdent(f.name)})`,
        );
      if (f.unique) {
        try {
          this.db.exec(
            `CREATE UNIQUE INDEX IF NOT EXISTS ${quoteIdent(`ux_${this.spec.short}_${f.name}`)} ON ${this.table} (${quoteIdent(f.name)})`,
          );
        } catch {
          this.problems.push({
            field: `fields.${i}.unique`,
            reason: `"${f.name}" cannot be unique: stored records share values`,
          });
        }
      }
    });
  }

  /** Removes the model's table and its data (when the model element is deleted). */
  drop(): void {
    this.db.exec(`DROP TABLE IF EXISTS ${this.table}`);
  }

  private encode(f: Field, v: unknown): unknown {
    if (v === null || v === undefined) return null;
    if (f.type === 'boolean') return v ? 1 : 0;
    if (f.type === 'json') return JSON.stringify(v);
    return v;
  }

  decode(raw: Record<string, unknown> | undefined): Row | null {
    if (!raw) return null;
    const row: Row = { id: raw.id as number };
    for (const f of this.spec.fields) {
      const v = raw[f.name] ?? null;
      row[f.name] =
        v === null
          ? null
          : f.type === 'boolean'
            ? v === 1
            : f.type === 'json'
              ? JSON.parse(v as string)
              : v;
    }
    return row;
  }

  kindOf = (field: string): ColumnKind =>
    columnKind(field === 'id' ? 'id' : this.byName.get(field)!.type);

  get(id: number): Row | null {
    return this.decode(this.getStmt.get(id) as Record<string, unknown> | undefined);
  }

  insert(values: Record<string, unknown>): number {
    const names = this.spec.fields
      .map((f) => f.name)
      .filter((n) => values[n] !== undefined && values[n] !== null);
    const key = names.join(',');
    let stmt = this.insertStmts.get(key);
    if (!stmt) {
      stmt = this.db.prepare(
        names.length
          ? `INSERT INTO ${this.table} (${names.map(quoteIdent).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`
          : `INSERT INTO ${this.table} DEFAULT VALUES`,
      );
      this.insertStmts.set(key, stmt);
    }
    const info = this.guard(() =>
      stmt.run(...names.map((n) => this.encode(this.byName.get(n)!, values[n]))),
    );
    return Number(info.lastInsertRowid);
  }

  /** Writes the given fields of one row. */
  update(id: number, set: Record<string, unknown>): void {
    const names = Object.keys(set).filter((n) => this.byName.has(n));
    if (!names.length) return;
    const key = names.join(',');
    let stmt = this.updateStmts.get(key);
    if (!stmt) {
      stmt = this.db.prepare(
        `UPDATE ${this.table} SET ${names.map((n) => `${quoteIdent(n)} = ?`).join(', ')} WHERE id = ?`,
      );
      this.updateStmts.set(key, stmt);
    }
    this.guard(() => stmt.run(...names.map((n) => this.encode(this.byName.get(n)!, set[n])), id));
  }

  delete(id: number): void {
    this.deleteStmt.run(id);
  }

  /** Up to `limit` ids of records whose ref `field` holds `target` (other than `target` itself when `self`). */
  referring(field: string, target: number, self: boolean, limit: number): number[] {
    let stmt = this.referringStmts.get(field);
    if (!stmt) {
      stmt = this.db
        .prepare(
          `SELECT id FROM ${this.table} WHERE ${quoteIdent(field)} = ? AND id != ? ORDER BY id LIMIT ?`,
        )
        .pluck();
      this.referringStmts.set(field, stmt);
    }
    return stmt.all(target, self ? target : -1, limit) as number[];
  }

  /** How many records' ref `field` holds `target` (other than `target` itself when `self`). */
  countReferring(field: string, target: number, self: boolean): number {
    return this.db
      .prepare(`SELECT count(*) FROM ${this.table} WHERE ${quoteIdent(field)} = ? AND id != ?`)
      .pluck()
      .get(target, self ? target : -1) as number;
  }

  private where(where: Condition | undefined): { sql: string; params: unknown[] } {
    if (!where) return { sql: '', params: [] };
    const c = compileCondition(where, this.kindOf);
    return { sql: ` WHERE ${c.sql}`, params: c.params };
  }

  query(where: Condition | undefined, opts: QueryOptions = {}): Row[] {
    const w = this.where(where);
    const order = this.orderBy(opts.orderBy);
    const rows = this.db
      .prepare(`SELECT * FROM ${this.table}${w.sql} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...w.params, opts.limit ?? 50, opts.offset ?? 0) as Record<string, unknown>[];
    return rows.map((r) => this.decode(r)!);
  }

  count(where: Condition | undefined): number {
    const w = this.where(where);
    return (
      this.db.prepare(`SELECT count(*) AS n FROM ${this.table}${w.sql}`).get(...w.params) as {
        n: number;
      }
    ).n;
  }

  ids(where: Condition | undefined): number[] {
    const w = this.where(where);
    return this.db
      .prepare(`SELECT id FROM ${this.table}${w.sql} ORDER BY id`)
      .pluck()
      .all(...w.params) as number[];
  }

  /** `field`, `-field` (descending) or a comma-separated list of those; `id` breaks ties. */
  private orderBy(spec: string | undefined): string {
    if (!spec) return 'id';
    const parts = spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const out: string[] = [];
    for (const p of parts) {
      const desc = p.startsWith('-');
      const name = desc ? p.slice(1) : p;
      if (name !== 'id' && !this.byName.has(name))
        throw new WhenThenError('VALIDATION_FAILED', `cannot order by unknown field "${name}"`, [
          { field: 'orderBy', reason: `unknown field "${name}" of ${this.spec.name}` },
        ]);
      out.push(`${quoteIdent(name)} ${desc ? 'DESC' : 'ASC'}`);
    }
    if (!parts.some((p) => p.replace(/^-/, '') === 'id')) out.push('id');
    return out.join(', ');
  }

  /** Turns SQLite constraint failures into errors naming the model and field. */
  private guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      const err = e as { code?: string; message?: string };
      if (err.code === 'SQLITE_CONSTRAINT_UNIQUE') {
        const field = /\.(\w+)$/.exec(err.message ?? '')?.[1] ?? 'a unique field';
        throw new WhenThenError(
          'UNIQUE_VIOLATION',
          `${this.spec.name}: another record already has this ${field}`,
          [{ field, reason: 'must be unique' }],
        );
      }
      throw e;
    }
  }
}
