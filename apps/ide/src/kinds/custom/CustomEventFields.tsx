import { LockOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useNewServiceStore } from '../../services/new-service-store';
import { useUiStore } from '../../stores/ui-store';
import { FormItem } from '../FormItem';
import { fieldTestId } from '../test-ids';
import type { KindFieldsProps } from '../types';
import {
  declaredEvents,
  searchDeclared,
  type CustomEventDraft,
  type DeclaredEvent,
} from './custom-draft';
import '../../services/services.css';

/** Lists to search once they are this long. */
const SEARCH_FROM = 6;

/**
 * The custom event's part of the form: which declared event it subscribes to. The dialog lists the
 * declared events of all services with title and description; on the event page it is fixed.
 */
export function CustomEventFields({
  draft: raw,
  onChange,
  errors,
  mode,
  context,
}: KindFieldsProps) {
  const { t, services } = context;
  const draft = raw as CustomEventDraft;
  const tid = (name: string) => fieldTestId(mode, name);
  const all = useMemo(() => declaredEvents(services), [services]);
  const [query, setQuery] = useState('');
  const shown = searchDeclared(all, query);
  const chosen = all.find((e) => e.sender === draft.sender);
  const closeNewEvent = useUiStore((s) => s.closeNewEvent);
  const openNewService = useNewServiceStore((s) => s.open);

  const body = (event: DeclaredEvent) => (
    <>
      <span className="sender-option-head">
        <span className="sender-option-title">{event.title}</span>
        <Typography.Text type="secondary" className="mono small">
          {event.sender}
        </Typography.Text>
      </span>
      {event.desc && <span className="sender-option-desc">{event.desc}</span>}
    </>
  );
  const option = (event: DeclaredEvent) => (
    <button
      type="button"
      key={event.sender}
      className={`sender-option${event.sender === draft.sender ? ' sender-option-selected' : ''}`}
      data-testid="sender-option"
      data-sender={event.sender}
      aria-pressed={event.sender === draft.sender}
      onClick={() => onChange({ sender: event.sender })}
    >
      {body(event)}
    </button>
  );

  if (mode === 'edit')
    return (
      <FormItem
        label={t('custom.sender')}
        errors={errors.sender}
        extra={
          <Tooltip title={t('event.fixedAfterCreate')}>
            <LockOutlined className="muted" />
          </Tooltip>
        }
        help={draft.sender ? t('custom.publishHint', { sender: draft.sender }) : undefined}
      >
        <div data-testid={tid('sender')}>
          {chosen ? (
            <div className="sender-option sender-option-static" data-sender={chosen.sender}>
              {body(chosen)}
            </div>
          ) : (
            <Typography.Text className="mono">{draft.sender ?? '—'}</Typography.Text>
          )}
        </div>
      </FormItem>
    );

  return (
    <FormItem
      label={t('custom.sender')}
      errors={errors.sender}
      required
      testId={tid('sender')}
      help={chosen ? t('custom.publishHint', { sender: chosen.sender }) : t('custom.senderHelp')}
    >
      <div data-testid={tid('sender')}>
        {all.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <>
                <div>{t('custom.noEvents')}</div>
                <Typography.Text type="secondary" className="small">
                  {t('custom.noEventsHint')}
                </Typography.Text>
              </>
            }
          >
            <Button
              size="small"
              onClick={() => {
                closeNewEvent();
                openNewService();
              }}
            >
              {t('service.new')}
            </Button>
          </Empty>
        ) : (
          <>
            {all.length >= SEARCH_FROM && (
              <Input
                allowClear
                size="small"
                prefix={<SearchOutlined className="muted" />}
                placeholder={t('custom.search')}
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                style={{ marginBottom: 8 }}
              />
            )}
            <div className="sender-list" role="listbox">
              {shown.map((event, i) => (
                <div key={event.sender}>
                  {shown[i - 1]?.service !== event.service && (
                    <div className="sender-group">{event.serviceTitle}</div>
                  )}
                  {option(event)}
                </div>
              ))}
            </div>
          </>
        )}
      </div>
    </FormItem>
  );
}
