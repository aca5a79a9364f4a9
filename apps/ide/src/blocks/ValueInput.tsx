import { AimOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Cascader, Input, InputNumber, Select, Space, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../i18n';
import { stringContent, textSource, valueModeOf, type ValueMode } from './expression-text';
import type { PickOption } from './pick-options';

type Props = {
  /** Source text of the value. */
  value: string;
  onChange: (text: string) => void;
  options: readonly PickOption[];
  placeholder?: string;
  testId?: string;
  /** Starts in this mode when the value is empty (`expression` for the left side of a comparison). */
  emptyMode?: ValueMode;
  status?: 'error';
  /** Words to choose from in the text input (an enum field's values, or labelled ones: users). */
  choices?: readonly (string | { value: string; label: string })[];
};

const toCascader = (options: readonly PickOption[]): object[] =>
  options.map((option) => ({
    value: option.value,
    label: option.type ? (
      <span className="pick-option">
        {option.label} <span className="pick-type">{option.type}</span>
      </span>
    ) : (
      option.label
    ),
    expr: option.expr,
    searchText: option.label,
    children: option.children ? toCascader(option.children) : undefined,
  }));

/**
 * A parameter's value: words (a string, `${…}` allowed), a number, yes/no, or an expression; the
 * picker puts in one of the event's fields or a variable in scope.
 */
export function ValueInput({
  value,
  onChange,
  options,
  placeholder,
  testId,
  emptyMode = 'text',
  status,
  choices,
}: Props) {
  const t = useT();
  const [mode, setMode] = useState<ValueMode>(() =>
    value.trim() === '' ? emptyMode : valueModeOf(value),
  );
  const words = stringContent(value) ?? '';
  const cascaderOptions = useMemo(() => toCascader(options), [options]);

  const changeMode = (next: ValueMode) => {
    setMode(next);
    if (next === 'text')
      onChange(
        textSource(
          words || (value.trim() && mode === 'expression' ? '${' + value.trim() + '}' : ''),
        ),
      );
    else if (next === 'number') onChange(valueModeOf(value) === 'number' ? value : '');
    else if (next === 'boolean') onChange(value.trim() === 'false' ? 'false' : 'true');
  };

  const pick = (expr: string) => {
    if (mode === 'text') onChange(textSource(`${words}\${${expr}}`));
    else {
      setMode('expression');
      onChange(expr);
    }
  };

  const input = (() => {
    switch (mode) {
      case 'text':
        if (choices?.length) {
          return (
            <AutoComplete
              data-testid={testId}
              className="value-choice"
              value={words}
              status={status}
              options={choices.map((choice) =>
                typeof choice === 'string'
                  ? { value: choice }
                  : {
                      value: choice.value,
                      label: <span data-testid={`choice-${choice.value}`}>{choice.label}</span>,
                      searchText: choice.label,
                    },
              )}
              placeholder={t('blocks.value.choose')}
              filterOption={(input, option) =>
                `${String(option?.value ?? '')} ${String((option as { searchText?: string })?.searchText ?? '')}`
                  .toLowerCase()
                  .includes(input.toLowerCase())
              }
              onChange={(text: string) => onChange(text === '' ? '' : textSource(text))}
            />
          );
        }
        return (
          <Input
            data-testid={testId}
            value={words}
            status={status}
            placeholder={
              placeholder
                ? (stringContent(placeholder) ?? placeholder)
                : t('blocks.value.textPlaceholder')
            }
            onChange={(e) => onChange(e.target.value === '' ? '' : textSource(e.target.value))}
          />
        );
      case 'number':
        return (
          <InputNumber
            data-testid={testId}
            className="value-number"
            value={value.trim() === '' ? null : Number(value)}
            status={status}
            placeholder="0"
            onChange={(n) => onChange(n === null || n === undefined ? '' : String(n))}
          />
        );
      case 'boolean':
        return (
          <Select
            data-testid={testId}
            className="value-boolean"
            value={value.trim() === 'false' ? 'false' : 'true'}
            onChange={onChange}
            options={[
              { value: 'true', label: t('blocks.value.true') },
              { value: 'false', label: t('blocks.value.false') },
            ]}
          />
        );
      case 'expression':
        return (
          <Input
            data-testid={testId}
            className="value-expression"
            value={value}
            status={status}
            placeholder={placeholder ?? t('blocks.value.expressionPlaceholder')}
            onChange={(e) => onChange(e.target.value)}
          />
        );
    }
  })();

  return (
    <Space.Compact className="value-input" block>
      <Select<ValueMode>
        className="value-mode"
        data-testid={testId ? `${testId}-mode` : undefined}
        value={mode}
        onChange={changeMode}
        suffixIcon={null}
        popupMatchSelectWidth={false}
        options={[
          { value: 'text', label: <Tooltip title={t('blocks.value.text')}>Aa</Tooltip> },
          { value: 'number', label: <Tooltip title={t('blocks.value.number')}>#</Tooltip> },
          { value: 'boolean', label: <Tooltip title={t('blocks.value.boolean')}>✓</Tooltip> },
          {
            value: 'expression',
            label: <Tooltip title={t('blocks.value.expression')}>ƒx</Tooltip>,
          },
        ]}
      />
      {input}
      {options.length > 0 && (
        <Cascader
          options={cascaderOptions as never}
          value={[]}
          expandTrigger="hover"
          popupClassName="value-picker-popup"
          onChange={(_path, selected) => {
            const last = (selected as { expr?: string }[] | undefined)?.at(-1);
            if (last?.expr) pick(last.expr);
          }}
        >
          <Tooltip title={t('blocks.value.pick')}>
            <Button icon={<AimOutlined />} data-testid={testId ? `${testId}-pick` : undefined} />
          </Tooltip>
        </Cascader>
      )}
    </Space.Compact>
  );
}
