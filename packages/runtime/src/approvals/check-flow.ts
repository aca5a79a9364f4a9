import { checkCondition, type ApprovalDefinition, type Condition } from '@whenthen/schema';
import type { Application } from '../app/application.js';
import type { LoadedElement } from '../app/app-folder.js';

/** A flow that loaded without problems: its definition and its checked condition. */
export type ActiveApproval = {
  name: string;
  definition: ApprovalDefinition;
  condition: Condition | null;
  version: string;
};

/** Field types that can name a user (by id). */
const USER_FIELD_TYPES = ['text', 'enum'];

/**
 * Cross-element checks of a flow: its model exists, its condition fits the model, every approver is
 * a user of the application or a text/enum field of the model. Problems go on the element.
 */
export function checkFlow(el: LoadedElement, app: Application): ActiveApproval | null {
  const def = el.definition as ApprovalDefinition;
  const file = `${el.name.replace('.', '/')}/e.json`;
  const problem = (field: string, reason: string) => el.problems.push({ file, field, reason });
  const store = app.model(def.model);
  if (!store) {
    problem('model', `${def.model} does not exist or has problems`);
    return null;
  }
  const users = (app.app.users ?? []).map((u) => u.id);
  const known = users.length
    ? `the application has ${users.join(', ')}`
    : 'the application has no users (add them to app.json "users")';
  const fields = new Map(store.spec.fields.map((f) => [f.name, f]));
  def.nodes.forEach((node, i) =>
    node.approvers.forEach((a, j) => {
      const at = `nodes.${i}.approvers.${j}`;
      if (typeof a === 'string') {
        if (!users.includes(a)) problem(at, `unknown user "${a}"; ${known}`);
        return;
      }
      const field = fields.get(a.field);
      if (!field) problem(at, `${def.model} has no field "${a.field}"`);
      else if (!USER_FIELD_TYPES.includes(field.type))
        problem(
          at,
          `field "${a.field}" is ${field.type}; an approver field holds a user id (text or enum)`,
        );
    }),
  );
  let condition: Condition | null = null;
  if (def.condition) {
    const checked = checkCondition(def.condition, store.spec.fields, 'condition');
    if (checked.ok) condition = checked.condition;
    else checked.problems.forEach((p) => problem(p.field, p.reason));
  }
  if (el.problems.length) return null;
  return { name: el.name, definition: def, condition, version: el.version };
}
