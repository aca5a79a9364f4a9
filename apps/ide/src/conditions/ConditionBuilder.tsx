import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { OPERATORS_BY_TYPE, type Field, type FieldType, type Operator } from '@whenthen/schema';
import { Button, Checkbox, Empty, Segmented, Select, Space, Tooltip, Typography } from 'antd';
import { FieldValueInput } from '../components/FieldValueInput';
import { useT } from '../i18n';
import {
  appendChild,
  emptyGroup,
  emptyLeaf,
  removeNode,
  updateNode,
  type BuilderGroup,
  type BuilderLeaf,
  type BuilderNode,
} from './condition-model';
import { jsonElementFromText, jsonElementText } from './json-element';

type Props = {
  value: BuilderGroup;
  onChange: (root: BuilderGroup) => void;
  fields: readonly Field[];
  /** Problems by builder node id (see fromBuilder's paths). */
  problems?: Map<string, string[]>;
};

const ID_FIELD = { name: 'id', type: 'integer' as const, title: 'id' };

/** Field, operator and value rows in nested and/or groups. Operators follow the field's type. */
export function ConditionBuilder({ value, onChange, fields, problems }: Props) {
  return (
    <div className="cond-builder" data-testid="condition-builder">
      <GroupView
        group={value}
        root={value}
        onChange={onChange}
        fields={fields}
        problems={problems}
        depth={0}
      />
    </div>
  );
}

type GroupProps = {
  group: BuilderGroup;
  root: BuilderGroup;
  onChange: (root: BuilderGroup) => void;
  fields: readonly Field[];
  problems: Map<string, string[]> | undefined;
  depth: number;
};

function GroupView({ group, root, onChange, fields, problems, depth }: GroupProps) {
  const t = useT();
  const edit = (change: (node: BuilderNode) => BuilderNode | null) =>
    onChange(updateNode(root, group.id, change));
  return (
    <div className={`cond-group cond-depth-${depth % 3}`} data-testid="condition-group">
      <div className="cond-group-head">
        <Space size={8} wrap>
          <Segmented
            size="small"
            value={group.join}
            options={[
              {
                value: 'and',
                label: <span data-testid="condition-join-and">{t('cond.and')}</span>,
              },
              { value: 'or', label: <span data-testid="condition-join-or">{t('cond.or')}</span> },
            ]}
            onChange={(join) =>
              edit((n) => ({ ...(n as BuilderGroup), join: join as 'and' | 'or' }))
            }
          />
          <Checkbox
            checked={group.negate}
            onChange={(e) => edit((n) => ({ ...(n as BuilderGroup), negate: e.target.checked }))}
          >
            {t('cond.not')}
          </Checkbox>
        </Space>
        <Space size={4}>
          <Button
            size="small"
            type="link"
            icon={<PlusOutlined />}
            data-testid="condition-add"
            onClick={() => onChange(appendChild(root, group.id, emptyLeaf()))}
          >
            {t('cond.addCondition')}
          </Button>
          <Button
            size="small"
            type="link"
            icon={<PlusOutlined />}
            data-testid="condition-add-group"
            onClick={() =>
              onChange(
                appendChild(root, group.id, {
                  ...emptyGroup(group.join === 'and' ? 'or' : 'and'),
                  children: [emptyLeaf()],
                }),
              )
            }
          >
            {t('cond.addGroup')}
          </Button>
          {depth > 0 && (
            <Tooltip title={t('cond.remove')}>
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                onClick={() => onChange(removeNode(root, group.id))}
              />
            </Tooltip>
          )}
        </Space>
      </div>
      {problems?.get(group.id)?.map((p) => (
        <Typography.Text key={p} type="danger" className="cond-problem">
          {p}
        </Typography.Text>
      ))}
      {group.children.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('cond.empty')}
          className="cond-empty"
        />
      ) : (
        <div className="cond-children">
          {group.children.map((child) =>
            child.kind === 'group' ? (
              <GroupView
                key={child.id}
                group={child}
                root={root}
                onChange={onChange}
                fields={fields}
                problems={problems}
                depth={depth + 1}
              />
            ) : (
              <LeafRow
                key={child.id}
                leaf={child}
                root={root}
                onChange={onChange}
                fields={fields}
                problems={problems?.get(child.id)}
              />
            ),
          )}
        </div>
      )}
    </div>
  );
}

type LeafProps = {
  leaf: BuilderLeaf;
  root: BuilderGroup;
  onChange: (root: BuilderGroup) => void;
  fields: readonly Field[];
  problems: string[] | undefined;
};

function LeafRow({ leaf, root, onChange, fields, problems }: LeafProps) {
  const t = useT();
  const allFields = [ID_FIELD, ...fields];
  const field = allFields.find((f) => f.name === leaf.field);
  const type: FieldType | 'id' | undefined = leaf.field === 'id' ? 'id' : field?.type;
  const operators: readonly Operator[] = type ? OPERATORS_BY_TYPE[type] : [];
  const set = (patch: Partial<BuilderLeaf>) =>
    onChange(updateNode(root, leaf.id, (n) => ({ ...(n as BuilderLeaf), ...patch })));
  const noValue = leaf.op === 'isNull' || leaf.op === 'notNull';
  const multiple = leaf.op === 'in' || leaf.op === 'nin';
  const valueField = field && type === 'json' ? { ...field, type: 'text' as const } : field;
  // A json "contains" value is an element: typed `1` is a number, `"1"` a text.
  const jsonElement = type === 'json' && leaf.op === 'contains';
  return (
    <div className="cond-leaf" data-testid="condition-row">
      <div className="cond-leaf-inputs">
        <Select
          className="cond-field"
          data-testid="condition-field"
          placeholder={t('cond.field')}
          value={leaf.field || undefined}
          showSearch={{ optionFilterProp: 'label' }}
          options={allFields.map((f) => ({
            value: f.name,
            label: f.title && f.title !== f.name ? `${f.title} (${f.name})` : f.name,
          }))}
          onChange={(name: string) => {
            const nextType = name === 'id' ? 'id' : allFields.find((f) => f.name === name)?.type;
            const ops = nextType ? OPERATORS_BY_TYPE[nextType] : [];
            set({
              field: name,
              op: leaf.op && ops.includes(leaf.op) ? leaf.op : (ops[0] ?? ''),
              value: undefined,
            });
          }}
          status={problems?.length ? 'error' : undefined}
        />
        <Select
          className="cond-op"
          data-testid="condition-op"
          placeholder={t('cond.operator')}
          value={leaf.op || undefined}
          disabled={!type}
          options={operators.map((op) => ({ value: op, label: t(`op.${op}`) }))}
          onChange={(op: Operator) =>
            set({
              op,
              value:
                op === 'in' || op === 'nin'
                  ? []
                  : Array.isArray(leaf.value)
                    ? undefined
                    : leaf.value,
            })
          }
        />
        <div className="cond-value">
          {!noValue && valueField && (
            <FieldValueInput
              field={valueField}
              value={jsonElement ? jsonElementText(leaf.value) : leaf.value}
              multiple={multiple}
              testId="condition-value"
              placeholder={multiple ? t('cond.values') : t('cond.value')}
              onChange={(value) =>
                set({ value: jsonElement ? jsonElementFromText(String(value ?? '')) : value })
              }
            />
          )}
        </div>
        <Tooltip title={t('cond.remove')}>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            data-testid="condition-remove"
            onClick={() => onChange(removeNode(root, leaf.id))}
          />
        </Tooltip>
      </div>
      {problems?.map((p) => (
        <Typography.Text key={p} type="danger" className="cond-problem">
          {p}
        </Typography.Text>
      ))}
    </div>
  );
}
