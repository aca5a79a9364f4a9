import {
  CheckCircleFilled,
  ClockCircleFilled,
  CloseCircleFilled,
  MinusCircleFilled,
  SyncOutlined,
} from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { ExecutionStatus } from '../api/types';
import { useT } from '../i18n';
import { STATUS_TAG_COLOR } from './format';

const ICONS: Record<ExecutionStatus, ReactNode> = {
  success: <CheckCircleFilled />,
  failed: <CloseCircleFilled />,
  running: <SyncOutlined spin />,
  queued: <ClockCircleFilled />,
  skipped: <MinusCircleFilled />,
};

export function StatusTag({ status, testId }: { status: ExecutionStatus; testId?: string }) {
  const t = useT();
  return (
    <Tag
      color={STATUS_TAG_COLOR[status]}
      icon={ICONS[status]}
      data-testid={testId}
      data-status={status}
    >
      {t(`records.status.${status}`)}
    </Tag>
  );
}
