import { create } from 'zustand';
import { routeKey, type Route } from '../router/routes';

export type OpenTab = { key: string; route: Route };

type TabsState = {
  tabs: OpenTab[];
  /** Tabs holding changes not saved yet (an unsaved dot is shown on them). */
  dirty: Record<string, boolean>;
  open: (route: Route) => void;
  close: (key: string) => void;
  closeWhere: (test: (route: Route) => boolean) => void;
  setDirty: (key: string, dirty: boolean) => void;
};

/** Whether an open tab holds changes not saved yet (leaving the page would lose them). */
export function hasUnsavedTabs(state: Pick<TabsState, 'tabs' | 'dirty'>): boolean {
  return state.tabs.some((tab) => state.dirty[tab.key]);
}

export const useTabsStore = create<TabsState>((set) => ({
  tabs: [],
  dirty: {},
  open: (route) =>
    set((state) => {
      if (route.page === 'home') return state;
      const key = routeKey(route);
      return state.tabs.some((t) => t.key === key)
        ? state
        : { tabs: [...state.tabs, { key, route }] };
    }),
  close: (key) =>
    set((state) => {
      const { [key]: _dropped, ...dirty } = state.dirty;
      return { tabs: state.tabs.filter((t) => t.key !== key), dirty };
    }),
  closeWhere: (test) => set((state) => ({ tabs: state.tabs.filter((t) => !test(t.route)) })),
  setDirty: (key, dirty) =>
    set((state) =>
      Boolean(state.dirty[key]) === dirty ? state : { dirty: { ...state.dirty, [key]: dirty } },
    ),
}));
