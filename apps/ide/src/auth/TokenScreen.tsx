import { KeyOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../i18n';
import { useAppStore } from '../stores/app-store';
import { useAuthStore } from './auth-store';
import { saveToken } from './token';

/** Shown when the server answers 401: the page was opened without (or with a stale) token. */
export function TokenScreen() {
  const t = useT();
  const reason = useAuthStore((s) => s.reason);
  const accepted = useAuthStore((s) => s.accepted);
  const refresh = useAppStore((s) => s.refresh);
  const [token, setToken] = useState('');
  return (
    <div className="token-screen" data-testid="token-screen">
      <Card className="token-card">
        <div className="token-icon">
          <KeyOutlined />
        </div>
        <Typography.Title level={3}>{t('auth.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('auth.body', { url: `${window.location.origin}/` })}
        </Typography.Paragraph>
        {reason && (
          <Typography.Paragraph type="danger">{t('auth.reason', { reason })}</Typography.Paragraph>
        )}
        <Form
          layout="vertical"
          onFinish={() => {
            saveToken(token.trim());
            accepted();
            void refresh();
          }}
        >
          <Form.Item>
            <Input.Password
              data-testid="token-input"
              size="large"
              autoFocus
              placeholder={t('auth.placeholder')}
              value={token}
              onChange={(e) => setToken(e.target.value)}
            />
          </Form.Item>
          <Button
            type="primary"
            size="large"
            block
            htmlType="submit"
            disabled={!token.trim()}
            data-testid="token-submit"
          >
            {t('auth.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
