import { Input, InputNumber, Select, Switch } from 'antd';
import { FormItem } from './FormItem';
import { HandlerField } from './handler/HandlerField';
import { fieldTestId } from './test-ids';
import type { EventDraft, EventKindUnit, FieldErrors, KindContext } from './types';

/** Form keys owned by the common fields. */
export const COMMON_FORM_KEYS = [
  'title',
  'tags',
  'handler',
  'async',
  'order',
  'timeoutMs',
  'retry',
] as const;

type Props = {
  mode: 'create' | 'edit';
  draft: EventDraft;
  onChange: (patch: Partial<EventDraft>) => void;
  errors: FieldErrors;
  unit: EventKindUnit;
  context: KindContext;
};

/** Title and tags (the identifier is the dialog's own field: it cannot change after creation). */
export function EventTitleFields({
  mode,
  draft,
  onChange,
  errors,
  context: { t },
}: Omit<Props, 'unit'>) {
  const tid = (name: string) => fieldTestId(mode, name);
  return (
    <>
      <FormItem
        label={t('newEvent.displayTitle')}
        errors={errors.title}
        required
        testId={tid('title')}
      >
        <Input
          data-testid={tid('title')}
          value={draft.title ?? ''}
          maxLength={200}
          placeholder={t('newEvent.displayTitlePlaceholder')}
          onChange={(e) => onChange({ title: e.target.value })}
        />
      </FormItem>
      <FormItem label={t('newEvent.tags')} errors={errors.tags}>
        <Select
          data-testid={tid('tags')}
          mode="tags"
          open={false}
          suffixIcon={null}
          placeholder={t('newEvent.tagsPlaceholder')}
          value={draft.tags ?? []}
          onChange={(tags: string[]) => onChange({ tags })}
        />
      </FormItem>
    </>
  );
}

/** Handler, async, order: the same for every kind. */
export function EventRunFields({ mode, draft, onChange, errors, unit, context }: Props) {
  const { t } = context;
  const tid = (name: string) => fieldTestId(mode, name);
  const asyncAllowed = unit.asyncAllowed(draft);
  return (
    <>
      <HandlerField
        mode={mode}
        draft={draft}
        onChange={onChange}
        errors={errors}
        context={context}
        kindTitle={t(unit.titleKey)}
      />
      <FormItem
        label={t('event.async')}
        errors={errors.async}
        help={asyncAllowed ? t('event.asyncHelp') : t('event.asyncBefore')}
      >
        <Switch
          data-testid={tid('async')}
          checked={draft.async}
          disabled={!asyncAllowed && !draft.async}
          onChange={(checked) => onChange({ async: checked })}
        />
      </FormItem>
      <FormItem label={t('event.order')} errors={errors.order} help={t('event.orderHelp')}>
        <InputNumber
          data-testid={tid('order')}
          value={draft.order}
          precision={0}
          onChange={(order) => onChange({ order: order ?? 100 })}
          style={{ width: 160 }}
        />
      </FormItem>
      <FormItem label={t('event.timeout')} errors={errors.timeoutMs}>
        <InputNumber
          data-testid={tid('timeout')}
          value={draft.timeoutMs ?? 1000}
          min={1}
          max={60000}
          precision={0}
          onChange={(timeoutMs) => onChange({ timeoutMs: timeoutMs ?? 1000 })}
          style={{ width: 160 }}
        />
      </FormItem>
    </>
  );
}
