import {
  CheckOutlined,
  CloseOutlined,
  RollbackOutlined,
  SwapOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { Alert, Button, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { useMessage } from '../components/feedback';
import { useT } from '../i18n';
import { navigate } from '../router/use-route';
import { useActingUser } from './acting-user';
import { approvalsApi, type ActInput, type AppUser, type ApprovalDetail } from './approvals-api';
import { userLabel } from './approval-data';
import { openTaskOf } from './instance-progress';
import { UserSelect } from './UserSelect';

type Failure = { code: string; message: string; executionId: string | null };

/**
 * What the acting user can do to a pending instance: approve, reject or transfer their open task
 * with a comment, or withdraw what they submitted. Anyone else sees who it waits for, with a
 * one-click switch to act as them.
 */
export function ActionBar({
  detail,
  users,
  onDone,
}: {
  detail: ApprovalDetail;
  users: readonly AppUser[];
  onDone: () => void;
}) {
  const t = useT();
  const message = useMessage();
  const user = useActingUser((s) => s.user);
  const setUser = useActingUser((s) => s.setUser);
  const changed = useActingUser((s) => s.changed);
  const [comment, setComment] = useState('');
  const [transferTo, setTransferTo] = useState<string | null>(null);
  const [transferring, setTransferring] = useState(false);
  const [busy, setBusy] = useState<ActInput['action'] | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const task = openTaskOf(detail, user);
  const isSubmitter = user === detail.submittedBy;

  const act = async (action: ActInput['action']) => {
    if (!user) return;
    setBusy(action);
    setFailure(null);
    try {
      const result = await approvalsApi.act(detail.id, {
        action,
        user,
        ...(comment.trim() ? { comment: comment.trim() } : {}),
        ...(action === 'transfer' && transferTo ? { to: transferTo } : {}),
        ...(task && action !== 'withdraw' ? { task: task.id } : {}),
      });
      message.success(
        t(result.status === 'pending' ? `inbox.done.${action}` : 'inbox.done.ended', {
          node: result.nodeTitle ?? result.node ?? '',
          status: t(`approval.status.${result.status}`),
          to: transferTo ? userLabel(users, transferTo) : '',
        }),
      );
      setComment('');
      setTransferring(false);
      setTransferTo(null);
      changed();
      onDone();
    } catch (error) {
      const e = error as ApiError;
      setFailure({
        code: e.code ?? 'ERROR',
        message: e.message,
        executionId: e instanceof ApiError ? e.executionId : null,
      });
      // A conflict means someone else moved the instance: show how it stands now.
      if (e instanceof ApiError && e.code === 'CONFLICT') changed();
    } finally {
      setBusy(null);
    }
  };

  const failureAlert = failure && (
    <Alert
      type="error"
      showIcon
      className="action-error"
      data-testid="approval-error"
      data-code={failure.code}
      title={failure.message}
      action={
        failure.executionId ? (
          <Button
            size="small"
            type="link"
            onClick={() => navigate({ page: 'execution', id: failure.executionId! })}
          >
            {t('data.openPath')}
          </Button>
        ) : undefined
      }
    />
  );

  if (!task && !isSubmitter)
    return (
      <div className="action-bar action-bar-waiting" data-testid="approval-waiting">
        <Typography.Text type="secondary">
          {t('inbox.waitingFor', {
            users: detail.assignees.map((a) => userLabel(users, a)).join(', ') || '—',
          })}
        </Typography.Text>
        <Space size={4} wrap>
          {detail.assignees.map((a) => (
            <Button
              key={a}
              size="small"
              icon={<UserSwitchOutlined />}
              data-testid={`approval-act-as-${a}`}
              onClick={() => setUser(a)}
            >
              {t('inbox.actAsUser', { user: a })}
            </Button>
          ))}
        </Space>
        {failureAlert}
      </div>
    );

  return (
    <div className="action-bar" data-testid="approval-actions">
      <Input.TextArea
        data-testid="approval-comment"
        value={comment}
        maxLength={4000}
        autoSize={{ minRows: 2, maxRows: 6 }}
        placeholder={task ? t('inbox.commentPlaceholder') : t('inbox.withdrawPlaceholder')}
        onChange={(e) => setComment(e.target.value)}
      />
      <div className="action-buttons">
        {task && (
          <>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              loading={busy === 'approve'}
              disabled={!!busy}
              data-testid="approval-approve"
              onClick={() => void act('approve')}
            >
              {t('approval.action.approve')}
            </Button>
            <Button
              danger
              icon={<CloseOutlined />}
              loading={busy === 'reject'}
              disabled={!!busy}
              data-testid="approval-reject"
              onClick={() => void act('reject')}
            >
              {t('approval.action.reject')}
            </Button>
            <Button
              icon={<SwapOutlined />}
              disabled={!!busy}
              data-testid="approval-transfer"
              onClick={() => setTransferring((v) => !v)}
            >
              {t('approval.action.transfer')}
            </Button>
          </>
        )}
        {isSubmitter && (
          <Button
            icon={<RollbackOutlined />}
            loading={busy === 'withdraw'}
            disabled={!!busy}
            data-testid="approval-withdraw"
            onClick={() => void act('withdraw')}
          >
            {t('approval.action.withdraw')}
          </Button>
        )}
        <span className="muted small action-hint">
          {task
            ? t('inbox.yourTask', { node: detail.nodeTitle ?? detail.node ?? '' })
            : `${t('inbox.yourSubmission')} ${t('inbox.waitingFor', {
                users: detail.assignees.map((a) => userLabel(users, a)).join(', ') || '—',
              })}`}
        </span>
      </div>
      {transferring && task && (
        <div className="transfer-row" data-testid="approval-transfer-row">
          <span>{t('inbox.transferTo')}</span>
          <UserSelect
            testId="approval-transfer-to"
            users={users}
            exclude={[user ?? '', ...detail.assignees]}
            value={transferTo}
            placeholder={t('inbox.transferPlaceholder')}
            onChange={setTransferTo}
            style={{ minWidth: 220 }}
          />
          <Button
            type="primary"
            ghost
            disabled={!transferTo || !!busy}
            loading={busy === 'transfer'}
            data-testid="approval-transfer-confirm"
            onClick={() => void act('transfer')}
          >
            {t('inbox.transferConfirm')}
          </Button>
        </div>
      )}
      {failureAlert}
    </div>
  );
}
