import { Alert, Button, Form, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { dataApi } from '../api/endpoints';
import type { DataRecord } from '../api/types';
import { FieldValueInput } from '../components/FieldValueInput';
import { useT } from '../i18n';
import { navigate } from '../router/use-route';
import type { ModelInfo } from '../stores/app-store';
import { fromFormValues, isLongText, toFormValues, type FormValues } from './record-values';

type Props = {
  model: ModelInfo;
  /** null: a new record. */
  record: DataRecord | null;
  open: boolean;
  onClose: () => void;
  onSaved: (record: DataRecord, created: boolean) => void;
};

type Failure = { message: string; code: string; executionId: string | null };

/** Create or edit one record with a form generated from the model's fields. */
export function RecordModal({ model, record, open, onClose, onSaved }: Props) {
  const t = useT();
  const [values, setValues] = useState<FormValues>({});
  const [multiline, setMultiline] = useState<ReadonlySet<string>>(new Set());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    const initial = toFormValues(model.fields, record);
    setValues(initial);
    setMultiline(
      new Set(model.fields.filter((f) => isLongText(f, initial[f.name])).map((f) => f.name)),
    );
    setErrors({});
    setFailure(null);
  }, [open, model, record]);

  const submit = async () => {
    const converted = fromFormValues(model.fields, values, record, {
      required: t('data.required'),
      invalidJson: t('data.invalidJson'),
    });
    if (!converted.ok) {
      setErrors(converted.errors);
      return;
    }
    setSaving(true);
    setFailure(null);
    try {
      const saved = record
        ? await dataApi.update(model.name, record.id, converted.values)
        : await dataApi.create(model.name, converted.values);
      onSaved(saved, !record);
    } catch (error) {
      if (error instanceof ApiError) {
        const byField: Record<string, string> = {};
        for (const d of error.details) {
          const name = d.field.replace(/^(body|values)\./, '').split('.')[0] ?? '';
          if (model.fields.some((f) => f.name === name)) byField[name] = d.reason;
        }
        setErrors(byField);
        setFailure({ message: error.message, code: error.code, executionId: error.executionId });
      } else setFailure({ message: (error as Error).message, code: 'ERROR', executionId: null });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      width={640}
      title={
        record
          ? t('data.editTitle', { model: model.title, id: record.id })
          : t('data.createTitle', { model: model.title })
      }
      onCancel={onClose}
      destroyOnHidden
      styles={{
        body: { maxHeight: failure ? '44vh' : '62vh', overflowY: 'auto', paddingRight: 8 },
      }}
      footer={
        <div className="record-footer">
          {failure && (
            <Alert
              type="error"
              showIcon
              className="record-failure"
              data-testid="record-error"
              data-code={failure.code}
              title={failure.code === 'EVENT_FAILED' ? t('data.eventFailed') : failure.message}
              description={
                failure.code === 'EVENT_FAILED' || failure.executionId ? (
                  <Space orientation="vertical" size={4}>
                    <Typography.Text data-testid="record-error-message">
                      {failure.message}
                    </Typography.Text>
                    {failure.executionId && (
                      <Button
                        type="link"
                        size="small"
                        className="inline-link"
                        data-testid="record-error-path"
                        onClick={() => {
                          onClose();
                          navigate({ page: 'execution', id: failure.executionId! });
                        }}
                      >
                        {t('data.openPath')}
                      </Button>
                    )}
                  </Space>
                ) : undefined
              }
            />
          )}
          <Space>
            <Button onClick={onClose} data-testid="record-cancel">
              {t('data.cancel')}
            </Button>
            <Button
              type="primary"
              loading={saving}
              onClick={() => void submit()}
              data-testid="record-save"
            >
              {t('data.save')}
            </Button>
          </Space>
        </div>
      }
    >
      <Form
        layout="horizontal"
        labelCol={{ flex: '150px' }}
        labelWrap
        colon={false}
        className="record-form"
        data-testid="record-form"
        onFinish={() => void submit()}
      >
        {model.fields.map((field) => (
          <Form.Item
            key={field.name}
            label={<span title={field.name}>{field.title || field.name}</span>}
            required={field.required}
            validateStatus={errors[field.name] ? 'error' : undefined}
            help={errors[field.name] ?? (field.type === 'json' ? 'JSON' : undefined)}
          >
            <FieldValueInput
              field={field}
              value={values[field.name]}
              multiline={multiline.has(field.name)}
              testId={`record-field-${field.name}`}
              onChange={(value) => {
                setValues((v) => ({ ...v, [field.name]: value }));
                setErrors(({ [field.name]: _dropped, ...rest }) => rest);
              }}
            />
          </Form.Item>
        ))}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
