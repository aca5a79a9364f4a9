import { ApiOutlined } from '@ant-design/icons';
import type { HandlerRef } from '@whenthen/schema';
import { Alert, Button } from 'antd';
import { useT } from '../../i18n';
import { navigate } from '../../router/use-route';

/** On an event page whose handler is a service function: handler.ts is kept but not run. */
export function ServiceHandlerNote({ handler }: { handler: HandlerRef }) {
  const t = useT();
  if (handler.type !== 'service' || !handler.service) return null;
  return (
    <Alert
      type="info"
      showIcon
      icon={<ApiOutlined />}
      className="page-alert"
      data-testid="event-service-handler"
      title={t('handler.runsService', { handler: `${handler.service}.${handler.function}` })}
      action={
        <Button size="small" onClick={() => navigate({ page: 'service', name: handler.service })}>
          {t('handler.openService')}
        </Button>
      }
    />
  );
}
