import type { Sqlite } from '../data/database.js';
import { validationError } from '../errors.js';

export type Notification = {
  id: number;
  to: string;
  title: string;
  body: string;
  createdAt: string;
  executionId: string | null;
  requestId: string | null;
};

/** In-app messages sent through the Message service (`app.notify`). */
export class NotificationStore {
  private readonly insert;

  constructor(private readonly db: Sqlite) {
    db.exec(`CREATE TABLE IF NOT EXISTS wt_notifications (
      id INTEGER PRIMARY KEY AUTOINCREMENT, recipient TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
      created_at INTEGER NOT NULL, execution_id TEXT, request_id TEXT)`);
    this.insert = db.prepare(
      'INSERT INTO wt_notifications (recipient, title, body, created_at, execution_id, request_id) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  send(
    message: unknown,
    from: { executionId: string | null; requestId: string | null },
    users?: readonly { id: string }[],
  ): Notification {
    const m = (message ?? {}) as Record<string, unknown>;
    const details: { field: string; reason: string }[] = (['to', 'title'] as const)
      .filter((k) => typeof m[k] !== 'string' || !(m[k] as string).length)
      .map((k) => ({ field: k, reason: 'notify needs a non-empty text' }));
    if (m.body !== undefined && typeof m.body !== 'string')
      details.push({ field: 'body', reason: 'must be text' });
    // When the application lists its users, messages go to one of them.
    if (users?.length && typeof m.to === 'string' && !users.some((u) => u.id === m.to))
      details.push({
        field: 'to',
        reason: `"${m.to}" is not a user of this application (${users.map((u) => u.id).join(', ')})`,
      });
    if (details.length)
      throw validationError(
        details,
        `app.notify: ${details.map((d) => `${d.field} ${d.reason}`).join('; ')}`,
      );
    const now = Date.now();
    const info = this.insert.run(
      m.to,
      m.title,
      (m.body as string) ?? '',
      now,
      from.executionId,
      from.requestId,
    );
    return {
      id: Number(info.lastInsertRowid),
      to: m.to as string,
      title: m.title as string,
      body: (m.body as string) ?? '',
      createdAt: new Date(now).toISOString(),
      ...from,
    };
  }

  list(opts: { limit?: number; offset?: number; to?: string } = {}): {
    total: number;
    items: Notification[];
  } {
    const where = opts.to ? 'WHERE recipient = ?' : '';
    const params = opts.to ? [opts.to] : [];
    const total = (
      this.db.prepare(`SELECT count(*) AS n FROM wt_notifications ${where}`).get(...params) as {
        n: number;
      }
    ).n;
    const rows = this.db
      .prepare(`SELECT * FROM wt_notifications ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
      .all(...params, opts.limit ?? 50, opts.offset ?? 0) as Record<string, unknown>[];
    return {
      total,
      items: rows.map((r) => ({
        id: r.id as number,
        to: r.recipient as string,
        title: r.title as string,
        body: r.body as string,
        createdAt: new Date(r.created_at as number).toISOString(),
        executionId: (r.execution_id as string) ?? null,
        requestId: (r.request_id as string) ?? null,
      })),
    };
  }
}
