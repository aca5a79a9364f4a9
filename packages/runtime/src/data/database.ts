import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Sqlite = Database.Database;

/** Opens the embedded database with the settings every WhenThen process uses. */
export function openDatabase(file: string): Sqlite {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: durable against application crashes, one fsync per checkpoint.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = OFF');
  return db;
}

type TxStatements = {
  [
    K in 'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo'
  ]: Database.Statement;
};
const statements = new WeakMap<Sqlite, TxStatements>();

function txStatements(db: Sqlite): TxStatements {
  let s = statements.get(db);
  if (!s) {
    s = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT wt'),
      release: db.prepare('RELEASE wt'),
      rollbackTo: db.prepare('ROLLBACK TO wt'),
    };
    statements.set(db, s);
  }
  return s;
}

/**
 * Runs `fn` in a transaction: BEGIN IMMEDIATE at the top (SQLite has one writer, so take the lock
 * up front), a savepoint when nested, so a nested write that fails is undone on its own. The
 * statements are prepared once per database: this runs on every write.
 */
export function transaction<T>(db: Sqlite, fn: () => T): T {
  const s = txStatements(db);
  if (db.inTransaction) {
    s.savepoint.run();
    try {
      const result = fn();
      s.release.run();
      return result;
    } catch (e) {
      s.rollbackTo.run();
      s.release.run();
      throw e;
    }
  }
  s.begin.run();
  try {
    const result = fn();
    s.commit.run();
    return result;
  } catch (e) {
    if (db.inTransaction) s.rollback.run();
    throw e;
  }
}
