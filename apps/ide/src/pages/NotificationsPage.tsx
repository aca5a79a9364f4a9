import { BellOutlined, NodeIndexOutlined, ReloadOutlined } from '@ant-design/icons';
import { Avatar, Button, Card, Empty, Pagination, Space, Spin, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { notificationsApi } from '../api/endpoints';
import type { Notification } from '../api/types';
import { formatTime } from '../executions/format';
import { useT } from '../i18n';
import { navigate } from '../router/use-route';

const PAGE = 20;

/** Messages handlers sent with app.notify, newest first. */
export function NotificationsPage() {
  const t = useT();
  const [data, setData] = useState<{ total: number; items: Notification[] }>({
    total: 0,
    items: [],
  });
  const [current, setCurrent] = useState(1);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setData(await notificationsApi.list({ limit: PAGE, offset: (current - 1) * PAGE }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [current]);
  useEffect(() => void load(), [load]);

  return (
    <div className="page" data-testid="notifications-page">
      <div className="page-header">
        <div className="page-title">
          <span className="page-icon">
            <BellOutlined />
          </span>
          <Typography.Title level={4} className="page-title-text">
            {t('notifications.title')}
          </Typography.Title>
        </div>
        <Tooltip title={t('notifications.refresh')}>
          <Button
            icon={<ReloadOutlined />}
            data-testid="notifications-refresh"
            onClick={() => void load()}
          />
        </Tooltip>
      </div>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Card className="page-card">
        {data.items.length === 0 && !loading ? (
          <Empty description={t('notifications.empty')} />
        ) : (
          <Spin spinning={loading}>
            <ul className="plain-list">
              {data.items.map((n) => (
                <li key={n.id} className="plain-list-item" data-testid="notification">
                  <Avatar className="notification-avatar">{n.to.slice(0, 1).toUpperCase()}</Avatar>
                  <div className="plain-list-main">
                    <div className="plain-list-title">
                      <Space size={8}>
                        <span data-testid="notification-title">{n.title}</span>
                        <Typography.Text type="secondary" className="small">
                          {t('notifications.to', { to: n.to })} · {formatTime(n.createdAt)}
                        </Typography.Text>
                      </Space>
                    </div>
                    <div className="plain-list-sub notification-body">{n.body}</div>
                  </div>
                  {n.executionId && (
                    <Button
                      type="link"
                      size="small"
                      icon={<NodeIndexOutlined />}
                      onClick={() => navigate({ page: 'execution', id: n.executionId! })}
                    >
                      {t('notifications.path')}
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </Spin>
        )}
        {data.total > PAGE && (
          <Pagination
            className="list-pagination"
            current={current}
            pageSize={PAGE}
            total={data.total}
            onChange={setCurrent}
          />
        )}
      </Card>
    </div>
  );
}
