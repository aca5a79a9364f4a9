import {
  CheckCircleFilled,
  CloseCircleFilled,
  FileTextOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Empty, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo } from 'react';
import { useT } from '../i18n';
import { formatDuration, preview } from './format';
import type { StepNode } from './step-tree';

/** Past this many steps the tree is virtualised within a list of LIST_HEIGHT pixels. */
const VIRTUAL_FROM = 200;
const LIST_HEIGHT = 440;

type Props = { roots: StepNode[]; selectedId: string | null; onSelect: (step: StepNode) => void };

/** The run's steps nested as they ran; selecting one highlights its line in the code. */
export function StepsTree({ roots, selectedId, onSelect }: Props) {
  const t = useT();
  const { treeData, byId, keys } = useMemo(() => {
    const byId = new Map<string, StepNode>();
    const keys: string[] = [];
    const toData = (node: StepNode): DataNode => {
      byId.set(node.id, node);
      if (node.children.length) keys.push(node.id);
      return {
        key: node.id,
        title: <StepRow step={node} />,
        children: node.children.map(toData),
        isLeaf: node.children.length === 0,
      };
    };
    return { treeData: roots.map(toData), byId, keys };
  }, [roots]);
  // A long run (thousands of steps) draws only the rows in view; a short one renders plainly.
  const virtual = byId.size > VIRTUAL_FROM;

  if (roots.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('path.noSteps')} />;
  return (
    <Tree
      className="steps-tree"
      blockNode
      showLine
      defaultExpandedKeys={keys}
      virtual={virtual}
      height={virtual ? LIST_HEIGHT : undefined}
      treeData={treeData}
      selectedKeys={selectedId ? [selectedId] : []}
      onSelect={(_keys, info) => {
        const step = byId.get(String(info.node.key));
        if (step) onSelect(step);
      }}
    />
  );
}

function StepRow({ step }: { step: StepNode }) {
  const t = useT();
  const icon =
    step.kind === 'log' ? (
      <FileTextOutlined className="step-icon-log" />
    ) : step.kind === 'truncated' ? (
      <WarningOutlined className="step-icon-warn" />
    ) : step.status === 'failed' ? (
      <CloseCircleFilled className="step-icon-failed" />
    ) : (
      <CheckCircleFilled className="step-icon-success" />
    );
  const text =
    step.kind === 'truncated'
      ? t('path.truncated')
      : step.kind === 'log'
        ? (step.logs ?? [step.text ?? '']).join(' ')
        : (step.text ?? '');
  return (
    <div
      className="step-row"
      data-testid="step-row"
      data-status={step.status}
      data-line={step.line ?? ''}
      data-kind={step.kind}
    >
      <div className="step-main">
        {icon}
        {step.line !== null && <span className="step-line">L{step.line}</span>}
        <span className="step-text" title={step.text ?? ''}>
          {text.split('\n')[0]}
        </span>
        <span className="step-duration">{formatDuration(step.durationMs, t)}</span>
      </div>
      {step.calls?.map((call, i) => (
        <div key={i} className="step-call" title={preview(call.args, 2000)}>
          <span className="step-call-path">{call.path}</span>
          <span className="step-call-args">({preview(call.args, 60)})</span>
          {call.error !== undefined ? (
            <span className="step-call-error">
              {' '}
              {t('path.threw')} {preview(call.error, 80)}
            </span>
          ) : call.result !== undefined ? (
            <span className="step-call-result"> → {preview(call.result, 60)}</span>
          ) : null}
        </div>
      ))}
      {step.kind !== 'log' &&
        step.logs?.map((line, i) => (
          <div key={i} className="step-log">
            {line}
          </div>
        ))}
      {step.error && (
        <Typography.Text
          type="danger"
          className="step-error"
          data-testid="step-error"
          title={step.error.message}
        >
          {step.error.message}
        </Typography.Text>
      )}
    </div>
  );
}
