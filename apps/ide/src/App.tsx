import { App as AntApp, ConfigProvider, Layout, Spin, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useAuthStore } from './auth/auth-store';
import { TokenScreen } from './auth/TokenScreen';
import { useLocaleStore, useT } from './i18n';
import { NewEventDialog } from './kinds/NewEventDialog';
import { ElementTree } from './layout/ElementTree';
import { Header } from './layout/Header';
import { Workspace } from './layout/Workspace';
import { useAppTypings } from './monaco/use-app-typings';
import { useAppStore } from './stores/app-store';

const THEME = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1f5eff',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'PingFang SC', 'Microsoft YaHei', sans-serif",
  },
  components: {
    Layout: {
      headerBg: '#ffffff',
      siderBg: '#ffffff',
      bodyBg: '#f4f6fa',
      headerHeight: 52,
      headerPadding: '0 16px',
    },
    Tree: { directoryNodeSelectedBg: '#e8efff' },
  },
};

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** Whether the system asks for less motion; dialogs and menus then appear without animating. */
function useReducedMotion(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(REDUCED_MOTION);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => window.matchMedia(REDUCED_MOTION).matches,
  );
}

/** The IDE: header, element tree on the left, tabs of pages on the right. */
export function App() {
  const locale = useLocaleStore((s) => s.locale);
  const reducedMotion = useReducedMotion();
  const appTheme = useMemo(
    () => (reducedMotion ? { ...THEME, token: { ...THEME.token, motion: false } } : THEME),
    [reducedMotion],
  );
  useEffect(() => {
    dayjs.locale(locale === 'zh' ? 'zh-cn' : 'en');
    document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
  }, [locale]);
  return (
    <ConfigProvider
      locale={locale === 'zh' ? zhCN : enUS}
      theme={appTheme}
      wave={{ disabled: reducedMotion }}
    >
      <AntApp>
        <Shell />
      </AntApp>
    </ConfigProvider>
  );
}

function Shell() {
  const t = useT();
  const needsToken = useAuthStore((s) => s.needsToken);
  const loaded = useAppStore((s) => s.loaded);
  const loadError = useAppStore((s) => s.loadError);
  const refresh = useAppStore((s) => s.refresh);
  useAppTypings();
  useEffect(() => {
    void refresh();
  }, [refresh]);

  if (needsToken) return <TokenScreen />;
  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header-bar">
        <Header />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={288} className="app-sider" theme="light">
          <ElementTree />
        </Layout.Sider>
        <Layout.Content className="app-content">
          {!loaded ? (
            <div className="center-fill">
              <Spin size="large" description={t('common.loading')} />
            </div>
          ) : (
            <>
              {loadError && (
                <div className="load-error" data-testid="load-error">
                  {loadError}
                </div>
              )}
              <Workspace />
            </>
          )}
        </Layout.Content>
      </Layout>
      <NewEventDialog />
    </Layout>
  );
}
