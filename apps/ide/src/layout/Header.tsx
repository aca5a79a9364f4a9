import { BellOutlined, GlobalOutlined, HistoryOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Select, Space, Tooltip } from 'antd';
import { InboxNavButton } from '../approvals/InboxNavButton';
import { LOCALES, useLocaleStore, useT, type Locale } from '../i18n';
import { navigate } from '../router/use-route';
import { useAppStore } from '../stores/app-store';

export function Header() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const setLocale = useLocaleStore((s) => s.setLocale);
  const refresh = useAppStore((s) => s.refresh);
  return (
    <div className="app-header">
      <a className="brand" href="#/" data-testid="brand">
        <img src="./favicon.svg" alt="" width={24} height={24} />
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </a>
      <Space size={4}>
        <InboxNavButton />
        <Button
          type="text"
          icon={<HistoryOutlined />}
          data-testid="nav-records"
          onClick={() => navigate({ page: 'executions' })}
        >
          {t('header.records')}
        </Button>
        <Button
          type="text"
          icon={<BellOutlined />}
          data-testid="nav-notifications"
          onClick={() => navigate({ page: 'notifications' })}
        >
          {t('header.notifications')}
        </Button>
        <Tooltip title={t('header.reload')}>
          <Button
            type="text"
            icon={<ReloadOutlined />}
            data-testid="nav-reload"
            onClick={() => void refresh()}
          />
        </Tooltip>
        <Select
          data-testid="language-switch"
          aria-label={t('header.language')}
          prefix={<GlobalOutlined />}
          variant="borderless"
          value={locale}
          popupMatchSelectWidth={false}
          options={Object.entries(LOCALES).map(([value, { label }]) => ({
            value,
            label: <span data-testid={`language-${value}`}>{label}</span>,
          }))}
          onChange={(value: Locale) => setLocale(value)}
        />
      </Space>
    </div>
  );
}
