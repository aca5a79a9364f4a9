import { create } from 'zustand';

type AuthState = {
  /** True once a request was refused with 401: the IDE shows the "paste your token" screen. */
  needsToken: boolean;
  reason: string | null;
  requireToken: (reason: string) => void;
  accepted: () => void;
};

export const useAuthStore = create<AuthState>((set) => ({
  needsToken: false,
  reason: null,
  requireToken: (reason) => set({ needsToken: true, reason }),
  accepted: () => set({ needsToken: false, reason: null }),
}));
