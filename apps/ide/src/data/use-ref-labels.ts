import type { Field } from '@whenthen/schema';
import { useEffect, useState } from 'react';
import { dataApi } from '../api/endpoints';
import type { DataRecord } from '../api/types';
import { labelFields, refLabel } from '../components/ref-options';
import { useAppStore } from '../stores/app-store';

/** Labels of the records a page of rows refers to: field name → (id → "#12 · Claire Gute (CG-12520)"). */
export type RefLabels = Record<string, ReadonlyMap<number, string>>;

/**
 * Looks up, once per page of rows, the records its ref fields point at (one query per ref field),
 * so the table can show who a row refers to rather than a bare id.
 */
export function useRefLabels(fields: readonly Field[], rows: readonly DataRecord[]): RefLabels {
  const models = useAppStore((s) => s.models);
  const [labels, setLabels] = useState<RefLabels>({});
  useEffect(() => {
    let alive = true;
    const refs = fields.filter((f) => f.type === 'ref' && f.model);
    void Promise.all(
      refs.map(async (field) => {
        const ids = [
          ...new Set(rows.map((r) => r[field.name]).filter((v) => typeof v === 'number')),
        ];
        if (!ids.length) return [field.name, new Map<number, string>()] as const;
        const target = models.find((m) => m.name === field.model);
        const shown = labelFields(target?.fields ?? []);
        const page = await dataApi
          .query(field.model!, {
            where: { field: 'id', op: 'in', value: ids },
            limit: ids.length,
            offset: 0,
          })
          .catch(() => null);
        const map = new Map<number, string>(
          (page?.items ?? []).map((r) => [r.id, refLabel(r, shown)]),
        );
        return [field.name, map] as const;
      }),
    ).then((entries) => alive && setLabels(Object.fromEntries(entries)));
    return () => {
      alive = false;
    };
  }, [fields, rows, models]);
  return labels;
}
