import type { ElementProblem, Field, ModelDefinition, ServiceDefinition } from '@whenthen/schema';
import { create } from 'zustand';
import { elementsApi } from '../api/endpoints';
import type { ElementDocument, ElementSummary } from '../api/types';

/** A model as the IDE needs it: its full name and fields. */
export type ModelInfo = { name: string; short: string; title: string; fields: Field[] };
export type ServiceInfo = {
  name: string;
  short: string;
  title: string;
  functions: ServiceDefinition['functions'];
  /** Custom events the service declares (`app.event.publish('services.<Svc>.<name>', …)`). */
  events: ServiceDefinition['eventDescs'];
};

type AppState = {
  elements: ElementSummary[];
  problems: ElementProblem[];
  loaded: boolean;
  loadError: string | null;
  /** Models and services with their definitions, for pickers, forms and the code typings. */
  models: ModelInfo[];
  services: ServiceInfo[];
  refresh: () => Promise<void>;
  /** Updates one row after a save or a switch, without waiting for the next refresh. */
  patchElement: (name: string, patch: Partial<ElementSummary>) => void;
};

const shortName = (name: string) => name.slice(name.indexOf('.') + 1);

function toModel(doc: ElementDocument, summary: ElementSummary): ModelInfo {
  const definition = doc.definition as Partial<ModelDefinition>;
  return {
    name: doc.name,
    short: shortName(doc.name),
    title: summary.title ?? definition.title ?? shortName(doc.name),
    fields: Array.isArray(definition.fields) ? definition.fields : [],
  };
}

function toService(doc: ElementDocument, summary: ElementSummary): ServiceInfo {
  const definition = doc.definition as Partial<ServiceDefinition>;
  return {
    name: doc.name,
    short: shortName(doc.name),
    title: summary.title ?? definition.title ?? shortName(doc.name),
    functions: Array.isArray(definition.functions) ? definition.functions : [],
    events: Array.isArray(definition.eventDescs) ? definition.eventDescs : [],
  };
}

let inFlight: Promise<void> | null = null;

export const useAppStore = create<AppState>((set) => ({
  elements: [],
  problems: [],
  loaded: false,
  loadError: null,
  models: [],
  services: [],
  refresh: () => {
    // Several screens ask for a refresh after a write; one request answers all of them.
    inFlight ??= (async () => {
      try {
        const list = await elementsApi.list();
        const wanted = list.items.filter(
          (e) => (e.type === 'model' || e.type === 'service') && e.problems.length === 0,
        );
        const docs = await Promise.all(
          wanted.map(async (summary) => {
            try {
              return { summary, doc: await elementsApi.get(summary.name) };
            } catch {
              return null;
            }
          }),
        );
        const models: ModelInfo[] = [];
        const services: ServiceInfo[] = [];
        for (const entry of docs) {
          if (!entry) continue;
          if (entry.summary.type === 'model') models.push(toModel(entry.doc, entry.summary));
          else services.push(toService(entry.doc, entry.summary));
        }
        set({
          elements: list.items,
          problems: list.problems ?? [],
          models,
          services,
          loaded: true,
          loadError: null,
        });
      } catch (error) {
        set({ loaded: true, loadError: (error as Error).message });
      } finally {
        inFlight = null;
      }
    })();
    return inFlight;
  },
  patchElement: (name, patch) =>
    set((state) => ({
      elements: state.elements.map((e) => (e.name === name ? { ...e, ...patch } : e)),
    })),
}));

export const findModel = (
  models: readonly ModelInfo[],
  name: string | undefined,
): ModelInfo | undefined => models.find((m) => m.name === name);
