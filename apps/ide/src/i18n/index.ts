import { useMemo } from 'react';
import { create } from 'zustand';
import { en, type MessageKey } from './en';
import { zh } from './zh';

export type { MessageKey } from './en';

export const LOCALES = {
  en: { label: 'English', messages: en },
  zh: { label: '简体中文', messages: zh },
} as const;
export type Locale = keyof typeof LOCALES;

const STORAGE_KEY = 'whenthen.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved && saved in LOCALES) return saved as Locale;
  } catch {
    // storage may be unavailable (private mode); fall through to the browser language
  }
  return typeof navigator !== 'undefined' && navigator.language.toLowerCase().startsWith('zh')
    ? 'zh'
    : 'en';
}

type LocaleState = { locale: Locale; setLocale: (locale: Locale) => void };

export const useLocaleStore = create<LocaleState>((set) => ({
  locale: initialLocale(),
  setLocale: (locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // not remembered, still switched
    }
    set({ locale });
  },
}));

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * Fills `{name}` placeholders. `{name|one|other}` picks a word by the number in `name`:
 * `'{total} {total|record|records}'` gives "1 record", "5 records" (languages without plurals
 * simply do not use it).
 */
export function format(template: string, values?: Record<string, string | number>): string {
  if (!values) return template;
  return template.replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (whole, name: string, one?: string, other?: string) => {
      if (!(name in values)) return whole;
      if (one === undefined) return String(values[name]);
      return Number(values[name]) === 1 ? one : (other ?? '');
    },
  );
}

export function translator(locale: Locale): Translate {
  const messages: Record<MessageKey, string> = LOCALES[locale].messages;
  return (key, values) => format(messages[key] ?? en[key], values);
}

/** The translate function for the chosen language; re-renders when it changes. */
export function useT(): Translate {
  const locale = useLocaleStore((s) => s.locale);
  return useMemo(() => translator(locale), [locale]);
}

/** For code outside React (message toasts fired from stores). */
export const t: Translate = (key, values) =>
  translator(useLocaleStore.getState().locale)(key, values);
