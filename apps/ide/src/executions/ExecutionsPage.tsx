import { HistoryOutlined } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { useT } from '../i18n';
import { navigate } from '../router/use-route';
import { ExecutionRecords } from './ExecutionRecords';

/** Execution records of every event. */
export function ExecutionsPage() {
  const t = useT();
  return (
    <div className="page" data-testid="executions-page">
      <div className="page-header">
        <div className="page-title">
          <span className="page-icon">
            <HistoryOutlined />
          </span>
          <Typography.Title level={4} className="page-title-text">
            {t('records.title')}
          </Typography.Title>
        </div>
      </div>
      <Card className="page-card">
        <ExecutionRecords onOpenPath={(run) => navigate({ page: 'execution', id: run.id })} />
      </Card>
    </div>
  );
}
