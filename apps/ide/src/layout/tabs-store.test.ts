import { describe, expect, it } from 'vitest';
import type { Route } from '../router/routes';
import { hasUnsavedTabs, type OpenTab } from './tabs-store';

const tab = (key: string): OpenTab => ({ key, route: { page: 'home' } as Route });

describe('hasUnsavedTabs', () => {
  it('is true while an open tab is dirty', () => {
    expect(hasUnsavedTabs({ tabs: [tab('a'), tab('b')], dirty: { b: true } })).toBe(true);
  });

  it('is false when every dirty mark is cleared or belongs to a closed tab', () => {
    expect(hasUnsavedTabs({ tabs: [tab('a')], dirty: { a: false, gone: true } })).toBe(false);
  });
});
