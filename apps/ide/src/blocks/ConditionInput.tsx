import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n';
import {
  COMPARISONS,
  joinCondition,
  splitCondition,
  type Comparison,
  type ConditionParts,
} from './expression-text';
import { emptyModeOf, enumValues } from './param-form';
import { pickType, type PickOption } from './pick-options';
import { ValueInput } from './ValueInput';

type Props = {
  value: string;
  onChange: (text: string) => void;
  options: readonly PickOption[];
  testId: string;
};

const OPERATOR_LABELS: Record<Comparison, string> = {
  '===': '=',
  '!==': '≠',
  '>': '>',
  '>=': '≥',
  '<': '<',
  '<=': '≤',
  truthy: '',
  falsy: '',
};

/**
 * A condition as comparisons (`event.next.sales > 1000`, joined by and/or), each side a value with
 * pickers; a condition of another shape is edited as an expression.
 */
export function ConditionInput({ value, onChange, options, testId }: Props) {
  const t = useT();
  const [parts, setParts] = useState<ConditionParts | null>(() => splitCondition(value));

  const update = (next: ConditionParts) => {
    setParts(next);
    onChange(joinCondition(next));
  };

  if (!parts) {
    return (
      <div className="condition-input">
        <Input.TextArea
          data-testid={`${testId}-expression`}
          className="value-expression"
          autoSize={{ minRows: 1, maxRows: 6 }}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
        <Button
          type="link"
          size="small"
          onClick={() => {
            const split = splitCondition(value);
            if (split) setParts(split);
          }}
          disabled={!splitCondition(value)}
        >
          {t('blocks.cond.asRows')}
        </Button>
      </div>
    );
  }

  return (
    <div className="condition-input" data-testid={testId}>
      {parts.rows.map((row, index) => (
        <div className="condition-input-row" key={index} data-testid={`${testId}-row`}>
          {index > 0 && (
            <Select
              className="condition-join"
              size="small"
              value={parts.join}
              onChange={(join) => update({ ...parts, join })}
              options={[
                { value: '&&', label: t('blocks.cond.and') },
                { value: '||', label: t('blocks.cond.or') },
              ]}
            />
          )}
          <ValueInput
            value={row.left}
            emptyMode="expression"
            options={options}
            testId={`${testId}-left`}
            placeholder={t('blocks.cond.leftPlaceholder')}
            onChange={(left) =>
              update({
                ...parts,
                rows: parts.rows.map((r, i) => (i === index ? { ...r, left } : r)),
              })
            }
          />
          <Select<Comparison>
            className="condition-op"
            data-testid={`${testId}-op`}
            value={row.op}
            popupMatchSelectWidth={false}
            onChange={(op) =>
              update({ ...parts, rows: parts.rows.map((r, i) => (i === index ? { ...r, op } : r)) })
            }
            options={COMPARISONS.map((op) => ({
              value: op,
              label: OPERATOR_LABELS[op] || t(`blocks.cond.${op as 'truthy' | 'falsy'}`),
            }))}
          />
          {row.op !== 'truthy' && row.op !== 'falsy' ? (
            <ValueInput
              // The right side follows the left one's type: words or one of an enum's values.
              key={pickType(options, row.left.trim()) ?? 'any'}
              value={row.right}
              emptyMode={emptyModeOf(pickType(options, row.left.trim()) ?? 'number')}
              choices={enumValues(pickType(options, row.left.trim()) ?? undefined)}
              options={options}
              testId={`${testId}-right`}
              onChange={(right) =>
                update({
                  ...parts,
                  rows: parts.rows.map((r, i) => (i === index ? { ...r, right } : r)),
                })
              }
            />
          ) : (
            <span className="condition-right-empty" />
          )}
          {parts.rows.length > 1 && (
            <Button
              type="text"
              size="small"
              icon={<CloseOutlined />}
              onClick={() => update({ ...parts, rows: parts.rows.filter((_, i) => i !== index) })}
            />
          )}
        </div>
      ))}
      <Space size={4}>
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() =>
            update({ ...parts, rows: [...parts.rows, { left: '', op: '===', right: '' }] })
          }
        >
          {t('blocks.cond.add')}
        </Button>
        <Button type="link" size="small" onClick={() => setParts(null)}>
          {t('blocks.cond.asExpression')}
        </Button>
        <Typography.Text type="secondary" className="condition-preview">
          {joinCondition(parts)}
        </Typography.Text>
      </Space>
    </div>
  );
}
