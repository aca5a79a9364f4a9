import { Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { dataApi } from '../api/endpoints';
import { useT } from '../i18n';
import { findModel, useAppStore } from '../stores/app-store';
import { labelFields, refLabel, refSearch } from './ref-options';

type Props = {
  /** The referenced model's full name (`models.Customer`). */
  model: string;
  value: unknown;
  onChange: (value: number | null) => void;
  testId?: string;
  placeholder?: string;
  style?: React.CSSProperties;
  status?: 'error';
};

const PAGE = 20;

/**
 * A ref field's input: a search over the referenced model's records (by id, or by the text of
 * its name-like fields) that sets the record's id.
 */
export function RefInput({ model, value, onChange, testId, placeholder, style, status }: Props) {
  const t = useT();
  const target = useAppStore((s) => findModel(s.models, model));
  const labels = useMemo(() => labelFields(target?.fields ?? []), [target]);
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const [current, setCurrent] = useState<{ value: number; label: string } | null>(null);
  const asked = useRef(0);

  const search = (text: string) => {
    const ask = ++asked.current;
    setLoading(true);
    dataApi
      .query(model, { where: refSearch(text, labels), limit: PAGE, offset: 0, orderBy: 'id' })
      .then(
        (page) => {
          if (ask !== asked.current) return;
          setOptions(page.items.map((r) => ({ value: r.id, label: refLabel(r, labels) })));
        },
        () => ask === asked.current && setOptions([]),
      )
      .finally(() => ask === asked.current && setLoading(false));
  };

  // The chosen record's label, also when it is not among the options found so far.
  useEffect(() => {
    if (typeof value !== 'number') return setCurrent(null);
    if (current?.value === value) return;
    let alive = true;
    dataApi.get(model, value).then(
      (record) => alive && setCurrent({ value, label: refLabel(record, labels) }),
      () => alive && setCurrent({ value, label: `#${value} · ${t('data.refMissing')}` }),
    );
    return () => {
      alive = false;
    };
  }, [value, model, labels, current?.value, t]);

  const shown =
    current && !options.some((o) => o.value === current.value) ? [current, ...options] : options;
  return (
    <Select<number>
      data-testid={testId}
      style={{ width: '100%', ...style }}
      status={status}
      placeholder={placeholder ?? t('data.refSearch')}
      allowClear
      showSearch={{ filterOption: false, onSearch: search }}
      loading={loading}
      value={typeof value === 'number' ? value : undefined}
      options={shown}
      notFoundContent={loading ? t('data.refSearching') : t('data.refNone')}
      onOpenChange={(open) => open && options.length === 0 && search('')}
      onChange={(id) => {
        const picked = shown.find((o) => o.value === id);
        if (picked) setCurrent(picked);
        onChange(id ?? null);
      }}
    />
  );
}
