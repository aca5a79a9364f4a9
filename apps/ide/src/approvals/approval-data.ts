import type { ApprovalNode, Condition, ElementProblem } from '@whenthen/schema';
import { useEffect } from 'react';
import { create } from 'zustand';
import { elementsApi } from '../api/endpoints';
import type { ElementSummary } from '../api/types';
import { useAppStore } from '../stores/app-store';
import { approvalsApi, type AppUser } from './approvals-api';

/** An approval flow as pickers, the inbox and the typings need it. */
export type FlowInfo = {
  name: string;
  short: string;
  title: string;
  model: string;
  condition: Condition | null;
  nodes: ApprovalNode[];
  problems: ElementProblem[];
};

type ApprovalDataState = {
  users: AppUser[];
  flows: FlowInfo[];
  loaded: boolean;
  error: string | null;
  /** Reloads flows and users when the element list changed since the last load. */
  sync: (elements: readonly ElementSummary[]) => Promise<void>;
};

const shortOf = (name: string) => name.slice(name.indexOf('.') + 1);

/** Reads a flow's e.json defensively: a flow with problems may hold anything. */
export function toFlowInfo(summary: ElementSummary, definition: Record<string, unknown>): FlowInfo {
  const nodes = Array.isArray(definition.nodes)
    ? (definition.nodes as unknown[]).filter(
        (n): n is ApprovalNode =>
          typeof n === 'object' && n !== null && typeof (n as ApprovalNode).id === 'string',
      )
    : [];
  return {
    name: summary.name,
    short: shortOf(summary.name),
    title:
      summary.title ||
      (typeof definition.title === 'string' ? definition.title : '') ||
      shortOf(summary.name),
    model: typeof definition.model === 'string' ? definition.model : '',
    condition: (definition.condition as Condition | null | undefined) ?? null,
    nodes: nodes.map((n) => ({
      ...n,
      approvers: Array.isArray(n.approvers) ? n.approvers : [],
      mode: n.mode === 'all' ? 'all' : 'any',
    })),
    problems: summary.problems,
  };
}

let synced: readonly ElementSummary[] | null = null;
let inFlight: Promise<void> | null = null;

export const useApprovalStore = create<ApprovalDataState>((set) => ({
  users: [],
  flows: [],
  loaded: false,
  error: null,
  sync: (elements) => {
    // Every screen that needs flows asks; one load answers them until the element list changes.
    if (synced === elements && inFlight) return inFlight;
    if (synced === elements) return Promise.resolve();
    synced = elements;
    inFlight = (async () => {
      try {
        const summaries = elements.filter((e) => e.type === 'approval');
        const [users, flows] = await Promise.all([
          approvalsApi.users().then((page) => page.items),
          Promise.all(
            summaries.map(async (summary) => {
              try {
                return toFlowInfo(summary, (await elementsApi.get(summary.name)).definition ?? {});
              } catch {
                return null;
              }
            }),
          ),
        ]);
        if (synced !== elements) return;
        set({
          users,
          flows: flows
            .filter((f): f is FlowInfo => f !== null)
            .sort((a, b) => a.title.localeCompare(b.title)),
          loaded: true,
          error: null,
        });
      } catch (error) {
        if (synced === elements) set({ loaded: true, error: (error as Error).message });
      }
    })();
    return inFlight;
  },
}));

/** Keeps the approval flows and users in step with the element list; returns them. */
export function useApprovalData(): Pick<ApprovalDataState, 'users' | 'flows' | 'loaded' | 'error'> {
  const elements = useAppStore((s) => s.elements);
  const appLoaded = useAppStore((s) => s.loaded);
  const sync = useApprovalStore((s) => s.sync);
  useEffect(() => {
    if (appLoaded) void sync(elements);
  }, [appLoaded, elements, sync]);
  const users = useApprovalStore((s) => s.users);
  const flows = useApprovalStore((s) => s.flows);
  const loaded = useApprovalStore((s) => s.loaded);
  const error = useApprovalStore((s) => s.error);
  return { users, flows, loaded, error };
}

/** A user's display name: "Ann (sales manager)", or the id when the app gives none. */
export const userLabel = (users: readonly AppUser[], id: string): string =>
  users.find((u) => u.id === id)?.name ?? id;
