import { describe, expect, it } from 'vitest';
import {
  emptyFlowEditor,
  isFlowDirty,
  reduceFlow,
  type FlowEditorChange,
} from './flow-editor-store';

const doc = {
  name: 'approvals.Discount',
  version: 'v1',
  code: null,
  definition: {
    type: 'approval',
    title: 'Discount approval',
    model: 'models.Order',
    nodes: [
      { id: 'manager', approvers: ['ann'], mode: 'any' },
      { id: 'finance', approvers: ['bob', 'cid'], mode: 'all' },
    ],
  },
};

const run = (...changes: FlowEditorChange[]) =>
  changes.reduce(reduceFlow, reduceFlow(emptyFlowEditor(), { type: 'loaded', doc }));

describe('reduceFlow', () => {
  it('loads a clean draft with one key per node', () => {
    const state = run();
    expect(state.draft?.nodes.map((n) => n.id)).toEqual(['manager', 'finance']);
    expect(new Set(state.keys).size).toBe(2);
    expect(isFlowDirty(state)).toBe(false);
  });

  it('moves a node together with its row key, and is dirty until moved back', () => {
    const start = run();
    const moved = reduceFlow(start, { type: 'moveNode', from: 1, to: 0 });
    expect(moved.draft?.nodes.map((n) => n.id)).toEqual(['finance', 'manager']);
    expect(moved.keys).toEqual([start.keys[1], start.keys[0]]);
    expect(isFlowDirty(moved)).toBe(true);
    expect(isFlowDirty(reduceFlow(moved, { type: 'moveNode', from: 0, to: 1 }))).toBe(false);
  });

  it('adds, updates and removes nodes; an edit clears the server messages', () => {
    const state = run(
      { type: 'saveFailed', errors: { 'nodes.0.approvers': ['unknown user "zed"'] } },
      { type: 'addNode', node: { id: 'step3', approvers: [], mode: 'any' } },
      { type: 'updateNode', index: 2, patch: { approvers: ['dee'], mode: 'all' } },
      { type: 'removeNode', index: 0 },
    );
    expect(state.draft?.nodes).toEqual([
      { id: 'finance', approvers: ['bob', 'cid'], mode: 'all' },
      { id: 'step3', approvers: ['dee'], mode: 'all' },
    ]);
    expect(state.keys).toHaveLength(2);
    expect(state.serverErrors).toEqual({});
  });

  it('keeps a stale save failure until reloaded', () => {
    const failed = run({ type: 'saveFailed', errors: { _: ['changed'] }, stale: true });
    expect(failed.stale).toBe(true);
    expect(reduceFlow(failed, { type: 'loaded', doc }).stale).toBe(false);
  });

  it('a title typed and erased again is not a change', () => {
    const state = run({ type: 'title', title: 'X' }, { type: 'title', title: 'Discount approval' });
    expect(isFlowDirty(state)).toBe(false);
  });
});
