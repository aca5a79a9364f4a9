import { AppstoreOutlined, CodeOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import { useT } from '../i18n';
import { useHandlerView, type HandlerView } from './view-prefs';

/** The visual/code switch of the event page's top bar. */
export function ViewSwitch() {
  const t = useT();
  const view = useHandlerView((s) => s.view);
  const setView = useHandlerView((s) => s.setView);
  return (
    <Segmented<HandlerView>
      data-testid="view-switch"
      value={view}
      onChange={setView}
      options={[
        {
          value: 'visual',
          label: <span data-testid="view-visual">{t('blocks.view.visual')}</span>,
          icon: <AppstoreOutlined />,
        },
        {
          value: 'code',
          label: <span data-testid="view-code">{t('blocks.view.code')}</span>,
          icon: <CodeOutlined />,
        },
      ]}
    />
  );
}
