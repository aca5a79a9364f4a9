import {
  CheckCircleFilled,
  ClockCircleFilled,
  CloseCircleFilled,
  RollbackOutlined,
} from '@ant-design/icons';
import type { ApprovalStatus } from '@whenthen/schema';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

const LOOK: Record<ApprovalStatus, { color: string; icon: ReactNode }> = {
  pending: { color: 'processing', icon: <ClockCircleFilled /> },
  approved: { color: 'success', icon: <CheckCircleFilled /> },
  rejected: { color: 'error', icon: <CloseCircleFilled /> },
  withdrawn: { color: 'default', icon: <RollbackOutlined /> },
};

/** An approval instance's status as a coloured tag. */
export function ApprovalStatusTag({ status, testId }: { status: ApprovalStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag
      color={LOOK[status].color}
      icon={LOOK[status].icon}
      data-testid={testId}
      data-status={status}
    >
      {t(`approval.status.${status}`)}
    </Tag>
  );
}
