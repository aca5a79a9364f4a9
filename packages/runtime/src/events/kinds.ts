import {
  checkCondition,
  type ApprovalEventDefinition,
  type Condition,
  type CustomEventDefinition,
  type ModelEventDefinition,
} from '@whenthen/schema';
import type { Application } from '../app/application.js';

type Problem = (field: string, reason: string) => void;

/**
 * One event kind on the runtime side: its checks against the rest of the application, and the key
 * under which the dispatcher looks up its subscribers. The dispatch itself lives with what sets the
 * events off (data writes for model events, publishing for custom events).
 */
export type KindUnit<D> = {
  /** Cross-element checks; returns the checked filter, if the kind has one. */
  check(def: D, app: Application, problem: Problem): Condition | null | void;
  subscription(def: D): string;
};

const model: KindUnit<ModelEventDefinition> = {
  check(def, app, problem) {
    const store = app.model(def.model);
    if (!store) return problem('model', `${def.model} does not exist or has problems`);
    const fieldNames = new Set(store.spec.fields.map((f) => f.name));
    def.fields.forEach((f, i) => {
      if (!fieldNames.has(f)) problem(`fields.${i}`, `${def.model} has no field "${f}"`);
    });
    if (!def.filter) return null;
    const checked = checkCondition(def.filter, store.spec.fields, 'filter');
    if (checked.ok) return checked.condition;
    checked.problems.forEach((p) => problem(p.field, p.reason));
    return null;
  },
  subscription: (def) => `model:${def.model}#${def.timing}`,
};

const custom: KindUnit<CustomEventDefinition> = {
  check(def, app, problem) {
    const [, svcName, eventName] = def.sender.split('.');
    const svc = app.services.get(`services.${svcName}`);
    if (!svc) return problem('sender', `services.${svcName} does not exist or has problems`);
    const declared = svc.definition.eventDescs.map((e) => e.name);
    if (!declared.includes(eventName!))
      problem(
        'sender',
        `services.${svcName} does not declare "${eventName}"; it declares ${declared.join(', ') || 'no events'}`,
      );
  },
  subscription: (def) => `custom:${def.sender}`,
};

const approval: KindUnit<ApprovalEventDefinition> = {
  check(def, app, problem) {
    const flow = app.approvals.get(def.flow);
    if (!flow) return problem('flow', `${def.flow} does not exist or has problems`);
    const ids = flow.definition.nodes.map((n) => n.id);
    (def.nodes ?? []).forEach((n, i) => {
      if (!ids.includes(n))
        problem(`nodes.${i}`, `${def.flow} has no node "${n}"; it has ${ids.join(', ')}`);
    });
  },
  subscription: (def) => `approval:${def.flow}#${def.timing}`,
};

export const eventKinds = { model, custom, approval } as const;
export type KindName = keyof typeof eventKinds;
