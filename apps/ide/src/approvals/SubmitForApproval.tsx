import { AuditOutlined } from '@ant-design/icons';
import { matches } from '@whenthen/schema';
import { Alert, Button, Form, Input, Modal, Select, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { DataRecord } from '../api/types';
import { useMessage } from '../components/feedback';
import { useT } from '../i18n';
import { navigate } from '../router/use-route';
import { useActingUser } from './acting-user';
import { approvalsApi } from './approvals-api';
import { useApprovalData, type FlowInfo } from './approval-data';
import { UserSelect } from './UserSelect';

/** The approval flows a model's records can be submitted to (those that loaded without problems). */
export function useFlowsOf(model: string): FlowInfo[] {
  const { flows } = useApprovalData();
  return flows.filter((f) => f.model === model && f.problems.length === 0);
}

/** Whether a record meets a flow's condition (when in doubt it does: the server has the last word). */
export function needsApproval(flow: FlowInfo, record: DataRecord): boolean {
  if (!flow.condition) return true;
  try {
    return matches(flow.condition, record);
  } catch {
    return true;
  }
}

/**
 * The data panel's "Submit for approval" action on one record; shown only for models that have
 * approval flows. The server's refusal (condition not met, already open) is shown in the dialog.
 */
export function SubmitForApprovalButton({
  model,
  record,
  onSubmitted,
}: {
  model: string;
  record: DataRecord;
  /** Approval events may have written the record: the table reads it again. */
  onSubmitted?: () => void;
}) {
  const t = useT();
  const flows = useFlowsOf(model);
  const [open, setOpen] = useState(false);
  if (flows.length === 0) return null;
  const needed = flows.some((flow) => needsApproval(flow, record));
  return (
    <>
      <Tooltip title={needed ? t('submit.action') : t('submit.notNeeded')}>
        <Button
          type="text"
          size="small"
          icon={<AuditOutlined />}
          disabled={!needed}
          aria-label={t('submit.action')}
          data-testid={`data-submit-approval-${record.id}`}
          onClick={() => setOpen(true)}
        />
      </Tooltip>
      <Modal
        open={open}
        title={t('submit.title', { id: record.id })}
        footer={null}
        destroyOnHidden
        onCancel={() => setOpen(false)}
      >
        {open && (
          <SubmitForm
            flows={flows}
            record={record}
            onClose={() => setOpen(false)}
            onSubmitted={onSubmitted}
          />
        )}
      </Modal>
    </>
  );
}

function SubmitForm({
  flows,
  record,
  onClose,
  onSubmitted,
}: {
  flows: FlowInfo[];
  record: DataRecord;
  onClose: () => void;
  onSubmitted?: () => void;
}) {
  const t = useT();
  const message = useMessage();
  const { users } = useApprovalData();
  const actingUser = useActingUser((s) => s.user);
  const changed = useActingUser((s) => s.changed);
  const [flow, setFlow] = useState(flows[0]!.name);
  const [user, setUser] = useState<string | null>(
    users.some((u) => u.id === actingUser) ? actingUser : (users[0]?.id ?? null),
  );
  const [comment, setComment] = useState('');
  const [failure, setFailure] = useState<{ code: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const chosen = flows.find((f) => f.name === flow);

  const submit = async () => {
    if (!user) return;
    setSaving(true);
    setFailure(null);
    try {
      const instance = await approvalsApi.submit(flow, {
        recordId: record.id,
        user,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      changed();
      onClose();
      onSubmitted?.();
      message.success({
        content: (
          <span data-testid="submit-approval-done">
            {t('submit.done', {
              id: instance.id,
              node: instance.nodeTitle ?? instance.node ?? '',
              users: instance.assignees.join(', '),
            })}{' '}
            <Button type="link" size="small" onClick={() => navigate({ page: 'inbox' })}>
              {t('submit.openInbox')}
            </Button>
          </span>
        ),
        duration: 6,
      });
    } catch (error) {
      const e = error as ApiError;
      const details = e instanceof ApiError ? e.details.map((d) => `${d.field}: ${d.reason}`) : [];
      setFailure({
        code: e instanceof ApiError ? e.code : 'ERROR',
        message: details.length ? details.join(' · ') : e.message,
      });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form layout="vertical" data-testid="submit-approval-dialog" onFinish={() => void submit()}>
      <Typography.Paragraph type="secondary">{t('submit.lead')}</Typography.Paragraph>
      <Form.Item label={t('submit.flow')}>
        <Select
          data-testid="submit-approval-flow"
          value={flow}
          onChange={(value: string) => {
            setFlow(value);
            setFailure(null);
          }}
          options={flows.map((f) => ({ value: f.name, label: `${f.title} (${f.short})` }))}
        />
        {chosen && (
          <div className="submit-flow-nodes muted small">
            {chosen.nodes.map((n) => n.title || n.id).join(' → ')}
          </div>
        )}
      </Form.Item>
      <Form.Item label={t('submit.user')} extra={t('submit.userHelp')}>
        <UserSelect
          testId="submit-approval-user"
          users={users}
          value={user}
          onChange={(id) => {
            setUser(id);
            setFailure(null);
          }}
        />
      </Form.Item>
      <Form.Item label={t('submit.comment')}>
        <Input.TextArea
          data-testid="submit-approval-comment"
          value={comment}
          maxLength={4000}
          autoSize={{ minRows: 2, maxRows: 5 }}
          onChange={(e) => setComment(e.target.value)}
        />
      </Form.Item>
      {failure && (
        <Alert
          type="error"
          showIcon
          data-testid="submit-approval-error"
          data-code={failure.code}
          title={t('submit.refused')}
          description={failure.message}
          style={{ marginBottom: 12 }}
        />
      )}
      <div className="modal-footer">
        <Space>
          <Button onClick={onClose}>{t('newEvent.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={saving}
            disabled={!user}
            icon={<AuditOutlined />}
            data-testid="submit-approval-ok"
          >
            {t('submit.ok')}
          </Button>
        </Space>
      </div>
    </Form>
  );
}
