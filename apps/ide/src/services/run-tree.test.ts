import { describe, expect, it } from 'vitest';
import type { Execution } from '../api/types';
import { runsInOrder } from './run-tree';

const run = (id: string, parentId: string | null, startedAt: string) =>
  ({ id, parentId, startedAt, event: id }) as Execution;

describe('runs of one call', () => {
  it('nest each run under its parent, siblings by start', () => {
    // Newest first, as GET /api/executions answers.
    const list = [
      run('notify', 'publish', '2024-01-01T00:00:03Z'),
      run('publish', 'call', '2024-01-01T00:00:02Z'),
      run('audit', 'call', '2024-01-01T00:00:01Z'),
      run('call', null, '2024-01-01T00:00:00Z'),
    ];
    expect(runsInOrder(list).map(({ run, level }) => `${level}:${run.id}`)).toEqual([
      '0:call',
      '1:audit',
      '1:publish',
      '2:notify',
    ]);
  });
});
