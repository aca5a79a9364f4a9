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

/**
 * Runs `fn` in a transaction: BEGIN IMMEDIATE at the top (SQLite has one writer, so take the lock
 * up front), a savepoint when nested, so a nested write that fails is undone on its own.
 */
export function transaction<T>(db: Sqlite, fn: () => T): T {
  const tx = db.transaction(fn);
  return db.inTransaction ? tx() : tx.immediate();
}
