import { Alert, type ButtonProps, Form, Input, Modal, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../i18n';
import { ConditionInput } from './ConditionInput';
import { emptyModeOf, enumValues, missingFields, type FormField } from './param-form';
import type { PickOption } from './pick-options';
import { ValueInput } from './ValueInput';

type Props = {
  title: string;
  /** A line under the title: the statement's code shape, e.g. `app.notify({ to, title, body })`. */
  subtitle?: string;
  fields: readonly FormField[];
  options: readonly PickOption[];
  /** Applies the values; returns why they were refused, or null. */
  onOk: (values: Record<string, string>) => string | null;
  onCancel: () => void;
  okText?: string;
};

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** "Set parameters": one input per parameter of a block, with pickers for event fields and variables. */
export function ParamsModal({ title, subtitle, fields, options, onOk, onCancel, okText }: Props) {
  const t = useT();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.key, f.text])),
  );
  const [error, setError] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const missing = useMemo(() => new Set(missingFields(fields, values)), [fields, values]);
  const badNames = fields.filter(
    (f) =>
      f.input === 'name' &&
      (values[f.key] ?? '').trim() !== '' &&
      // A name the code already has (a destructuring pattern) may stay as it is.
      values[f.key]!.trim() !== f.text.trim() &&
      !IDENTIFIER.test(values[f.key]!.trim()),
  );

  const set = (key: string) => (text: string) => setValues((v) => ({ ...v, [key]: text }));
  const submit = () => {
    setTried(true);
    if (missing.size > 0 || badNames.length > 0) return;
    setError(onOk(values));
  };

  const groups = new Map<string, FormField[]>();
  for (const field of fields) {
    const group = field.group ?? '';
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group)!.push(field);
  }

  const input = (field: FormField) => {
    const testId = `param-${field.key}`;
    const value = values[field.key] ?? '';
    switch (field.input) {
      case 'value':
        return (
          <ValueInput
            value={value}
            onChange={set(field.key)}
            options={options}
            testId={testId}
            placeholder={field.placeholder}
            emptyMode={field.emptyMode ?? emptyModeOf(field.type)}
            choices={field.suggestions?.length ? field.suggestions : enumValues(field.type)}
            status={tried && missing.has(field.key) ? 'error' : undefined}
          />
        );
      case 'condition':
        return (
          <ConditionInput
            value={value}
            onChange={set(field.key)}
            options={options}
            testId={testId}
          />
        );
      case 'name':
        return (
          <Input
            data-testid={testId}
            className="value-expression"
            value={value}
            placeholder={field.placeholder}
            status={
              tried && (missing.has(field.key) || badNames.includes(field)) ? 'error' : undefined
            }
            onChange={(e) => set(field.key)(e.target.value)}
          />
        );
      case 'comment':
        return (
          <Input.TextArea
            data-testid={testId}
            autoSize={{ minRows: 2, maxRows: 10 }}
            value={value}
            onChange={(e) => set(field.key)(e.target.value)}
          />
        );
      case 'choice':
        return (
          <Select
            data-testid={testId}
            value={value}
            onChange={set(field.key)}
            options={field.options}
          />
        );
    }
  };

  return (
    <Modal
      open
      title={
        <div>
          <div>{title}</div>
          {subtitle && (
            <Typography.Text type="secondary" className="params-subtitle mono">
              {subtitle}
            </Typography.Text>
          )}
        </div>
      }
      width={720}
      okText={okText ?? t('blocks.params.ok')}
      cancelText={t('newEvent.cancel')}
      okButtonProps={{ 'data-testid': 'params-ok' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'params-cancel' } as ButtonProps}
      onOk={submit}
      onCancel={onCancel}
      destroyOnHidden
      maskClosable={false}
    >
      <div data-testid="params-modal">
        {fields.length === 0 && (
          <Typography.Paragraph type="secondary">{t('blocks.params.none')}</Typography.Paragraph>
        )}
        <Form layout="vertical" className="params-form" onFinish={submit}>
          {[...groups].map(([group, list]) => (
            <div key={group || '-'} className={group ? 'params-group' : undefined}>
              {group && <div className="params-group-title">{group}</div>}
              <div className={group ? 'params-grid' : undefined}>
                {list.map((field) => (
                  <Form.Item
                    key={field.key}
                    label={
                      <span>
                        {field.label}
                        {field.type && <span className="param-type">{field.type}</span>}
                      </span>
                    }
                    required={field.required}
                    validateStatus={
                      tried && (missing.has(field.key) || badNames.includes(field))
                        ? 'error'
                        : undefined
                    }
                    help={
                      tried && missing.has(field.key)
                        ? t('blocks.params.required')
                        : tried && badNames.includes(field)
                          ? t('blocks.params.badName')
                          : undefined
                    }
                  >
                    {input(field)}
                  </Form.Item>
                ))}
              </div>
            </div>
          ))}
        </Form>
        {error && <Alert type="error" showIcon title={error} data-testid="params-error" />}
      </div>
    </Modal>
  );
}
