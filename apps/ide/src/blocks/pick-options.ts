import type { PayloadField } from '../kinds/payload';
import type { Translate } from '../i18n';

/** An entry of a value picker: a group, or a value to put in (`expr`, e.g. `event.next.sales`). */
export type PickOption = {
  value: string;
  label: string;
  /** The value's type, shown beside the label. */
  type?: string;
  expr?: string;
  children?: PickOption[];
};

/** The event's fields, typed from the kind (`event.next.sales`), then the variables in scope. */
export function pickOptions({
  eventName,
  fields,
  variables,
  t,
}: {
  eventName: string | null;
  fields: readonly PayloadField[];
  variables: readonly string[];
  t: Translate;
}): PickOption[] {
  const options: PickOption[] = [];
  if (eventName) {
    const toOption = (field: PayloadField): PickOption => {
      const expr = [eventName, ...field.path].join('.');
      if (!field.children?.length)
        return { value: field.path.join('.'), label: field.label, type: field.type, expr };
      return {
        value: field.path.join('.'),
        label: field.label,
        type: field.type,
        children: [
          {
            value: `${field.path.join('.')}#whole`,
            label: t('blocks.pick.whole'),
            type: field.type,
            expr,
          },
          ...field.children.map(toOption),
        ],
      };
    };
    options.push({ value: 'event', label: t('blocks.pick.event'), children: fields.map(toOption) });
  }
  const names = variables.filter((name) => name !== eventName);
  if (names.length > 0) {
    options.push({
      value: 'variables',
      label: t('blocks.pick.variables'),
      children: names.map((name) => ({ value: name, label: name, expr: name })),
    });
  }
  return options;
}

/** The label of an expression the pickers know (`event.next.sales` → `New record › Sales (USD)`), or null. */
export function pickLabel(options: readonly PickOption[], expr: string): string | null {
  const search = (list: readonly PickOption[], trail: string[]): string | null => {
    for (const option of list) {
      const here = option.value.endsWith('#whole') ? trail : [...trail, option.label];
      if (option.expr === expr) return here.join(' › ');
      if (option.children) {
        const found = search(option.children, here);
        if (found) return found;
      }
    }
    return null;
  };
  for (const group of options) {
    const found = group.children ? search(group.children, []) : null;
    if (found) return found;
  }
  return null;
}

/** The type of an expression the pickers know (`event.next.region` → `"East" | "West"`), or null. */
export function pickType(options: readonly PickOption[], expr: string): string | null {
  for (const option of options) {
    if (option.expr === expr && option.type) return option.type;
    const found = option.children ? pickType(option.children, expr) : null;
    if (found) return found;
  }
  return null;
}
