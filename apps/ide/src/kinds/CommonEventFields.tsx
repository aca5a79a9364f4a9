import { Input, InputNumber, Select, Space, Switch } from 'antd';
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
          // retry applies to async events only (the server refuses it on a sync one)
          onChange={(checked) =>
            onChange(checked ? { async: true } : { async: false, retry: undefined })
          }
        />
      </FormItem>
      {draft.async && (
        <RetryField mode={mode} draft={draft} onChange={onChange} errors={errors} t={t} />
      )}
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

/** Default wait before the second attempt, as the runtime takes it when `retry` is absent. */
const DEFAULT_BACKOFF_MS = 1000;

/**
 * Attempts of an async run and the wait before the second one (doubling after each). One attempt is
 * no retry at all, the runtime's default, and is written as no `retry` key.
 */
function RetryField({
  mode,
  draft,
  onChange,
  errors,
  t,
}: Pick<Props, 'mode' | 'draft' | 'onChange' | 'errors'> & { t: KindContext['t'] }) {
  const tid = (name: string) => fieldTestId(mode, name);
  const attempts = draft.retry?.attempts ?? 1;
  const backoffMs = draft.retry?.backoffMs ?? DEFAULT_BACKOFF_MS;
  const set = (next: { attempts: number; backoffMs: number }) =>
    onChange({ retry: next.attempts > 1 ? next : undefined });
  return (
    <FormItem
      label={t('event.retry')}
      errors={errors.retry}
      help={attempts > 1 ? t('event.retryHelp', { attempts, backoffMs }) : t('event.retryNone')}
      testId={tid('retry')}
    >
      <Space wrap>
        <InputNumber
          data-testid={tid('retry-attempts')}
          value={attempts}
          min={1}
          max={100}
          precision={0}
          onChange={(value) => set({ attempts: value ?? 1, backoffMs })}
          style={{ width: 120 }}
        />
        {attempts > 1 && (
          <Space.Compact>
            <Space.Addon>{t('event.retryBackoff')}</Space.Addon>
            <InputNumber
              data-testid={tid('retry-backoff')}
              value={backoffMs}
              min={0}
              max={86_400_000}
              precision={0}
              onChange={(value) => set({ attempts, backoffMs: value ?? DEFAULT_BACKOFF_MS })}
              style={{ width: 140 }}
            />
          </Space.Compact>
        )}
      </Space>
    </FormItem>
  );
}
