/**
 * Stable test ids of the event form's controls. The dialog and the event page show the same
 * fields at once (the dialog opens above an event page), so their ids differ:
 * `new-event-title` in the dialog, `event-title` on the page.
 */
export const fieldTestId = (mode: 'create' | 'edit', name: string): string =>
  mode === 'create' ? `new-event-${name}` : `event-${name}`;
