import { InboxOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { navigate } from '../router/use-route';
import { useActingUser } from './acting-user';
import { approvalsApi } from './approvals-api';
import { useApprovalData } from './approval-data';

/** The header's way to the approvals inbox, with the acting user's open tasks counted. */
export function InboxNavButton() {
  const t = useT();
  // Mounted with the header, so flows and users are loaded for every screen that needs them.
  const { flows } = useApprovalData();
  const user = useActingUser((s) => s.user);
  const version = useActingUser((s) => s.version);
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!user || flows.length === 0) {
      setCount(0);
      return;
    }
    let live = true;
    approvalsApi.list({ assignee: user, status: 'pending', limit: 1 }).then(
      (page) => live && setCount(page.total),
      () => live && setCount(0),
    );
    return () => {
      live = false;
    };
  }, [user, version, flows.length]);
  return (
    <Button
      type="text"
      icon={<InboxOutlined />}
      data-testid="nav-inbox"
      onClick={() => navigate({ page: 'inbox' })}
    >
      {t('inbox.title')}
      {count > 0 && (
        <Badge count={count} size="small" offset={[2, -2]} data-testid="nav-inbox-count" />
      )}
    </Button>
  );
}
