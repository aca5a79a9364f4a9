import { NodeIndexOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useT } from '../i18n';
import { ExecutionPath } from './ExecutionPath';

export function ExecutionPathPage({ id }: { id: string }) {
  const t = useT();
  return (
    <div className="page" data-testid="execution-page">
      <div className="page-header">
        <div className="page-title">
          <span className="page-icon">
            <NodeIndexOutlined />
          </span>
          <div>
            <Typography.Title level={4} className="page-title-text">
              {t('path.title')}
            </Typography.Title>
            <Typography.Text type="secondary" className="mono" copyable>
              {id}
            </Typography.Text>
          </div>
        </div>
      </div>
      <ExecutionPath id={id} />
    </div>
  );
}
