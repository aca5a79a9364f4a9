import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/client';
import { elementsApi } from '../api/endpoints';
import { useT } from '../i18n';
import { navigate } from '../router/use-route';
import { useAppStore } from '../stores/app-store';
import { useUiStore } from '../stores/ui-store';
import { useMessage } from '../components/feedback';
import { COMMON_FORM_KEYS, EventRunFields, EventTitleFields } from './CommonEventFields';
import { addError, errorsByKey, hasErrors, mergeErrors } from './errors';
import { FormItem } from './FormItem';
import { checkIdentifier, identifierMessages, suggestIdentifier } from './identifier';
import { stripEmpty } from './draft';
import { eventKindOf } from './registry';
import type { EventDraft, EventKindUnit, FieldErrors, KindContext } from './types';

/** The "new event" dialog of whichever kind the "+" menu chose. */
export function NewEventDialog() {
  const kind = useUiStore((s) => s.newEventKind);
  const close = useUiStore((s) => s.closeNewEvent);
  const unit = eventKindOf(kind);
  const t = useT();
  return (
    <Modal
      open={!!unit}
      title={
        unit ? (
          <span data-testid="new-event-heading">{t(unit.dialogTitleKey ?? 'newEvent.title')}</span>
        ) : null
      }
      width={760}
      footer={null}
      destroyOnHidden
      mask={{ closable: false }}
      onCancel={close}
    >
      {unit && <NewEventForm unit={unit} onClose={close} />}
    </Modal>
  );
}

function NewEventForm({ unit, onClose }: { unit: EventKindUnit; onClose: () => void }) {
  const t = useT();
  const models = useAppStore((s) => s.models);
  const services = useAppStore((s) => s.services);
  const elements = useAppStore((s) => s.elements);
  const refresh = useAppStore((s) => s.refresh);
  const message = useMessage();
  const context: KindContext = useMemo(() => ({ models, services, t }), [models, services, t]);
  const existing = useMemo(() => elements.map((e) => e.name), [elements]);

  const [draft, setDraft] = useState<EventDraft>(() => ({
    type: 'event',
    kind: unit.kind,
    title: '',
    tags: [],
    handler: { type: 'inline' },
    async: false,
    order: 100,
    enabled: false,
    timeoutMs: 1000,
    ...unit.defaults(context),
  }));
  const [name, setName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [tried, setTried] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formErrors, setFormErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  // The identifier follows the title until the developer edits it.
  useEffect(() => {
    if (nameEdited) return;
    setName(
      suggestIdentifier(
        draft.title ?? '',
        'Event',
        (n) => checkIdentifier(n, 'events', existing) === 'taken',
      ),
    );
  }, [draft.title, nameEdited, existing]);

  const nameErrors = identifierMessages(name, 'events', existing, tried, t);

  const clientErrors = useMemo(() => {
    const errors = mergeErrors(unit.validate(draft, context), formErrors);
    if (!draft.title?.trim()) addError(errors, 'title', t('newEvent.titleRequired'));
    return errors;
  }, [draft, context, unit, t, formErrors]);
  const shown = mergeErrors(tried ? clientErrors : {}, serverErrors);

  const change = (patch: Partial<EventDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setServerErrors({});
  };

  const submit = async () => {
    setTried(true);
    if (hasErrors(clientErrors) || checkIdentifier(name, 'events', existing) !== 'ok') return;
    setSaving(true);
    const full = `events.${name}`;
    const definition = stripEmpty({ ...draft, title: draft.title?.trim() });
    try {
      await elementsApi.create(full, definition, unit.starterCode(draft, context));
      message.success(t('newEvent.created', { name: full }));
      // Closed first: refreshed, the list holds the new name, which the form would call taken.
      onClose();
      await refresh();
      navigate({ page: 'event', name: full });
    } catch (error) {
      if (error instanceof ApiError) {
        const errors = errorsByKey(error.details, [...unit.formKeys, ...COMMON_FORM_KEYS, 'name']);
        if (error.code === 'ALREADY_EXISTS') addError(errors, 'name', error.message);
        else if (!hasErrors(errors)) addError(errors, '_', error.message);
        setServerErrors(errors);
      } else setServerErrors({ _: [(error as Error).message] });
    } finally {
      setSaving(false);
    }
  };

  const loose = shown._ ?? [];
  return (
    <Form
      layout="horizontal"
      labelCol={{ flex: '150px' }}
      labelWrap
      colon={false}
      className="event-form"
      data-testid="new-event-dialog"
      onFinish={submit}
    >
      <Typography.Paragraph type="secondary" className="dialog-lead">
        {unit.icon} {t(unit.helpKey)}
      </Typography.Paragraph>
      {loose.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="new-event-error"
          title={loose.join(' · ')}
          style={{ marginBottom: 16 }}
        />
      )}
      <EventTitleFields
        mode="create"
        draft={draft}
        onChange={change}
        errors={shown}
        context={context}
      />
      <FormItem
        label={t('newEvent.identifier')}
        errors={[...nameErrors, ...(shown.name ?? [])]}
        help={t('newEvent.identifierHelp')}
        required
        testId="new-event-name"
      >
        <Space.Compact block>
          <Space.Addon>events.</Space.Addon>
          <Input
            data-testid="new-event-name"
            value={name}
            maxLength={64}
            status={nameErrors.length || shown.name?.length ? 'error' : undefined}
            onChange={(e) => {
              setNameEdited(true);
              setName(e.target.value.trim());
              setServerErrors({});
            }}
          />
        </Space.Compact>
      </FormItem>
      <unit.Fields
        draft={draft}
        onChange={change}
        errors={shown}
        mode="create"
        context={context}
        onFormErrors={setFormErrors}
      />
      <EventRunFields
        mode="create"
        draft={draft}
        onChange={change}
        errors={shown}
        unit={unit}
        context={context}
      />
      <div className="modal-footer">
        <DialogButtons
          saving={saving}
          onCancel={onClose}
          okLabel={t('newEvent.ok')}
          cancelLabel={t('newEvent.cancel')}
        />
      </div>
    </Form>
  );
}

function DialogButtons({
  saving,
  onCancel,
  okLabel,
  cancelLabel,
}: {
  saving: boolean;
  onCancel: () => void;
  okLabel: string;
  cancelLabel: string;
}) {
  return (
    <Space>
      <Button onClick={onCancel} data-testid="new-event-cancel">
        {cancelLabel}
      </Button>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="new-event-ok">
        {okLabel}
      </Button>
    </Space>
  );
}
