import { FunctionOutlined } from '@ant-design/icons';
import type { HandlerInfo } from '@whenthen/blocks';
import { Popover, Tag, Tooltip, Typography } from 'antd';
import { useT } from '../i18n';
import type { HandlerPayload, PayloadField } from '../kinds/payload';

function FieldList({ fields, eventName }: { fields: readonly PayloadField[]; eventName: string }) {
  return (
    <ul className="payload-fields">
      {fields.map((field) => (
        <li key={field.path.join('.')}>
          <span className="mono">{[eventName, ...field.path].join('.')}</span>
          <span className="payload-label">{field.label}</span>
          <span className="pick-type">{field.type}</span>
          {field.children && <FieldList fields={field.children} eventName={eventName} />}
        </li>
      ))}
    </ul>
  );
}

/**
 * The block editor's header: the handler's parameters, the event payload typed from the event's
 * kind and model, and what it returns.
 */
export function HandlerSignature({
  handler,
  payload,
}: {
  handler: HandlerInfo | null;
  payload: HandlerPayload | null;
}) {
  const t = useT();
  const eventName = handler?.eventName ?? handler?.params[0]?.name ?? 'event';
  const appName = handler?.appName ?? handler?.params[1]?.name ?? 'app';
  const returns = handler?.returnType ?? payload?.returns ?? 'Promise<void>';
  return (
    <div className="handler-signature" data-testid="handler-signature">
      <FunctionOutlined className="handler-signature-icon" />
      <Typography.Text strong>{t('blocks.header.handler')}</Typography.Text>
      <span className="handler-signature-part">
        <Typography.Text type="secondary">{t('blocks.header.parameter')}</Typography.Text>
        <Popover
          trigger="click"
          placement="bottomLeft"
          title={payload?.title}
          content={
            payload ? (
              <div className="payload-popover">
                <FieldList fields={payload.fields} eventName={eventName} />
              </div>
            ) : null
          }
        >
          <Tag color="blue" className="handler-param" data-testid="handler-param">
            <span className="mono">{eventName}</span>
            {payload && <span className="handler-param-type">: {payload.type}</span>}
          </Tag>
        </Popover>
        <Tooltip title={t('blocks.header.appHelp')}>
          <Tag className="handler-param">
            <span className="mono">{appName}</span>: App
          </Tag>
        </Tooltip>
      </span>
      <span className="handler-signature-part">
        <Typography.Text type="secondary">{t('blocks.header.returns')}</Typography.Text>
        <Tag className="mono" data-testid="handler-returns">
          {returns}
        </Tag>
      </span>
    </div>
  );
}
