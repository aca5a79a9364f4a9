import { useEffect } from 'react';
import { hasUnsavedTabs, useTabsStore } from './tabs-store';

/**
 * Asks the browser to confirm reloading or closing the page while a tab holds unsaved edits. The
 * listener is added only while there are some, so a clean IDE unloads without a prompt.
 */
export function useUnsavedWarning(): void {
  const unsaved = useTabsStore(hasUnsavedTabs);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
