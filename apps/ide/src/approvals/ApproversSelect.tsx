import { FieldStringOutlined, UserOutlined, WarningOutlined } from '@ant-design/icons';
import type { Approver, Field } from '@whenthen/schema';
import { Select, Tag } from 'antd';
import { useT } from '../i18n';
import type { AppUser } from './approvals-api';
import { approverFromKey, approverKey, userFields } from './flow-draft';

type Props = {
  value: readonly Approver[];
  onChange: (approvers: Approver[]) => void;
  users: readonly AppUser[];
  /** The target model's fields (text and enum ones can name a user). */
  fields: readonly Field[];
  status?: 'error';
  testId?: string;
};

/**
 * Picks a node's approvers: users of the application, or "the user named in field X of the
 * record". Approvers the application does not know (a user removed from app.json) stay visible,
 * in red, so they can be removed.
 */
export function ApproversSelect({ value, onChange, users, fields, status, testId }: Props) {
  const t = useT();
  const candidates = userFields(fields);
  const known = new Set([
    ...users.map((u) => `user:${u.id}`),
    ...candidates.map((f) => `field:${f.name}`),
  ]);
  const unknown = value.map(approverKey).filter((k) => !known.has(k));
  const options = [
    {
      label: t('flow.approverUsers'),
      title: 'users',
      options: users.map((u) => ({
        value: `user:${u.id}`,
        search: `${u.id} ${u.name ?? ''}`,
        label: (
          <span data-testid={`approver-option-${u.id}`}>
            <UserOutlined className="muted" /> {u.name ?? u.id}{' '}
            {u.name && <span className="muted small">{u.id}</span>}
          </span>
        ),
      })),
    },
    ...(candidates.length
      ? [
          {
            label: t('flow.approverFields'),
            title: 'fields',
            options: candidates.map((f) => ({
              value: `field:${f.name}`,
              search: `${f.name} ${f.title ?? ''}`,
              label: (
                <span data-testid={`approver-option-field-${f.name}`}>
                  <FieldStringOutlined className="muted" />{' '}
                  {t('flow.approverField', { field: f.title || f.name })}
                </span>
              ),
            })),
          },
        ]
      : []),
    ...(unknown.length
      ? [
          {
            label: t('flow.approverUnknown'),
            title: 'unknown',
            options: unknown.map((k) => ({ value: k, search: k, label: k.replace(/^\w+:/, '') })),
          },
        ]
      : []),
  ];

  return (
    <Select
      data-testid={testId}
      mode="multiple"
      status={status}
      style={{ width: '100%' }}
      placeholder={t('flow.approversPlaceholder')}
      value={value.map(approverKey)}
      showSearch={{ optionFilterProp: 'search' }}
      options={options}
      onChange={(keys: string[]) => onChange(keys.map(approverFromKey))}
      tagRender={({ value: key, closable, onClose }) => {
        const k = String(key);
        const isField = k.startsWith('field:');
        const id = k.replace(/^\w+:/, '');
        const bad = !known.has(k);
        const field = candidates.find((f) => f.name === id);
        return (
          <Tag
            closable={closable}
            onClose={onClose}
            color={bad ? 'error' : isField ? 'purple' : 'blue'}
            icon={bad ? <WarningOutlined /> : isField ? <FieldStringOutlined /> : <UserOutlined />}
            className="approver-tag"
            data-testid={`approver-tag-${id}`}
            onMouseDown={(e) => e.stopPropagation()}
          >
            {isField
              ? t('flow.approverField', { field: field?.title || id })
              : (users.find((u) => u.id === id)?.name ?? id)}
          </Tag>
        );
      }}
    />
  );
}
