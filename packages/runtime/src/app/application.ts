import {
  checkCondition,
  MODEL_TIMINGS,
  type AppDefinition,
  type Condition,
  type ElementProblem,
  type ModelDefinition,
  type ModelEventDefinition,
  type ModelTiming,
} from '@whenthen/schema';
import type { Sqlite } from '../data/database.js';
import { ModelStore } from '../data/model-store.js';
import type { LoadedElement, LoadedFolder } from './app-folder.js';

/** A model event ready to dispatch: its definition, checked filter and code. */
export type ActiveModelEvent = {
  name: string;
  definition: ModelEventDefinition;
  filter: Condition | null;
  code: string;
  version: string;
};

export type CodeChecker = (code: string) => { message: string; line?: number; column?: number } | null;

/**
 * The application as loaded: its elements (with their problems), a store per valid model, and the
 * model events of each model and timing in run order. Rebuilt whole on every reload — cheap, and it
 * keeps one consistent view while files change underneath.
 */
export class Application {
  readonly app: AppDefinition;
  readonly elements: LoadedElement[];
  readonly problems: ElementProblem[];
  readonly models = new Map<string, ModelStore>();
  private readonly modelEvents = new Map<string, ActiveModelEvent[]>();
  readonly maxDepth: number;

  constructor(folder: LoadedFolder, db: Sqlite, checkCode: CodeChecker) {
    this.app = folder.app;
    this.problems = folder.problems;
    this.elements = folder.elements;
    this.maxDepth = folder.app.limits?.maxDepth ?? 16;
    for (const el of this.elements) {
      if (el.definition?.type !== 'model' || el.problems.length) continue;
      const short = el.name.slice('models.'.length);
      this.models.set(el.name, new ModelStore(db, { name: el.name, short, fields: (el.definition as ModelDefinition).fields }));
    }
    for (const el of this.elements) {
      const def = el.definition;
      if (def?.type !== 'event' || def.kind !== 'model' || el.problems.length) continue;
      const active = this.checkModelEvent(el, def, checkCode);
      if (!active) continue;
      const key = `${def.model}#${def.timing}`;
      const list = this.modelEvents.get(key) ?? [];
      list.push(active);
      this.modelEvents.set(key, list);
    }
    for (const list of this.modelEvents.values())
      list.sort((a, b) => a.definition.order - b.definition.order || a.name.localeCompare(b.name));
  }

  /** Cross-element checks; a failing event is reported on its element and left out. */
  private checkModelEvent(el: LoadedElement, def: ModelEventDefinition, checkCode: CodeChecker): ActiveModelEvent | null {
    const file = el.name.replace('.', '/') + '/e.json';
    const problem = (field: string, reason: string) => el.problems.push({ file, field, reason });
    const model = this.models.get(def.model);
    if (!model) {
      problem('model', `${def.model} does not exist or has problems`);
      return null;
    }
    const fieldNames = new Set(model.spec.fields.map((f) => f.name));
    def.fields.forEach((f, i) => {
      if (!fieldNames.has(f)) problem(`fields.${i}`, `${def.model} has no field "${f}"`);
    });
    let filter: Condition | null = null;
    if (def.filter) {
      const checked = checkCondition(def.filter, model.spec.fields, 'filter');
      if (checked.ok) filter = checked.condition;
      else checked.problems.forEach((p) => problem(p.field, p.reason));
    }
    if (def.handler.type === 'service') problem('handler', 'service function handlers are not supported yet; use an inline handler');
    const code = el.code;
    if (def.handler.type === 'inline') {
      if (code === null) problem('handler', 'inline handler needs handler.ts');
      else {
        const err = checkCode(code);
        if (err) el.problems.push({ file: file.replace('e.json', 'handler.ts'), field: err.line ? `line ${err.line}` : '(code)', reason: err.message });
      }
    }
    if (el.problems.length) return null;
    return { name: el.name, definition: def, filter, code: code!, version: el.version };
  }

  element(name: string): LoadedElement | undefined {
    const lower = name.toLowerCase();
    return this.elements.find((e) => e.name.toLowerCase() === lower);
  }

  model(name: string): ModelStore | undefined {
    return this.models.get(name);
  }

  /** Model events of a model for the given timings, merged in run order. */
  eventsFor(model: string, timings: readonly ModelTiming[]): ActiveModelEvent[] {
    if (timings.length === 1) return this.modelEvents.get(`${model}#${timings[0]}`) ?? [];
    const all = timings.flatMap((t) => this.modelEvents.get(`${model}#${t}`) ?? []);
    return all.sort((a, b) => a.definition.order - b.definition.order || a.name.localeCompare(b.name));
  }

  hasEvents(model: string): boolean {
    return MODEL_TIMINGS.some((t) => this.modelEvents.get(`${model}#${t}`)?.some((e) => e.definition.enabled));
  }
}
