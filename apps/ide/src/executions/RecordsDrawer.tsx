import { Drawer } from 'antd';
import { useEffect, useState } from 'react';
import type { Execution } from '../api/types';
import { useT } from '../i18n';
import { ExecutionPath } from './ExecutionPath';
import { ExecutionRecords } from './ExecutionRecords';

type Props = { open: boolean; event: string; title: string; onClose: () => void };

/** An event's execution records in a drawer; a run's path opens in a second drawer above it. */
export function RecordsDrawer({ open, event, title, onClose }: Props) {
  const t = useT();
  const [reloadKey, setReloadKey] = useState(0);
  const [pathRun, setPathRun] = useState<string | null>(null);
  useEffect(() => {
    if (open) setReloadKey((k) => k + 1);
  }, [open]);
  return (
    <Drawer
      open={open}
      size="min(1320px, 90vw)"
      title={t('records.titleFor', { name: title })}
      onClose={onClose}
      destroyOnHidden
      data-testid="records-drawer"
    >
      <ExecutionRecords
        event={event}
        reloadKey={reloadKey}
        onOpenPath={(run: Execution) => setPathRun(run.id)}
      />
      <Drawer
        open={!!pathRun}
        size="94vw"
        title={t('path.title')}
        onClose={() => setPathRun(null)}
        destroyOnHidden
        data-testid="path-drawer"
      >
        {pathRun && <ExecutionPath id={pathRun} />}
      </Drawer>
    </Drawer>
  );
}
