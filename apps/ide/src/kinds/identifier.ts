import { SHORT_NAME } from '@whenthen/schema';
import type { Translate } from '../i18n';

/**
 * An identifier from a display title: "Notify big order" → "NotifyBigOrder". Characters that cannot
 * be part of an identifier are dropped; a title of only such characters gives "".
 */
export function identifierFromTitle(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  let id = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  if (/^[0-9]/.test(id)) id = `E${id}`;
  return id.slice(0, 64);
}

/** A free identifier starting with `base` (Event, Event2, Event3 …) when the title gives none. */
export function uniqueIdentifier(base: string, taken: (name: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, 60)}${n}`;
    if (!taken(candidate)) return candidate;
  }
}

/**
 * The identifier a new element's dialog proposes for a title: its ASCII words ("VIP 订单通知" →
 * "VIP"), numbered when taken. A title with none (a Chinese title) gives the fallback with the first
 * free number (Event1, Event2 …), which reads as a placeholder to edit. An empty title gives "".
 */
export function suggestIdentifier(
  title: string,
  fallback: string,
  taken: (name: string) => boolean,
): string {
  const base = identifierFromTitle(title);
  if (base) return uniqueIdentifier(base, taken);
  if (!title.trim()) return '';
  for (let n = 1; ; n++) if (!taken(`${fallback}${n}`)) return `${fallback}${n}`;
}

export type IdentifierCheck = 'ok' | 'missing' | 'invalid' | 'taken';

/** Full names are unique ignoring case across the whole application. */
export function checkIdentifier(
  short: string,
  group: string,
  existing: readonly string[],
): IdentifierCheck {
  if (short === '') return 'missing';
  if (!SHORT_NAME.test(short)) return 'invalid';
  const full = `${group}.${short}`.toLowerCase();
  return existing.some((name) => name.toLowerCase() === full) ? 'taken' : 'ok';
}

/**
 * The messages beside a new element's identifier (`group.short`). An empty one says nothing until
 * OK was pressed: the dialog has just opened, or the title has not been typed yet.
 */
export function identifierMessages(
  short: string,
  group: string,
  existing: readonly string[],
  tried: boolean,
  t: Translate,
): string[] {
  switch (checkIdentifier(short, group, existing)) {
    case 'missing':
      return tried ? [t('newEvent.identifierRequired')] : [];
    case 'invalid':
      return [t('newEvent.identifierInvalid')];
    case 'taken':
      return [t('newEvent.identifierTaken', { name: `${group}.${short}` })];
    case 'ok':
      return [];
  }
}
