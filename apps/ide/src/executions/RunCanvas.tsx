import {
  Background,
  Controls,
  Handle,
  Position,
  ReactFlow,
  ReactFlowProvider,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import { Tag } from 'antd';
import { memo, useMemo } from 'react';
import type { Execution } from '../api/types';
import { useT } from '../i18n';
import { shortOf } from '../layout/element-types';
import { useAppStore } from '../stores/app-store';
import { CARD_HEIGHT, CARD_WIDTH, layoutChain } from './chain-layout';
import { formatDuration, STATUS_COLOR } from './format';
import { runKindLabel, runTitle } from './run-labels';
import { StatusTag } from './StatusTag';

type RunNodeData = { run: Execution; title: string; selected: boolean };
type RunNode = Node<RunNodeData, 'run'>;

const RunCard = memo(function RunCard({ data }: NodeProps<RunNode>) {
  const t = useT();
  const { run, title, selected } = data;
  return (
    <div
      className={`run-card${selected ? ' run-card-selected' : ''}${run.rolledBack ? ' run-card-rolled-back' : ''}`}
      style={{ width: CARD_WIDTH, height: CARD_HEIGHT, borderColor: STATUS_COLOR[run.status] }}
      data-testid={`path-card-${run.id}`}
      data-status={run.status}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="run-card-bar" style={{ background: STATUS_COLOR[run.status] }} />
      <div className="run-card-body">
        <div className="run-card-title" title={run.event}>
          {title}
        </div>
        <div className="run-card-meta">
          <StatusTag status={run.status} />
          {run.rolledBack && (
            <Tag className="small-tag" data-testid="path-card-rolled-back">
              {t('records.rolledBack')}
            </Tag>
          )}
          <span className="run-card-duration">{formatDuration(run.durationMs, t)}</span>
        </div>
        <div className="run-card-sub">
          {runKindLabel(run, t)}
          {run.recordId !== null && run.recordId !== undefined ? ` · #${run.recordId}` : ''}
          {run.mode === 'async' ? ` · ${t('records.async')}` : ''}
        </div>
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
});

const nodeTypes = { run: RunCard };

type Props = { chain: readonly Execution[]; selectedId: string; onSelect: (id: string) => void };

/** The request's chain of runs as cards, parent → child, on a canvas that pans and zooms. */
export function RunCanvas(props: Props) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}

function Canvas({ chain, selectedId, onSelect }: Props) {
  const elements = useAppStore((s) => s.elements);
  const { nodes, edges, height } = useMemo(() => {
    const titles = new Map(elements.map((e) => [e.name, e.title || shortOf(e.name)]));
    const { placed, edges: links } = layoutChain(chain);
    const nodes: RunNode[] = placed.map(({ run, x, y }) => ({
      id: run.id,
      type: 'run',
      position: { x, y },
      data: {
        run,
        title: runTitle(run, (name) => titles.get(name)),
        selected: run.id === selectedId,
      },
      draggable: false,
      connectable: false,
    }));
    const edges: Edge[] = links.map(({ from, to }) => {
      const child = chain.find((r) => r.id === to);
      return {
        id: `${from}->${to}`,
        source: from,
        target: to,
        animated: child?.status === 'running' || child?.status === 'queued',
        style: { stroke: child ? STATUS_COLOR[child.status] : '#999', strokeWidth: 1.5 },
      };
    });
    // Tall enough to show the cards at full size, up to a point; beyond it the canvas pans.
    const bottom = Math.max(0, ...placed.map((p) => p.y)) + CARD_HEIGHT;
    const height = Math.min(440, Math.max(190, bottom + 70));
    return { nodes, edges, height };
  }, [chain, selectedId, elements]);

  return (
    <div className="run-canvas" data-testid="path-canvas" style={{ height }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={{ maxZoom: 1, padding: 0.2 }}
        minZoom={0.2}
        maxZoom={1.5}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        panOnDrag
        // The canvas sits inside a scrolling page: the wheel scrolls the page; Ctrl+wheel (or a
        // pinch) and the zoom buttons zoom.
        zoomOnScroll={false}
        preventScrolling={false}
        onNodeClick={(_, node) => onSelect(node.id)}
        attributionPosition="bottom-left"
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} position="bottom-right" />
      </ReactFlow>
    </div>
  );
}
