import { ApiOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/client';
import { elementsApi } from '../api/endpoints';
import { useMessage } from '../components/feedback';
import { useT } from '../i18n';
import { FormItem } from '../kinds/FormItem';
import { checkIdentifier, identifierMessages, suggestIdentifier } from '../kinds/identifier';
import { navigate } from '../router/use-route';
import { useAppStore } from '../stores/app-store';
import { useNewServiceStore } from './new-service-store';
import { starterServiceCode } from './service-code';

/** The "new service" dialog: a title and the identifier made from it. */
export function NewServiceDialog() {
  const t = useT();
  const isOpen = useNewServiceStore((s) => s.isOpen);
  const close = useNewServiceStore((s) => s.close);
  return (
    <Modal
      open={isOpen}
      title={<span data-testid="new-service-heading">{t('service.new')}</span>}
      width={620}
      footer={null}
      destroyOnHidden
      mask={{ closable: false }}
      onCancel={close}
    >
      {isOpen && <NewServiceForm onClose={close} />}
    </Modal>
  );
}

function NewServiceForm({ onClose }: { onClose: () => void }) {
  const t = useT();
  const message = useMessage();
  const elements = useAppStore((s) => s.elements);
  const refresh = useAppStore((s) => s.refresh);
  const existing = useMemo(() => elements.map((e) => e.name), [elements]);
  const [title, setTitle] = useState('');
  const [name, setName] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [tried, setTried] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // The identifier follows the title until the developer edits it.
  useEffect(() => {
    if (nameEdited) return;
    setName(
      suggestIdentifier(
        title,
        'Service',
        (n) => checkIdentifier(n, 'services', existing) === 'taken',
      ),
    );
  }, [title, nameEdited, existing]);

  const nameErrors = identifierMessages(name, 'services', existing, tried, t);
  const titleErrors = tried && !title.trim() ? [t('service.titleRequired')] : [];

  const submit = async () => {
    setTried(true);
    if (!title.trim() || checkIdentifier(name, 'services', existing) !== 'ok') return;
    setSaving(true);
    const full = `services.${name}`;
    try {
      await elementsApi.create(
        full,
        { type: 'service', title: title.trim(), functions: [], eventDescs: [] },
        starterServiceCode(full, title.trim()),
      );
      message.success(t('service.created', { name: full }));
      await refresh();
      onClose();
      navigate({ page: 'service', name: full });
    } catch (error) {
      setServerError(error instanceof ApiError ? error.message : (error as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form
      layout="horizontal"
      labelCol={{ flex: '120px' }}
      colon={false}
      className="event-form"
      data-testid="new-service-dialog"
      onFinish={submit}
    >
      <Typography.Paragraph type="secondary" className="dialog-lead">
        <ApiOutlined /> {t('service.newHelp')}
      </Typography.Paragraph>
      {serverError && (
        <Alert
          type="error"
          showIcon
          data-testid="new-service-error"
          title={serverError}
          style={{ marginBottom: 16 }}
        />
      )}
      <FormItem
        label={t('newEvent.displayTitle')}
        errors={titleErrors}
        required
        testId="new-service-title"
      >
        <Input
          data-testid="new-service-title"
          value={title}
          maxLength={200}
          placeholder={t('service.titlePlaceholder')}
          onChange={(e) => {
            setTitle(e.target.value);
            setServerError(null);
          }}
        />
      </FormItem>
      <FormItem
        label={t('newEvent.identifier')}
        errors={nameErrors}
        help={t('newEvent.identifierHelp')}
        required
        testId="new-service-name"
      >
        <Space.Compact block>
          <Space.Addon>services.</Space.Addon>
          <Input
            data-testid="new-service-name"
            value={name}
            maxLength={64}
            status={nameErrors.length ? 'error' : undefined}
            onChange={(e) => {
              setNameEdited(true);
              setName(e.target.value.trim());
              setServerError(null);
            }}
          />
        </Space.Compact>
      </FormItem>
      <div className="modal-footer">
        <Space>
          <Button onClick={onClose} data-testid="new-service-cancel">
            {t('newEvent.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="new-service-ok">
            {t('newEvent.ok')}
          </Button>
        </Space>
      </div>
    </Form>
  );
}
