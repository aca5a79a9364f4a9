import {
  HistoryOutlined,
  PlusOutlined,
  TableOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Spin, Statistic, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { executionsApi } from '../api/endpoints';
import type { Execution } from '../api/types';
import { formatDuration, formatTime } from '../executions/format';
import { StatusTag } from '../executions/StatusTag';
import { useT } from '../i18n';
import { EVENT_KINDS } from '../kinds/registry';
import { shortOf } from '../layout/element-types';
import { navigate } from '../router/use-route';
import { useAppStore } from '../stores/app-store';
import { useUiStore } from '../stores/ui-store';

/** The overview shown in the first tab: what the application holds and what ran last. */
export function HomePage() {
  const t = useT();
  const elements = useAppStore((s) => s.elements);
  const openNewEvent = useUiStore((s) => s.openNewEvent);
  const [recent, setRecent] = useState<Execution[] | null>(null);
  const models = elements.filter((e) => e.type === 'model');
  const events = elements.filter((e) => e.type === 'event');
  const firstKind = Object.values(EVENT_KINDS)[0];

  useEffect(() => {
    executionsApi
      .list({ limit: 8, offset: 0 })
      .then((page) => setRecent(page.items))
      .catch(() => setRecent([]));
  }, [elements]);

  return (
    <div className="page home-page" data-testid="home-page">
      <div className="home-hero">
        <div>
          <Typography.Title level={3}>{t('home.title')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('home.lead')}</Typography.Paragraph>
        </div>
        {firstKind && (
          <Button
            type="primary"
            size="large"
            icon={<PlusOutlined />}
            data-testid="home-new-event"
            onClick={() => openNewEvent(firstKind.kind)}
          >
            {t(firstKind.titleKey)}
          </Button>
        )}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card className="page-card">
            <Statistic title={t('home.models')} value={models.length} prefix={<TableOutlined />} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card className="page-card">
            <Statistic
              title={t('home.events')}
              value={events.length}
              prefix={<ThunderboltOutlined />}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card className="page-card">
            <Statistic
              title={t('home.enabled')}
              value={events.filter((e) => e.enabled).length}
              suffix={`/ ${events.length}`}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card className="page-card" title={t('app.tagline')}>
            <Steps
              orientation="vertical"
              size="small"
              current={-1}
              items={[t('home.step1'), t('home.step2'), t('home.step3'), t('home.step4')].map(
                (title) => ({ title }),
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            className="page-card"
            title={t('home.recentRuns')}
            extra={
              <Button
                type="link"
                icon={<HistoryOutlined />}
                onClick={() => navigate({ page: 'executions' })}
              >
                {t('header.records')}
              </Button>
            }
          >
            <Spin spinning={recent === null}>
              {recent && recent.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noRuns')} />
              ) : (
                <ul className="plain-list">
                  {(recent ?? []).map((run) => (
                    <li
                      key={run.id}
                      className="plain-list-item clickable"
                      onClick={() => navigate({ page: 'execution', id: run.id })}
                    >
                      <div className="plain-list-main">
                        <div className="plain-list-title">
                          <StatusTag status={run.status} />{' '}
                          {elements.find((e) => e.name === run.event)?.title || shortOf(run.event)}
                        </div>
                        <div className="plain-list-sub">
                          {formatTime(run.startedAt)}
                          {run.error ? ` · ${run.error.message}` : ''}
                        </div>
                      </div>
                      <span className="muted">{formatDuration(run.durationMs, t)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Spin>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
