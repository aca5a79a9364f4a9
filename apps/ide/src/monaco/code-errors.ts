import type { ErrorDetail } from '../api/types';
import type { CodeMarker } from './CodeEditor';

/**
 * Finds a line (and column) in a compile error's text: "line 3", "3:5", "(3:5)", "line 3, column 5".
 * The server's messages are for people, so this is a best effort; without a line it marks line 1.
 */
export function locate(text: string): { line: number; column?: number } | null {
  const patterns = [/\bline (\d+)(?:,? column (\d+))?/i, /\((\d+):(\d+)\)/, /:(\d+):(\d+)\b/];
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    if (m) return { line: Number(m[1]), ...(m[2] ? { column: Number(m[2]) } : {}) };
  }
  return null;
}

/** The markers for the code problems among a save's error details. */
export function codeMarkers(details: readonly ErrorDetail[]): CodeMarker[] {
  return details
    .filter(
      (d) => d.field === 'code' || d.field.startsWith('code.') || d.field.endsWith('handler.ts'),
    )
    .map((d) => ({ ...(locate(`${d.field} ${d.reason}`) ?? { line: 1 }), message: d.reason }));
}
