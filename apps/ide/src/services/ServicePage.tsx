import {
  ApiOutlined,
  DeleteOutlined,
  HistoryOutlined,
  PlayCircleOutlined,
  PlusOutlined,
  QuestionCircleOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import { Alert, Badge, Button, Card, Col, Input, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { ApiError } from '../api/client';
import { elementsApi } from '../api/endpoints';
import type { ElementDocument } from '../api/types';
import { ElementLoadState, useElementDocument, useRemoveElement } from '../pages/element-page';
import { useMessage } from '../components/feedback';
import { RecordsDrawer } from '../executions/RecordsDrawer';
import { useT } from '../i18n';
import { hasErrors, mergeErrors } from '../kinds/errors';
import { CodeEditor } from '../monaco/CodeEditor';
import { codeMarkers } from '../monaco/code-errors';
import { useAppStore } from '../stores/app-store';
import { EventDescsEditor } from './EventDescsEditor';
import { FieldCell } from './FieldCell';
import { FunctionsEditor } from './FunctionsEditor';
import { RunPanel } from './RunPanel';
import { exportedFunctions } from './service-code';
import { serviceDefinitionOf, serviceErrorsOf, validateServiceDraft } from './service-draft';
import { createServiceEditorStore, isDirty } from './service-editor-store';
import './services.css';

/** A service's page: its functions and declared events as forms, service.ts, and a Run panel. */
export function ServicePage({ name, tabKey }: { name: string; tabKey: string }) {
  const t = useT();
  const message = useMessage();
  const store = useMemo(() => createServiceEditorStore(), []);
  const state = useStore(store);
  const apply = state.apply;
  const refresh = useAppStore((s) => s.refresh);
  const services = useAppStore((s) => s.services);
  const summary = useAppStore((s) => s.elements.find((e) => e.name === name));
  const [saving, setSaving] = useState(false);
  const [tried, setTried] = useState(false);
  const [recordsOpen, setRecordsOpen] = useState(false);

  const dirty = isDirty(state);
  const onLoaded = useCallback((doc: ElementDocument) => apply({ type: 'loaded', doc }), [apply]);
  const { loadError, load } = useElementDocument({ name, tabKey, dirty, onLoaded });

  const { draft, doc } = state;
  const clientErrors = useMemo(() => (draft ? validateServiceDraft(draft, t) : {}), [draft, t]);
  const errors = mergeErrors(tried ? clientErrors : {}, state.serverErrors);
  const exported = useMemo(() => exportedFunctions(state.code), [state.code]);

  const save = useCallback(async () => {
    // Read the store, not the last render: Ctrl+S can follow a paste before React re-renders.
    const current = store.getState();
    if (!current.draft || !current.doc) return;
    setTried(true);
    if (hasErrors(validateServiceDraft(current.draft, t))) return;
    setSaving(true);
    try {
      const updated = await elementsApi.update(
        name,
        serviceDefinitionOf(current.draft),
        current.doc.version,
        current.code,
      );
      apply({ type: 'loaded', doc: updated });
      setTried(false);
      message.success(t('service.saved'));
      // Pickers, the publish typings and the custom-event dialog read the services from the store.
      await refresh();
    } catch (error) {
      if (error instanceof ApiError) {
        const inUse = error.code === 'IN_USE' ? error.message : null;
        const errs = inUse ? {} : serviceErrorsOf(error.details);
        if (!inUse && !hasErrors(errs)) errs._ = [error.message];
        apply({ type: 'saveFailed', errors: errs, inUse, stale: error.code === 'STALE' });
      } else apply({ type: 'saveFailed', errors: { _: [(error as Error).message] } });
    } finally {
      setSaving(false);
    }
  }, [apply, message, name, refresh, store, t]);

  const remove = useRemoveElement({
    name,
    page: 'service',
    confirmTitle: t('service.deleteConfirm', { name }),
    deletedText: t('service.deleted', { name }),
    confirmTestId: 'service-delete-confirm',
  });

  if (loadError || !draft || !doc || !state.saved)
    return (
      <ElementLoadState
        loadError={loadError}
        title={t('service.loadFailed')}
        onRetry={() => void load()}
      />
    );

  // A handler function's sample payload names a real declared event: this service's, else any.
  const ownEvent = state.saved.draft.eventDescs[0];
  const declaring = services.find((s) => s.events.length > 0);
  const sampleSender = ownEvent
    ? `${name}.${ownEvent.name}`
    : declaring
      ? `${declaring.name}.${declaring.events[0]!.name}`
      : undefined;
  const loose = errors._ ?? [];
  const codeErrors = errors.code ?? [];
  const problems = summary?.problems ?? [];
  const title = draft.title?.trim() || name.slice('services.'.length);

  return (
    <div className="page service-page" data-testid="service-page">
      <div className="page-header">
        <div className="page-title">
          <span className="page-icon">
            <ApiOutlined />
          </span>
          <div>
            <Typography.Title
              level={4}
              className="page-title-text"
              data-testid="service-page-title"
            >
              {title}
            </Typography.Title>
            <Space size={6} className="page-subtitle">
              <Tag>{t('tree.addService')}</Tag>
              <Typography.Text type="secondary" copyable={{ text: name }}>
                {name}
              </Typography.Text>
              <Typography.Text type="secondary">
                ·{' '}
                {t('service.summary', {
                  functions: draft.functions.length,
                  events: draft.eventDescs.length,
                })}
              </Typography.Text>
            </Space>
          </div>
        </div>
        <Space>
          <Button
            icon={<HistoryOutlined />}
            data-testid="service-records-button"
            onClick={() => setRecordsOpen(true)}
          >
            {t('service.records')}
          </Button>
          <Tooltip title={t('service.delete')}>
            <Button
              danger
              icon={<DeleteOutlined />}
              data-testid="service-delete"
              aria-label={t('service.delete')}
              onClick={remove}
            />
          </Tooltip>
          <Badge dot={dirty} offset={[-4, 4]}>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={saving}
              data-testid="service-save"
              onClick={() => void save()}
            >
              {t('service.save')}
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
      {state.inUse && (
        <Alert
          type="error"
          showIcon
          className="page-alert"
          data-testid="service-in-use"
          title={t('service.inUse')}
          description={state.inUse}
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
          data-testid="service-save-error"
          title={loose.join(' · ')}
        />
      )}

      <Row gutter={14} align="top">
        <Col xs={24} xl={11}>
          <Card className="page-card" size="small" title={t('service.settings')}>
            <div className="svc-title-row">
              <span className="muted">{t('service.title')}</span>
              <FieldCell errors={errors.title} className="grow">
                <Input
                  data-testid="service-title"
                  value={draft.title ?? ''}
                  maxLength={200}
                  onChange={(e) => apply({ type: 'title', title: e.target.value })}
                />
              </FieldCell>
            </div>
          </Card>
          <Card
            className="page-card"
            size="small"
            title={<CardTitle text={t('service.functions')} help={t('service.functionsHelp')} />}
            extra={
              <Button
                size="small"
                icon={<PlusOutlined />}
                data-testid="service-add-function"
                onClick={() => apply({ type: 'addFunction' })}
              >
                {t('service.addFunction')}
              </Button>
            }
          >
            <FunctionsEditor
              functions={draft.functions}
              exported={exported}
              errors={errors}
              apply={apply}
            />
          </Card>
          <Card
            className="page-card"
            size="small"
            title={<CardTitle text={t('service.events')} help={t('service.eventsHelp')} />}
            extra={
              <Button
                size="small"
                icon={<PlusOutlined />}
                data-testid="service-add-event"
                onClick={() => apply({ type: 'addEventDesc' })}
              >
                {t('service.addEvent')}
              </Button>
            }
          >
            <EventDescsEditor
              service={name}
              eventDescs={draft.eventDescs}
              errors={errors}
              apply={apply}
            />
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Card
            className="page-card code-card"
            size="small"
            title={t('service.code')}
            extra={
              <Typography.Text type="secondary" className="code-help">
                TypeScript · Ctrl/Cmd+S
              </Typography.Text>
            }
            styles={{ body: { padding: 0 } }}
          >
            {codeErrors.length > 0 && (
              <Alert
                type="error"
                showIcon
                banner
                data-testid="service-code-error"
                title={t('event.compileErrors')}
                description={codeErrors.join('\n')}
              />
            )}
            <CodeEditor
              testId="service-code"
              path={`file:///${name.replace('.', '/')}/service.ts`}
              value={state.code}
              onChange={(code) => apply({ type: 'code', code })}
              onSave={() => void save()}
              markers={codeMarkers(codeErrors.map((reason) => ({ field: 'code', reason })))}
              height="max(360px, calc(100vh - 560px))"
            />
          </Card>
          <Card
            className="page-card"
            size="small"
            title={
              <Space size={6}>
                <PlayCircleOutlined />
                {t('run.title')}
              </Space>
            }
          >
            <RunPanel
              service={name}
              functions={state.saved.draft.functions}
              sampleSender={sampleSender}
              dirty={dirty}
            />
          </Card>
        </Col>
      </Row>

      <RecordsDrawer
        open={recordsOpen}
        event={name}
        title={title}
        onClose={() => setRecordsOpen(false)}
      />
    </div>
  );
}

function CardTitle({ text, help }: { text: string; help: string }) {
  return (
    <Space size={6}>
      {text}
      <Tooltip title={help}>
        <QuestionCircleOutlined className="muted svc-help" />
      </Tooltip>
    </Space>
  );
}
