import { Button, type ButtonProps, Result, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ElementDocument } from '../api/types';
import { elementsApi } from '../api/endpoints';
import { useMessage, useModal } from '../components/feedback';
import { useT } from '../i18n';
import { useTabsStore } from '../layout/tabs-store';
import type { Route } from '../router/routes';
import { navigate } from '../router/use-route';
import { useAppStore } from '../stores/app-store';

/**
 * What every element page (event, service, approval flow) does with its document: loads it into
 * the page's own store (again on retry), and marks the page's tab while it has unsaved edits.
 */
export function useElementDocument({
  name,
  tabKey,
  dirty,
  onLoaded,
}: {
  name: string;
  tabKey: string;
  dirty: boolean;
  onLoaded: (doc: ElementDocument) => void;
}): { loadError: string | null; load: () => Promise<void> } {
  const setDirty = useTabsStore((s) => s.setDirty);
  const [loadError, setLoadError] = useState<string | null>(null);
  const load = useCallback(async () => {
    setLoadError(null);
    try {
      onLoaded(await elementsApi.get(name));
    } catch (error) {
      setLoadError((error as Error).message);
    }
  }, [onLoaded, name]);
  useEffect(() => void load(), [load]);
  useEffect(() => setDirty(tabKey, dirty), [dirty, tabKey, setDirty]);
  return { loadError, load };
}

/**
 * Asks, then deletes the element: a refusal (409 IN_USE naming who uses it) is shown and the page
 * stays; on success its tabs close and the tree is read again.
 */
export function useRemoveElement({
  name,
  page,
  confirmTitle,
  deletedText,
  confirmTestId,
}: {
  name: string;
  page: Route['page'];
  confirmTitle: string;
  deletedText: string;
  confirmTestId: string;
}): () => void {
  const message = useMessage();
  const modal = useModal();
  const refresh = useAppStore((s) => s.refresh);
  const closeTabs = useTabsStore((s) => s.closeWhere);
  return () =>
    modal.confirm({
      title: confirmTitle,
      okButtonProps: { danger: true, 'data-testid': confirmTestId } as ButtonProps,
      onOk: async () => {
        try {
          await elementsApi.remove(name);
        } catch (error) {
          message.error((error as Error).message);
          return;
        }
        message.success(deletedText);
        closeTabs((r) => r.page === page && 'name' in r && r.name === name);
        navigate({ page: 'home' });
        await refresh();
      },
    });
}

/** The page's body until its document is there: the load error with a retry, else a spinner. */
export function ElementLoadState({
  loadError,
  title,
  onRetry,
}: {
  loadError: string | null;
  title: string;
  onRetry: () => void;
}) {
  const t = useT();
  if (loadError)
    return (
      <Result
        status="warning"
        title={title}
        subTitle={loadError}
        extra={<Button onClick={onRetry}>{t('common.retry')}</Button>}
      />
    );
  return (
    <div className="center-fill">
      <Spin />
    </div>
  );
}
