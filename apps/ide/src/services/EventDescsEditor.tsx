import { DeleteOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Tooltip, Typography } from 'antd';
import { useT } from '../i18n';
import type { FieldErrors } from '../kinds/types';
import { FieldCell, statusOf } from './FieldCell';
import type { EventDescDraft } from './service-draft';
import type { ServiceEditorChange } from './service-editor-store';

type Props = {
  service: string;
  eventDescs: readonly EventDescDraft[];
  errors: FieldErrors;
  apply: (change: ServiceEditorChange) => void;
};

/** The events a service declares: name, title, description; each one's sender shown beneath. */
export function EventDescsEditor({ service, eventDescs, errors, apply }: Props) {
  const t = useT();
  if (eventDescs.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('service.noEvents')}
        className="svc-empty"
      />
    );
  return (
    <div className="svc-events">
      {eventDescs.map((desc, i) => {
        const key = (k: string) => errors[`eventDescs.${i}.${k}`];
        const update = (patch: Partial<EventDescDraft>) =>
          apply({ type: 'updateEventDesc', index: i, patch });
        return (
          <div className="svc-event" key={i} data-testid="service-event" data-name={desc.name}>
            <div className="svc-event-head">
              <FieldCell errors={key('name')} testId="service-event-name" className="svc-fn-name">
                <Input
                  className="mono"
                  data-testid="service-event-name"
                  value={desc.name}
                  placeholder={t('service.eventName')}
                  status={statusOf(key('name'))}
                  onChange={(e) => update({ name: e.target.value })}
                />
              </FieldCell>
              <FieldCell errors={key('title')} className="grow">
                <Input
                  data-testid="service-event-title"
                  value={desc.title ?? ''}
                  placeholder={t('service.eventTitle')}
                  onChange={(e) => update({ title: e.target.value })}
                />
              </FieldCell>
              <Tooltip title={t('service.removeEvent')}>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  data-testid="service-event-remove"
                  aria-label={t('service.removeEvent')}
                  onClick={() => apply({ type: 'removeEventDesc', index: i })}
                />
              </Tooltip>
            </div>
            <FieldCell errors={key('desc')}>
              <Input.TextArea
                data-testid="service-event-desc"
                value={desc.desc ?? ''}
                placeholder={t('service.eventDesc')}
                autoSize={{ minRows: 1, maxRows: 4 }}
                onChange={(e) => update({ desc: e.target.value })}
              />
            </FieldCell>
            <Typography.Text
              type="secondary"
              className="mono small svc-sender"
              copyable={desc.name ? { text: `${service}.${desc.name.trim()}` } : false}
            >
              {service}.{desc.name.trim() || '…'}
            </Typography.Text>
          </div>
        );
      })}
    </div>
  );
}
