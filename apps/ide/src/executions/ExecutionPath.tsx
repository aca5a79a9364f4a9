import { ThunderboltOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Empty,
  Result,
  Row,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { executionsApi } from '../api/endpoints';
import type { Execution, ExecutionDetail } from '../api/types';
import { JsonView } from '../components/JsonView';
import { useT } from '../i18n';
import { shortOf } from '../layout/element-types';
import { RunBlocks } from '../blocks/RunBlocks';
import { CodeEditor } from '../monaco/CodeEditor';
import { navigate } from '../router/use-route';
import { useAppStore } from '../stores/app-store';
import { formatDuration, formatTime, preview } from './format';
import { runElementRoute, runKindLabel, runTitle } from './run-labels';
import { RunCanvas } from './RunCanvas';
import { StatusTag } from './StatusTag';
import { buildStepTree, failingStep, type StepNode } from './step-tree';
import { StepsTree } from './StepsTree';

/**
 * A run's execution path: the request's chain of runs on a canvas, and for the selected run its
 * steps and the code that ran, with the selected (or failing) step's lines highlighted.
 */
export function ExecutionPath({ id }: { id: string }) {
  const t = useT();
  const [chain, setChain] = useState<Execution[]>([]);
  const [selectedRun, setSelectedRun] = useState(id);
  const [details, setDetails] = useState<Record<string, ExecutionDetail>>({});
  const [error, setError] = useState<string | null>(null);

  const fetchRun = useCallback(async (runId: string) => {
    try {
      const detail = await executionsApi.get(runId);
      setDetails((d) => ({ ...d, [runId]: detail }));
      if (detail.chain?.length) setChain(detail.chain);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    setSelectedRun(id);
    void fetchRun(id);
  }, [id, fetchRun]);

  useEffect(() => {
    if (!details[selectedRun]) void fetchRun(selectedRun);
  }, [selectedRun, details, fetchRun]);

  const detail = details[selectedRun];
  const pending = detail && (detail.status === 'queued' || detail.status === 'running');
  useEffect(() => {
    if (!pending) return;
    const timer = window.setTimeout(() => void fetchRun(selectedRun), 1500);
    return () => window.clearTimeout(timer);
  }, [pending, selectedRun, fetchRun]);

  if (error && !detail)
    return (
      <Result
        status="warning"
        title={t('path.loadFailed')}
        subTitle={error}
        extra={<Button onClick={() => void fetchRun(selectedRun)}>{t('common.retry')}</Button>}
      />
    );

  const runs = chain.length ? chain : detail ? [detail] : [];
  return (
    <div className="execution-path" data-testid="path-view">
      <Card
        className="page-card"
        size="small"
        title={t('path.chain')}
        styles={{ body: { padding: 0 } }}
      >
        {runs.length > 0 ? (
          <RunCanvas chain={runs} selectedId={selectedRun} onSelect={setSelectedRun} />
        ) : (
          <div className="center-fill" style={{ height: 240 }}>
            <Spin />
          </div>
        )}
      </Card>
      {detail ? <RunDetail key={detail.id} run={detail} /> : <Spin className="center-fill" />}
    </div>
  );
}

function RunDetail({ run }: { run: ExecutionDetail }) {
  const t = useT();
  const elements = useAppStore((s) => s.elements);
  const roots = useMemo(() => buildStepTree(run.steps ?? []), [run.steps]);
  const failing = useMemo(() => failingStep(roots), [roots]);
  const [selected, setSelected] = useState<StepNode | null>(failing);
  const title = runTitle(run, (name) => elements.find((e) => e.name === name)?.title || undefined);
  const owner = runElementRoute(run);

  // Highlight the chosen step; without one, the line the error names.
  const highlight = selected?.line
    ? {
        start: selected.line,
        end: selected.endLine ?? selected.line,
        failed: selected.status === 'failed',
      }
    : run.error?.line
      ? { start: run.error.line, end: run.error.line, failed: true }
      : null;

  return (
    <>
      <Card className="page-card" size="small">
        <div className="run-summary">
          <div className="run-summary-head">
            <ThunderboltOutlined />
            <Typography.Text strong className="run-summary-title">
              {title}
            </Typography.Text>
            <StatusTag status={run.status} testId="path-status" />
            {run.rolledBack && <Tag>{t('records.rolledBack')}</Tag>}
            <Button type="link" size="small" onClick={() => navigate(owner)}>
              {owner.page === 'service' ? t('handler.openService') : t('path.openEvent')}
            </Button>
          </div>
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, md: 3, xl: 4 }}
            items={[
              { key: 'trigger', label: t('path.trigger'), children: triggerText(run) },
              {
                key: 'timing',
                label: t('records.timing'),
                children: runKindLabel(run, t),
              },
              {
                key: 'mode',
                label: t('path.mode'),
                children: `${run.mode}${run.attempt > 1 ? ` · ${t('records.attempt', { attempt: run.attempt })}` : ''}`,
              },
              {
                key: 'handler',
                label: t('records.handler'),
                children: <span className="mono">{run.handler}</span>,
              },
              {
                key: 'started',
                label: t('path.started'),
                children: formatTime(run.startedAt, true),
              },
              { key: 'ended', label: t('path.ended'), children: formatTime(run.endedAt, true) },
              {
                key: 'duration',
                label: t('records.duration'),
                children: formatDuration(run.durationMs, t),
              },
              {
                key: 'request',
                label: t('path.request'),
                children: (
                  <Typography.Text className="mono" copyable>
                    {run.requestId}
                  </Typography.Text>
                ),
              },
              ...(run.skipReason
                ? [{ key: 'skip', label: t('path.skipReason'), children: run.skipReason }]
                : []),
            ]}
          />
          {run.error && (
            <Alert
              type="error"
              showIcon
              data-testid="path-error"
              title={
                // A message of thousands of characters would push the stack and the steps off the
                // screen: three lines, the whole of it on hover (and in the stack below).
                <span className="path-error-title" title={run.error.message}>
                  <span className="mono">{run.error.code}</span>
                  {run.error.line ? (
                    <Tag className="error-line-tag">{t('path.line', { line: run.error.line })}</Tag>
                  ) : null}{' '}
                  {run.error.message}
                </span>
              }
              description={
                run.error.stack ? <pre className="stack">{run.error.stack}</pre> : undefined
              }
            />
          )}
        </div>
      </Card>
      <Row gutter={12} className="path-panels">
        <Col xs={24} xl={11}>
          <Card
            className="page-card"
            size="small"
            title={t('path.steps')}
            styles={{ body: { padding: 8 } }}
          >
            <div className="steps-scroll" data-testid="path-steps">
              <StepsTree roots={roots} selectedId={selected?.id ?? null} onSelect={setSelected} />
            </div>
            {selected && <StepDetail step={selected} />}
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Card
            className="page-card"
            size="small"
            title={t('path.code')}
            styles={{ body: { padding: 0 } }}
          >
            {run.code !== null && run.code !== undefined ? (
              <>
                <RunBlocks code={run.code} step={selected} />
                <CodeEditor
                  testId="path-code"
                  readOnly
                  path={`file:///runs/${run.id}/handler.ts`}
                  value={run.code}
                  height={480}
                  highlight={highlight}
                />
              </>
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('path.noCode')}
                style={{ padding: 24 }}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Collapse
        className="page-card"
        items={[
          {
            key: 'io',
            label: t('path.payload'),
            children: (
              <Row gutter={12}>
                <Col span={12}>
                  <Typography.Text type="secondary">{t('path.input')}</Typography.Text>
                  <JsonView value={run.input} testId="path-input" />
                </Col>
                <Col span={12}>
                  <Typography.Text type="secondary">{t('path.output')}</Typography.Text>
                  <JsonView value={run.output} testId="path-output" />
                </Col>
              </Row>
            ),
          },
        ]}
      />
    </>
  );
}

function triggerText(run: Execution): string {
  const trigger = run.trigger;
  if (!trigger) return '—';
  const parts = [
    trigger.model ? shortOf(trigger.model) : null,
    trigger.op,
    trigger.recordId !== null && trigger.recordId !== undefined ? `#${trigger.recordId}` : null,
  ];
  return parts.filter(Boolean).join(' · ') || preview(trigger);
}

function StepDetail({ step }: { step: StepNode }) {
  const t = useT();
  const hasCalls = (step.calls?.length ?? 0) > 0;
  if (!hasCalls && !step.error && !step.logs?.length) return null;
  return (
    <div className="step-detail" data-testid="step-detail">
      {step.calls?.map((call, i) => (
        <div key={i} className="step-detail-call">
          <Typography.Text strong className="mono">
            {call.path}
          </Typography.Text>
          <Row gutter={8}>
            <Col span={12}>
              <Typography.Text type="secondary">{t('path.input')}</Typography.Text>
              <JsonView value={call.args} maxHeight={160} />
            </Col>
            <Col span={12}>
              <Typography.Text type="secondary">
                {call.error !== undefined ? t('path.error') : t('path.output')}
              </Typography.Text>
              <JsonView
                value={call.error !== undefined ? call.error : call.result}
                maxHeight={160}
              />
            </Col>
          </Row>
        </div>
      ))}
      {step.logs && step.logs.length > 0 && (
        <>
          <Typography.Text type="secondary">{t('path.logs')}</Typography.Text>
          <pre className="json-view" style={{ maxHeight: 260 }}>
            {step.logs.join('\n')}
          </pre>
        </>
      )}
      {step.error && (
        <>
          <Typography.Text type="secondary">{t('path.error')}</Typography.Text>
          <pre className="json-view error-text" style={{ maxHeight: 260 }}>
            {step.error.stack ?? step.error.message}
          </pre>
        </>
      )}
    </div>
  );
}
