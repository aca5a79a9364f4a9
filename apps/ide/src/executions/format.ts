import dayjs from 'dayjs';
import type { ExecutionStatus } from '../api/types';
import type { Translate } from '../i18n';

/** A stored UTC time in the viewer's zone. */
export const formatTime = (iso: string | null | undefined, withMs = false): string =>
  iso ? dayjs(iso).format(withMs ? 'YYYY-MM-DD HH:mm:ss.SSS' : 'YYYY-MM-DD HH:mm:ss') : '—';

export function formatDuration(ms: number | null | undefined, t: Translate): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return t('common.ms', { ms: Number.isInteger(ms) ? ms : ms.toFixed(1) });
  return t('common.s', { s: (ms / 1000).toFixed(ms < 10_000 ? 2 : 1) });
}

/** Status colours used by tags and the path canvas alike. */
export const STATUS_COLOR: Record<ExecutionStatus, string> = {
  success: '#52c41a',
  failed: '#ff4d4f',
  running: '#1677ff',
  queued: '#faad14',
  skipped: '#8c8c8c',
};

export const STATUS_TAG_COLOR: Record<ExecutionStatus, string> = {
  success: 'success',
  failed: 'error',
  running: 'processing',
  queued: 'gold',
  skipped: 'default',
};

/** Compact JSON for one line (calls in the step tree); full JSON goes in a tooltip or panel. */
export function preview(value: unknown, max = 80): string {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
