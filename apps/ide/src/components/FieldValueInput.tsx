import type { Field } from '@whenthen/schema';
import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../i18n';
import { RefInput } from './RefInput';

type Props = {
  field: Pick<Field, 'type' | 'values'> & { name: string; model?: string | undefined };
  value: unknown;
  onChange: (value: unknown) => void;
  /** For `in` / `nin`: a list of values. */
  multiple?: boolean;
  /** Text fields: an auto-sizing multi-line box instead of a one-line input. */
  multiline?: boolean;
  testId?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  status?: 'error';
};

const asNumber = (text: string): number | null => {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : null;
};

/**
 * An input for one value of a field, chosen by the field's type, producing the value in the form
 * the API expects (dates as YYYY-MM-DD, datetimes as ISO with the zone, numbers as numbers).
 * `json` fields are edited as text; the caller parses it.
 */
export function FieldValueInput({
  field,
  value,
  onChange,
  multiple,
  multiline,
  testId,
  placeholder,
  style,
  status,
}: Props) {
  const t = useT();
  const common = { 'data-testid': testId, style: { width: '100%', ...style }, status, placeholder };

  if (multiple) {
    const list = Array.isArray(value) ? value : [];
    if (field.type === 'enum' || field.type === 'boolean') {
      if (field.type === 'boolean')
        return (
          <Select
            {...common}
            mode="multiple"
            value={list.map(String)}
            options={booleanOptions(t)}
            onChange={(v: string[]) => onChange(v.map((x) => x === 'true'))}
          />
        );
      const options = (field.values ?? []).map((v) => ({ value: v, label: v }));
      return (
        <Select
          {...common}
          mode="multiple"
          value={list.map(String)}
          options={options}
          onChange={(v: string[]) => onChange(v)}
        />
      );
    }
    const numeric = field.type === 'number' || field.type === 'integer' || field.type === 'ref';
    return (
      <Select
        {...common}
        mode="tags"
        open={false}
        suffixIcon={null}
        tokenSeparators={[',']}
        value={list.map(String)}
        onChange={(texts: string[]) =>
          onChange(numeric ? texts.map(asNumber).filter((n): n is number => n !== null) : texts)
        }
      />
    );
  }

  if (field.type === 'ref' && field.model)
    return (
      <RefInput
        model={field.model}
        value={value}
        onChange={onChange}
        testId={testId}
        placeholder={placeholder}
        style={style}
        status={status}
      />
    );
  switch (field.type) {
    case 'number':
    case 'integer':
    case 'ref':
      return (
        <InputNumber
          {...common}
          value={typeof value === 'number' ? value : null}
          // An integer is not rounded as it is typed: 2.5 stays 2.5 and is refused by name, rather
          // than quietly becoming 3 (another record, for an id).
          precision={field.type === 'ref' ? 0 : undefined}
          onChange={(v) => onChange(v ?? null)}
        />
      );
    case 'boolean':
      return (
        <Select
          {...common}
          allowClear
          value={typeof value === 'boolean' ? String(value) : undefined}
          options={booleanOptions(t)}
          onChange={(v: string | undefined) => onChange(v === undefined ? null : v === 'true')}
        />
      );
    case 'enum':
      return (
        <Select
          {...common}
          allowClear
          value={typeof value === 'string' ? value : undefined}
          options={(field.values ?? []).map((v) => ({ value: v, label: v }))}
          onChange={(v: string | undefined) => onChange(v ?? null)}
        />
      );
    case 'date':
      return (
        <DatePicker
          {...common}
          value={typeof value === 'string' && value ? dayjs(value, 'YYYY-MM-DD') : null}
          format="YYYY-MM-DD"
          onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : null)}
        />
      );
    case 'datetime':
      return (
        <DatePicker
          {...common}
          showTime
          value={typeof value === 'string' && value ? dayjs(value) : null}
          format="YYYY-MM-DD HH:mm:ss"
          onChange={(d) => onChange(d ? d.toISOString() : null)}
        />
      );
    case 'json':
      return (
        <Input.TextArea
          {...common}
          autoSize={{ minRows: 1, maxRows: 8 }}
          className="mono"
          value={
            typeof value === 'string'
              ? value
              : value === undefined || value === null
                ? ''
                : JSON.stringify(value)
          }
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'text':
    default:
      if (multiline)
        return (
          <Input.TextArea
            {...common}
            autoSize={{ minRows: 2, maxRows: 10 }}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value)}
          />
        );
      return (
        <Input
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}

const booleanOptions = (t: ReturnType<typeof useT>) => [
  { value: 'true', label: t('data.yes') },
  { value: 'false', label: t('data.no') },
];
