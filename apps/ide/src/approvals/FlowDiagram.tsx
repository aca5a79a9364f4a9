import {
  CheckCircleFilled,
  CloseCircleFilled,
  FieldStringOutlined,
  SendOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ApprovalNode } from '@whenthen/schema';
import {
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  ReactFlowProvider,
  type Edge,
  type Node,
  type NodeProps,
} from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useT } from '../i18n';
import type { AppUser } from './approvals-api';
import { userLabel } from './approval-data';
import {
  END_HEIGHT,
  END_WIDTH,
  layoutFlow,
  NODE_HEIGHT,
  NODE_WIDTH,
  type DiagramEdge,
} from './flow-diagram';
import './approvals.css';

type StepData = {
  node: ApprovalNode;
  index: number;
  selected: boolean;
  /** In an instance: where it stands. */
  state?: 'done' | 'current' | 'rejected' | 'waiting';
  users: readonly AppUser[];
};
type EndData = { kind: 'start' | 'approved' | 'rejected'; reached?: boolean };
type StepNode = Node<StepData, 'step'>;
type EndNode = Node<EndData, 'end'>;

const StepCard = memo(function StepCard({ data }: NodeProps<StepNode>) {
  const t = useT();
  const { node, index, selected, state, users } = data;
  return (
    <div
      className={`flow-step${selected ? ' flow-step-selected' : ''}${state ? ` flow-step-${state}` : ''}`}
      style={{ width: NODE_WIDTH, height: NODE_HEIGHT }}
      data-testid={`diagram-node-${node.id}`}
      data-state={state}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="flow-step-head">
        <span className="flow-step-index">{index + 1}</span>
        <span className="flow-step-title" title={node.title || node.id}>
          {node.title || node.id}
        </span>
        <span className={`flow-step-mode flow-step-mode-${node.mode}`}>
          {t(node.mode === 'all' ? 'flow.modeAllShort' : 'flow.modeAnyShort')}
        </span>
      </div>
      <div className="flow-step-approvers">
        {node.approvers.length === 0 && <span className="muted">{t('flow.noApprovers')}</span>}
        {node.approvers.map((a) =>
          typeof a === 'string' ? (
            <span
              key={`u:${a}`}
              className={`flow-chip${users.some((u) => u.id === a) ? '' : ' flow-chip-unknown'}`}
              title={userLabel(users, a)}
            >
              <UserOutlined /> {a}
            </span>
          ) : (
            <span key={`f:${a.field}`} className="flow-chip flow-chip-field" title={a.field}>
              <FieldStringOutlined /> {a.field}
            </span>
          ),
        )}
      </div>
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
      <Handle id="reject" type="source" position={Position.Right} isConnectable={false} />
    </div>
  );
});

const END_ICONS = {
  start: <SendOutlined />,
  approved: <CheckCircleFilled />,
  rejected: <CloseCircleFilled />,
};

const EndCard = memo(function EndCard({ data }: NodeProps<EndNode>) {
  const t = useT();
  return (
    <div
      className={`flow-end flow-end-${data.kind}${data.reached ? ' flow-end-reached' : ''}`}
      style={{ width: END_WIDTH, height: END_HEIGHT }}
      data-testid={`diagram-${data.kind}`}
    >
      {data.kind !== 'start' && (
        <Handle
          type="target"
          position={data.kind === 'rejected' ? Position.Left : Position.Top}
          isConnectable={false}
        />
      )}
      {END_ICONS[data.kind]} {t(`flow.diagram.${data.kind}`)}
      {data.kind === 'start' && (
        <Handle type="source" position={Position.Bottom} isConnectable={false} />
      )}
    </div>
  );
});

const nodeTypes = { step: StepCard, end: EndCard };

const EDGE_STYLE: Record<DiagramEdge['kind'], { stroke: string; dash?: string }> = {
  submit: { stroke: '#8c9bb5' },
  approve: { stroke: '#52c41a' },
  reject: { stroke: '#ff7875', dash: '5 4' },
};

type Props = {
  nodes: readonly ApprovalNode[];
  users: readonly AppUser[];
  selected?: number | null;
  onSelect?: (index: number) => void;
  /**
   * For an instance: its status and the index of the node it is at (pending) or ended at
   * (rejected, withdrawn); null before the first node.
   */
  progress?: { current: number | null; status: string };
  height?: number;
};

/** An approval flow as a diagram to look at: submitted → nodes in order → approved, any node → rejected. */
export function FlowDiagram(props: Props) {
  return (
    <ReactFlowProvider>
      <Diagram {...props} />
    </ReactFlowProvider>
  );
}

function stepState(index: number, progress: Props['progress']): StepData['state'] {
  if (!progress) return undefined;
  const { current, status } = progress;
  if (status === 'approved') return 'done';
  if (current === null || index > current) return 'waiting';
  if (index < current) return 'done';
  if (status === 'pending') return 'current';
  return status === 'rejected' ? 'rejected' : 'waiting';
}

function Diagram({ nodes: flowNodes, users, selected, onSelect, progress, height }: Props) {
  const { nodes, edges, fitHeight } = useMemo(() => {
    const layout = layoutFlow(flowNodes);
    const nodes: (StepNode | EndNode)[] = layout.items.map((item) =>
      item.kind === 'node'
        ? {
            id: item.id,
            type: 'step',
            position: { x: item.x, y: item.y },
            data: {
              node: item.node,
              index: item.index,
              selected: selected === item.index,
              state: stepState(item.index, progress),
              users,
            },
            draggable: false,
            connectable: false,
          }
        : {
            id: item.id,
            type: 'end',
            position: { x: item.x, y: item.y },
            data: {
              kind: item.kind,
              reached:
                progress &&
                (item.kind === 'start' ||
                  (item.kind === 'approved' && progress.status === 'approved') ||
                  (item.kind === 'rejected' && progress.status === 'rejected')),
            },
            draggable: false,
            connectable: false,
          },
    );
    const edges: Edge[] = layout.edges.map((e) => ({
      id: e.id,
      source: e.from,
      target: e.to,
      sourceHandle: e.kind === 'reject' ? 'reject' : undefined,
      type: e.kind === 'reject' ? 'smoothstep' : 'default',
      markerEnd: { type: MarkerType.ArrowClosed, color: EDGE_STYLE[e.kind].stroke },
      style: {
        stroke: EDGE_STYLE[e.kind].stroke,
        strokeWidth: 1.5,
        strokeDasharray: EDGE_STYLE[e.kind].dash,
      },
    }));
    return { nodes, edges, fitHeight: Math.min(560, Math.max(260, layout.height + 60)) };
  }, [flowNodes, users, selected, progress]);

  return (
    <div
      className="flow-diagram"
      data-testid="flow-diagram"
      style={{ height: height ?? fitHeight }}
    >
      <ReactFlow
        // A new node count fits the view again; edits within a node keep the user's pan and zoom.
        key={flowNodes.length}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        fitViewOptions={{ maxZoom: 1, padding: 0.12 }}
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
        onNodeClick={(_, node) => {
          if (node.type === 'step' && onSelect) onSelect((node.data as StepData).index);
        }}
        attributionPosition="bottom-left"
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} position="bottom-right" />
      </ReactFlow>
    </div>
  );
}
