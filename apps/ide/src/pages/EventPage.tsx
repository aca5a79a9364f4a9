import {
  DeleteOutlined,
  HistoryOutlined,
  QuestionCircleOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Badge,
  Button,
  Card,
  Form,
  Popover,
  Result,
  Space,
  Switch,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { ApiError } from '../api/client';
import { elementsApi } from '../api/endpoints';
import type { ElementDocument } from '../api/types';
import { ElementLoadState, useElementDocument, useRemoveElement } from './element-page';
import { CodeText } from '../components/CodeText';
import { useMessage } from '../components/feedback';
import { createEventEditorStore, isDirty } from '../events/event-editor-store';
import { RecordsDrawer } from '../executions/RecordsDrawer';
import { useT } from '../i18n';
import { COMMON_FORM_KEYS, EventRunFields, EventTitleFields } from '../kinds/CommonEventFields';
import { stripEmpty } from '../kinds/draft';
import { addError, errorsByKey, hasErrors, mergeErrors } from '../kinds/errors';
import { eventKindOf } from '../kinds/registry';
import type { EventDraft, FieldErrors, KindContext } from '../kinds/types';
import { codeMarkers } from '../monaco/code-errors';
import { useAppStore } from '../stores/app-store';
import { HandlerWorkspace } from '../blocks/HandlerWorkspace';
import { ServiceHandlerNote } from '../kinds/handler/ServiceHandlerNote';
import { ViewSwitch } from '../blocks/ViewSwitch';

/** An event's page: settings, the enable switch, the handler code, its execution records. */
export function EventPage({ name, tabKey }: { name: string; tabKey: string }) {
  const t = useT();
  const message = useMessage();
  const store = useMemo(() => createEventEditorStore(), []);
  const state = useStore(store);
  const apply = state.apply;
  const models = useAppStore((s) => s.models);
  const services = useAppStore((s) => s.services);
  const summary = useAppStore((s) => s.elements.find((e) => e.name === name));
  const refresh = useAppStore((s) => s.refresh);
  const patchElement = useAppStore((s) => s.patchElement);
  const [saving, setSaving] = useState(false);
  const [switching, setSwitching] = useState(false);
  const [tried, setTried] = useState(false);
  const [recordsOpen, setRecordsOpen] = useState(false);

  const dirty = isDirty(state);
  const onLoaded = useCallback((doc: ElementDocument) => apply({ type: 'loaded', doc }), [apply]);
  const { loadError, load } = useElementDocument({ name, tabKey, dirty, onLoaded });

  const context: KindContext = useMemo(() => ({ models, services, t }), [models, services, t]);
  const { draft, doc } = state;
  const unit = eventKindOf(draft?.kind);
  const [formErrors, setFormErrors] = useState<FieldErrors>({});
  // Save reads the store rather than the last render, so it reads the form's own problems here too.
  const formErrorsRef = useRef(formErrors);
  formErrorsRef.current = formErrors;
  const clientErrors = useMemo(
    () => (draft && unit ? mergeErrors(unit.validate(draft, context), formErrors) : {}),
    [draft, unit, context, formErrors],
  );
  const errors = mergeErrors(tried ? clientErrors : {}, state.serverErrors);

  const save = useCallback(async () => {
    // Read the store, not the last render: Ctrl+S can follow a paste before React re-renders.
    const current = store.getState();
    if (!current.draft || !current.doc || !unit) return;
    setTried(true);
    if (hasErrors(unit.validate(current.draft, context)) || hasErrors(formErrorsRef.current))
      return;
    setSaving(true);
    try {
      const updated = await elementsApi.update(
        name,
        stripEmpty(current.draft),
        current.doc.version,
        current.code,
      );
      apply({ type: 'loaded', doc: updated });
      setTried(false);
      patchElement(name, {
        title: String(updated.definition.title ?? ''),
        enabled: Boolean(updated.definition.enabled),
        problems: [],
      });
      message.success(t('event.saved'));
    } catch (error) {
      if (error instanceof ApiError) {
        const errs = errorsByKey(error.details, [...unit.formKeys, ...COMMON_FORM_KEYS, 'code']);
        if (!hasErrors(errs)) addError(errs, '_', error.message);
        apply({ type: 'saveFailed', errors: errs, stale: error.code === 'STALE' });
      } else apply({ type: 'saveFailed', errors: { _: [(error as Error).message] } });
    } finally {
      setSaving(false);
    }
  }, [apply, context, message, name, patchElement, store, t, unit]);

  const toggle = async (enabled: boolean) => {
    setSwitching(true);
    try {
      await elementsApi.setEnabled(name, enabled);
      // The switch rewrites e.json, so take the new version; local edits stay as they are.
      const fresh = await elementsApi.get(name).catch(() => null);
      apply({ type: 'switched', enabled, version: fresh?.version });
      patchElement(name, { enabled });
      // The server runs the saved definition and code, not what is being edited here.
      if (enabled && isDirty(store.getState())) message.warning(t('event.enabledNowUnsaved'));
      else message.success(enabled ? t('event.enabledNow') : t('event.disabledNow'));
    } catch (error) {
      message.error((error as Error).message);
    } finally {
      setSwitching(false);
    }
  };

  const remove = useRemoveElement({
    name,
    page: 'event',
    confirmTitle: t('event.deleteConfirm', { name }),
    deletedText: t('event.deleted', { name }),
    confirmTestId: 'event-delete-confirm',
  });

  if (loadError || !draft || !doc)
    return (
      <ElementLoadState
        loadError={loadError}
        title={t('event.loadFailed')}
        onRetry={() => void load()}
      />
    );
  const problems = summary?.problems ?? [];
  // No kind to build the form from: most often a file that is not valid JSON (yet).
  if (!unit)
    return problems.length > 0 ? (
      <Result
        status="error"
        title={name}
        subTitle={
          <div data-testid="event-unreadable">
            <div>{t('event.unreadable')}</div>
            {problems.map((p, i) => (
              <div key={i} className="mono">
                {p.file} {p.field}: {p.reason}
              </div>
            ))}
          </div>
        }
        extra={<Button onClick={() => void refresh().then(load)}>{t('common.retry')}</Button>}
      />
    ) : (
      <Result status="info" title={name} subTitle={t('element.readOnly')} />
    );

  const change = (patch: Partial<EventDraft>) => apply({ type: 'edit', patch });
  const loose = errors._ ?? [];

  return (
    <div className="page event-page" data-testid="event-page">
      <div className="page-header">
        <div className="page-title">
          <span className="page-icon">{unit.icon}</span>
          <div>
            <Typography.Title level={4} className="page-title-text" data-testid="event-page-title">
              {draft.title || name}
            </Typography.Title>
            <Space size={6} className="page-subtitle">
              <Tag>{t(unit.titleKey)}</Tag>
              <Typography.Text type="secondary" copyable={{ text: name }}>
                {name}
              </Typography.Text>
              <Typography.Text type="secondary">· {unit.describe(draft, context)}</Typography.Text>
            </Space>
          </div>
        </div>
        <Space>
          <Popover
            placement="bottomRight"
            title={t('event.helpTitle')}
            content={<EventHelp />}
            trigger="click"
          >
            <Button icon={<QuestionCircleOutlined />} data-testid="event-help">
              {t('event.help')}
            </Button>
          </Popover>
          <Button
            icon={<HistoryOutlined />}
            data-testid="event-records-button"
            onClick={() => setRecordsOpen(true)}
          >
            {t('event.records')}
          </Button>
          <ViewSwitch />
          <Tooltip title={t('event.delete')}>
            <Button danger icon={<DeleteOutlined />} data-testid="event-delete" onClick={remove} />
          </Tooltip>
          <Badge dot={dirty} offset={[-4, 4]} data-testid={dirty ? 'event-save-dirty' : undefined}>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              data-testid="event-save"
              onClick={() => void save()}
            >
              {t('event.save')}
            </Button>
          </Badge>
        </Space>
      </div>

      {state.stale && (
        <Alert
          type="warning"
          showIcon
          className="page-alert"
          title={t('event.stale')}
          action={
            <Button size="small" onClick={() => void load()}>
              {t('event.reload')}
            </Button>
          }
        />
      )}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="page-alert"
          title={t('event.problems')}
          description={problems.map((p) => `${p.file} ${p.field}: ${p.reason}`).join('\n')}
        />
      )}
      {loose.length > 0 && !state.stale && (
        <Alert
          type="error"
          showIcon
          className="page-alert"
          data-testid="event-save-error"
          title={loose.join(' · ')}
        />
      )}

      <Card
        className="page-card settings-card"
        title={t('event.settings')}
        extra={
          <Space>
            <Typography.Text type="secondary">{t('event.enabled')}</Typography.Text>
            <Switch
              data-testid="event-enabled"
              checked={draft.enabled}
              loading={switching}
              checkedChildren={t('event.on')}
              unCheckedChildren={t('event.off')}
              onChange={(checked) => void toggle(checked)}
            />
          </Space>
        }
      >
        <Form layout="vertical" className="event-form settings-form">
          <EventTitleFields
            mode="edit"
            draft={draft}
            onChange={change}
            errors={errors}
            context={context}
          />
          <unit.Fields
            draft={draft}
            onChange={change}
            errors={errors}
            mode="edit"
            context={context}
            onFormErrors={setFormErrors}
          />
          <EventRunFields
            mode="edit"
            draft={draft}
            onChange={change}
            errors={errors}
            unit={unit}
            context={context}
          />
        </Form>
      </Card>

      <ServiceHandlerNote handler={draft.handler} />
      <HandlerWorkspace
        name={name}
        store={store}
        payload={unit.payload?.(draft, context) ?? null}
        codeErrors={errors.code ?? []}
        markers={codeMarkers((errors.code ?? []).map((reason) => ({ field: 'code', reason })))}
        onSave={() => void save()}
      />

      <RecordsDrawer
        open={recordsOpen}
        event={name}
        title={draft.title || name}
        onClose={() => setRecordsOpen(false)}
      />
    </div>
  );
}

function EventHelp() {
  const t = useT();
  return (
    <div className="help-popover">
      <Typography.Paragraph>
        <CodeText text={t('event.helpBody1')} />
      </Typography.Paragraph>
      <Typography.Paragraph>
        <CodeText text={t('event.helpBody2')} />
      </Typography.Paragraph>
      <Typography.Paragraph>
        <CodeText text={t('event.helpBody3')} />
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        <CodeText text={t('event.codeHelp')} />
      </Typography.Paragraph>
    </div>
  );
}
