import { CaretRightOutlined, NodeIndexOutlined, ReloadOutlined } from '@ant-design/icons';
import type { FieldType } from '@whenthen/schema';
import { Alert, Button, Empty, Form, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/client';
import type { Execution } from '../api/types';
import { FieldValueInput } from '../components/FieldValueInput';
import { JsonView } from '../components/JsonView';
import { formatDuration } from '../executions/format';
import { runKindLabel, runTitle } from '../executions/run-labels';
import { StatusTag } from '../executions/StatusTag';
import { useT } from '../i18n';
import { navigate } from '../router/use-route';
import { useAppStore } from '../stores/app-store';
import {
  argsFormOf,
  argsOf,
  isFieldParam,
  PAYLOAD_KEY,
  samplePayload,
  type ArgValues,
} from './run-args';
import { runsInOrder } from './run-tree';
import { servicesApi } from './service-api';
import type { FunctionDraft } from './service-draft';

type Outcome =
  | { status: 'done'; result: unknown; requestId: string }
  | { status: 'failed'; code: string; message: string; executionId: string | null };

type Props = {
  service: string;
  /** The functions as saved: the server runs the saved service. */
  functions: readonly FunctionDraft[];
  /** The first declared event, for a sample custom payload. */
  sampleSender?: string;
  dirty: boolean;
};

/** Calls a function of the service with a form for its arguments; shows the result and the runs. */
export function RunPanel({ service, functions, sampleSender, dirty }: Props) {
  const t = useT();
  const elements = useAppStore((s) => s.elements);
  const [fnName, setFnName] = useState<string | undefined>(functions[0]?.name);
  const [values, setValues] = useState<Record<string, ArgValues>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [runs, setRuns] = useState<Execution[] | null>(null);

  useEffect(() => {
    if (!functions.some((f) => f.name === fnName)) setFnName(functions[0]?.name);
  }, [functions, fnName]);

  const fn = functions.find((f) => f.name === fnName);
  const form = useMemo(() => (fn ? argsFormOf(fn.params) : null), [fn]);
  const fnValues = (fnName && values[fnName]) || {};
  const payloadText =
    form?.mode === 'payload'
      ? ((fnValues[PAYLOAD_KEY] as string | undefined) ??
        samplePayload(form.kind, { sender: sampleSender }))
      : '';
  const setValue = (key: string, value: unknown) => {
    if (!fnName) return;
    setValues((v) => ({ ...v, [fnName]: { ...v[fnName], [key]: value } }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };

  const titleOf = useCallback(
    (name: string) => elements.find((e) => e.name === name)?.title || undefined,
    [elements],
  );

  const loadRuns = useCallback(async (requestId: string) => {
    try {
      setRuns((await servicesApi.runsOf(requestId)).items);
    } catch {
      setRuns([]);
    }
  }, []);

  // Async subscribers run after the call returns; look again while any is still on its way.
  const pending = runs?.some((r) => r.status === 'queued' || r.status === 'running');
  useEffect(() => {
    if (!pending || outcome?.status !== 'done') return;
    const timer = window.setTimeout(() => void loadRuns(outcome.requestId), 1200);
    return () => window.clearTimeout(timer);
  }, [pending, outcome, loadRuns]);

  const run = async () => {
    if (!fn || !form) return;
    const body = argsOf(form, form.mode === 'payload' ? { [PAYLOAD_KEY]: payloadText } : fnValues, {
      invalidJson: t('run.invalidJson'),
      required: t('run.required'),
    });
    if (!body.ok) {
      setErrors(body.errors);
      return;
    }
    setErrors({});
    setRunning(true);
    setRuns(null);
    try {
      const answer = await servicesApi.call(service, fn.name, body.args);
      setOutcome({ status: 'done', result: answer.result, requestId: answer.requestId });
      await loadRuns(answer.requestId);
    } catch (error) {
      if (error instanceof ApiError) {
        // Argument problems go beside their inputs; the rest is the call's failure.
        const byParam = Object.fromEntries(error.details.map((d) => [d.field, d.reason]));
        if (error.code === 'VALIDATION_FAILED' && fn.params.some((p) => byParam[p.name]))
          setErrors(byParam);
        setOutcome({
          status: 'failed',
          code: error.code,
          message: error.message,
          executionId: error.executionId,
        });
      } else
        setOutcome({
          status: 'failed',
          code: 'ERROR',
          message: (error as Error).message,
          executionId: null,
        });
    } finally {
      setRunning(false);
    }
  };

  if (functions.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('run.noFunctions')}
        data-testid="run-panel"
      />
    );

  const root = runs?.find((r) => !r.parentId) ?? runs?.[runs.length - 1];
  return (
    <div className="svc-run" data-testid="run-panel">
      {dirty && (
        <Alert type="warning" showIcon className="svc-run-alert" title={t('run.unsaved')} />
      )}
      <Form layout="vertical" className="svc-run-form" onFinish={() => void run()}>
        <Form.Item label={t('run.function')}>
          <Select
            data-testid="run-function"
            value={fnName}
            onChange={(name: string) => {
              setFnName(name);
              setOutcome(null);
              setRuns(null);
              setErrors({});
            }}
            options={functions.map((f) => ({
              value: f.name,
              label: (
                <span>
                  {f.title || f.name} <span className="mono muted small">{f.name}</span>
                </span>
              ),
            }))}
          />
        </Form.Item>
        {form?.mode === 'payload' && (
          <Form.Item
            label={t('run.payload', { type: form.param.type })}
            extra={t('run.payloadHelp', { type: form.param.type })}
            validateStatus={errors[PAYLOAD_KEY] ? 'error' : undefined}
            help={errors[PAYLOAD_KEY] || undefined}
          >
            <Input.TextArea
              className="mono"
              data-testid="run-arg-payload"
              autoSize={{ minRows: 4, maxRows: 14 }}
              value={payloadText}
              onChange={(e) => setValue(PAYLOAD_KEY, e.target.value)}
            />
          </Form.Item>
        )}
        {form?.mode === 'fields' &&
          form.params.map((param) => (
            <Form.Item
              key={param.name}
              required={!!param.required}
              label={
                <Space size={6}>
                  <span className="mono">{param.name}</span>
                  <Tag className="small-tag">{param.type}</Tag>
                </Space>
              }
              validateStatus={errors[param.name] ? 'error' : undefined}
              help={
                errors[param.name] ? (
                  <span data-testid={`run-arg-${param.name}-error`}>{errors[param.name]}</span>
                ) : undefined
              }
            >
              {isFieldParam(param.type) ? (
                <FieldValueInput
                  field={{ name: param.name, type: param.type as FieldType }}
                  value={fnValues[param.name] ?? null}
                  onChange={(value) => setValue(param.name, value)}
                  testId={`run-arg-${param.name}`}
                />
              ) : (
                <Input.TextArea
                  className="mono"
                  data-testid={`run-arg-${param.name}`}
                  autoSize={{ minRows: 1, maxRows: 8 }}
                  placeholder="JSON"
                  value={(fnValues[param.name] as string | undefined) ?? ''}
                  onChange={(e) => setValue(param.name, e.target.value)}
                />
              )}
            </Form.Item>
          ))}
        <Button
          type="primary"
          htmlType="submit"
          icon={<CaretRightOutlined />}
          loading={running}
          data-testid="run-submit"
        >
          {t('run.submit')}
        </Button>
      </Form>

      {outcome?.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          className="svc-run-outcome"
          data-testid="run-error"
          title={t('run.failed')}
          description={
            <>
              <span className="mono">{outcome.code}</span> {outcome.message}
            </>
          }
          action={
            outcome.executionId ? (
              <Button
                size="small"
                icon={<NodeIndexOutlined />}
                onClick={() => navigate({ page: 'execution', id: outcome.executionId! })}
              >
                {t('run.openFailedRun')}
              </Button>
            ) : undefined
          }
        />
      )}
      {outcome?.status === 'done' && (
        <div className="svc-run-outcome">
          <div className="svc-run-label">
            <Typography.Text strong>{t('run.result')}</Typography.Text>
            <Typography.Text
              type="secondary"
              className="mono small"
              copyable={{ text: outcome.requestId }}
            >
              {t('run.request', { id: outcome.requestId })}
            </Typography.Text>
          </div>
          <JsonView value={outcome.result} testId="run-result" maxHeight={220} />
          <div className="svc-run-label">
            <Typography.Text strong>{t('run.runs')}</Typography.Text>
            <Space size={4}>
              {root && (
                <Button
                  size="small"
                  icon={<NodeIndexOutlined />}
                  data-testid="run-open-path"
                  onClick={() => navigate({ page: 'execution', id: root.id })}
                >
                  {t('run.openPath')}
                </Button>
              )}
              <Tooltip title={t('run.refresh')}>
                <Button
                  size="small"
                  icon={<ReloadOutlined />}
                  aria-label={t('run.refresh')}
                  data-testid="run-refresh"
                  onClick={() => void loadRuns(outcome.requestId)}
                />
              </Tooltip>
            </Space>
          </div>
          <div className="svc-runs" data-testid="run-runs">
            {runs?.length === 0 && (
              <Typography.Text type="secondary">{t('run.noRuns')}</Typography.Text>
            )}
            {runsInOrder(runs ?? []).map(({ run, level }) => (
              <button
                type="button"
                key={run.id}
                className="svc-run-row"
                style={{ paddingLeft: 8 + level * 18 }}
                data-testid="run-link"
                data-kind={run.kind}
                data-event={run.event}
                data-status={run.status}
                onClick={() => navigate({ page: 'execution', id: run.id })}
              >
                {level > 0 && <span className="svc-run-branch">└</span>}
                <span className="svc-run-title">{runTitle(run, titleOf)}</span>
                <span className="muted small">{runKindLabel(run, t)}</span>
                <span className="grow" />
                <span className="muted small">{formatDuration(run.durationMs, t)}</span>
                <StatusTag status={run.status} />
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
