import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import type { ApprovalNode, Field } from '@whenthen/schema';
import { Button, Empty, Input, Radio, Tooltip, Typography } from 'antd';
import { useT } from '../i18n';
import type { FieldErrors } from '../kinds/types';
import type { AppUser } from './approvals-api';
import { ApproversSelect } from './ApproversSelect';

type Props = {
  nodes: readonly ApprovalNode[];
  keys: readonly string[];
  errors: FieldErrors;
  users: readonly AppUser[];
  fields: readonly Field[];
  selected: number | null;
  onSelect: (index: number) => void;
  onUpdate: (index: number, patch: Partial<ApprovalNode>) => void;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
  onAdd: () => void;
};

/** The flow's nodes in order, each with its id, title, approvers and mode; add, remove, reorder. */
export function NodeListEditor(props: Props) {
  const t = useT();
  const { nodes, keys, errors, selected, onAdd } = props;
  return (
    <div className="node-list" data-testid="flow-nodes">
      {nodes.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('flow.noNodes')} />
      )}
      {nodes.map((node, index) => (
        <NodeRow
          key={keys[index] ?? index}
          {...props}
          node={node}
          index={index}
          active={selected === index}
        />
      ))}
      {(errors.nodes?.length ?? 0) > 0 && (
        <Typography.Text type="danger" data-testid="flow-nodes-error">
          {errors.nodes!.join(' · ')}
        </Typography.Text>
      )}
      <Button
        block
        type="dashed"
        icon={<PlusOutlined />}
        onClick={onAdd}
        data-testid="flow-add-node"
        className="node-add"
      >
        {t('flow.addNode')}
      </Button>
    </div>
  );
}

function NodeRow({
  node,
  index,
  active,
  nodes,
  errors,
  users,
  fields,
  onSelect,
  onUpdate,
  onMove,
  onRemove,
}: Props & { node: ApprovalNode; index: number; active: boolean }) {
  const t = useT();
  const at = (prop: string) => errors[`nodes.${index}.${prop}`] ?? [];
  const idErrors = at('id');
  const titleErrors = at('title');
  const approverErrors = at('approvers');
  const modeErrors = at('mode');
  const failed =
    idErrors.length + titleErrors.length + approverErrors.length + modeErrors.length > 0;
  return (
    <div
      className={`node-row${active ? ' node-row-active' : ''}${failed ? ' node-row-failed' : ''}`}
      data-testid={`flow-node-${index}`}
      data-node-id={node.id}
      onFocusCapture={() => onSelect(index)}
      onClick={() => onSelect(index)}
    >
      <div className="node-row-index">{index + 1}</div>
      <div className="node-row-body">
        <div className="node-row-line">
          <div className="node-row-field node-row-title">
            <label>{t('flow.nodeTitle')}</label>
            <Input
              data-testid="flow-node-title"
              value={node.title ?? ''}
              maxLength={200}
              placeholder={t('flow.nodeTitlePlaceholder')}
              status={titleErrors.length ? 'error' : undefined}
              onChange={(e) => onUpdate(index, { title: e.target.value })}
            />
          </div>
          <div className="node-row-field node-row-id">
            <label>{t('flow.nodeId')}</label>
            <Input
              data-testid="flow-node-id"
              value={node.id}
              maxLength={64}
              status={idErrors.length ? 'error' : undefined}
              onChange={(e) => onUpdate(index, { id: e.target.value.trim() })}
            />
          </div>
          <div className="node-row-tools">
            <Tooltip title={t('flow.moveUp')}>
              <Button
                type="text"
                size="small"
                icon={<ArrowUpOutlined />}
                disabled={index === 0}
                aria-label={t('flow.moveUp')}
                data-testid="flow-node-up"
                onClick={(e) => {
                  e.stopPropagation();
                  onMove(index, index - 1);
                  onSelect(index - 1);
                }}
              />
            </Tooltip>
            <Tooltip title={t('flow.moveDown')}>
              <Button
                type="text"
                size="small"
                icon={<ArrowDownOutlined />}
                disabled={index === nodes.length - 1}
                aria-label={t('flow.moveDown')}
                data-testid="flow-node-down"
                onClick={(e) => {
                  e.stopPropagation();
                  onMove(index, index + 1);
                  onSelect(index + 1);
                }}
              />
            </Tooltip>
            <Tooltip title={t('flow.removeNode')}>
              <Button
                type="text"
                size="small"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('flow.removeNode')}
                data-testid="flow-node-remove"
                onClick={(e) => {
                  e.stopPropagation();
                  onRemove(index);
                }}
              />
            </Tooltip>
          </div>
        </div>
        <div className="node-row-line">
          <div className="node-row-field grow">
            <label>{t('flow.approvers')}</label>
            <ApproversSelect
              testId="flow-node-approvers"
              value={node.approvers}
              users={users}
              fields={fields}
              status={approverErrors.length ? 'error' : undefined}
              onChange={(approvers) => onUpdate(index, { approvers })}
            />
          </div>
          <div className="node-row-field">
            <label>{t('flow.mode')}</label>
            <Radio.Group
              data-testid="flow-node-mode"
              optionType="button"
              value={node.mode}
              onChange={(e) => onUpdate(index, { mode: e.target.value as ApprovalNode['mode'] })}
              options={[
                {
                  value: 'any',
                  label: <Tooltip title={t('flow.modeAnyHelp')}>{t('flow.modeAny')}</Tooltip>,
                },
                {
                  value: 'all',
                  label: <Tooltip title={t('flow.modeAllHelp')}>{t('flow.modeAll')}</Tooltip>,
                },
              ]}
            />
          </div>
        </div>
        {failed && (
          <div className="node-row-errors" data-testid="flow-node-error">
            {[...idErrors, ...titleErrors, ...approverErrors, ...modeErrors].map((m) => (
              <div key={m}>{m}</div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
