import { checkCondition, type Condition, type Field } from '@whenthen/schema';
import { Alert, Button, Modal, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useT, type Translate } from '../i18n';
import { ConditionBuilder } from './ConditionBuilder';
import {
  fromBuilder,
  missingPart,
  toBuilder,
  type BuilderGroup,
  type BuilderNode,
} from './condition-model';

type Props = {
  open: boolean;
  title?: string;
  value: Condition | null | undefined;
  fields: readonly Field[];
  onOk: (condition: Condition | null) => void;
  onCancel: () => void;
};

/** The condition builder in a dialog; OK is refused while a row is incomplete or its value wrong. */
export function ConditionModal({ open, title, value, fields, onOk, onCancel }: Props) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={title ?? t('cond.title')}
      width={840}
      destroyOnHidden
      footer={null}
      // Esc closes a date picker or a dropdown inside a row; neither it nor a stray click beside
      // the dialog may throw the rows away. Cancel and × still do.
      keyboard={false}
      mask={{ closable: false }}
      onCancel={onCancel}
    >
      {open && <ConditionEditor value={value} fields={fields} onOk={onOk} onCancel={onCancel} />}
    </Modal>
  );
}

/**
 * Checks the builder's tree: first that every row is complete (said in the user's language), then
 * with the same rules the server uses, mapping each problem to the row it concerns.
 */
function useChecked(root: BuilderGroup, fields: readonly Field[], t: Translate) {
  return useMemo(() => {
    const problems = new Map<string, string[]>();
    const loose: string[] = [];
    const add = (id: string, message: string) =>
      problems.set(id, [...(problems.get(id) ?? []), message]);
    const walk = (node: BuilderNode, isRoot: boolean) => {
      if (node.kind === 'leaf') {
        const missing = missingPart(node);
        if (missing === 'field') add(node.id, t('cond.needField'));
        else if (missing === 'op') add(node.id, t('cond.needOp'));
        else if (missing === 'value') add(node.id, t('cond.needValue'));
        return;
      }
      if (!isRoot && node.children.length === 0) add(node.id, t('cond.emptyGroup'));
      node.children.forEach((child) => walk(child, false));
    };
    walk(root, true);
    const { condition, paths } = fromBuilder(root);
    if (!condition || problems.size > 0) return { condition, problems, loose };
    const result = checkCondition(condition, fields, 'filter');
    if (result.ok) return { condition: result.condition, problems, loose };
    // Each problem goes to the deepest row whose JSON path prefixes it.
    const byDepth = [...paths.entries()].sort((a, b) => b[1].length - a[1].length);
    for (const p of result.problems) {
      const owner = byDepth.find(([, at]) => p.field === at || p.field.startsWith(`${at}.`));
      if (owner) add(owner[0], p.reason);
      else loose.push(p.reason);
    }
    return { condition, problems, loose };
  }, [root, fields, t]);
}

function ConditionEditor({ value, fields, onOk, onCancel }: Omit<Props, 'open' | 'title'>) {
  const t = useT();
  const [root, setRoot] = useState<BuilderGroup>(() => toBuilder(value));
  const [tried, setTried] = useState(false);
  const checked = useChecked(root, fields, t);
  const invalid = checked.problems.size > 0 || checked.loose.length > 0;
  return (
    <>
      <ConditionBuilder
        value={root}
        onChange={setRoot}
        fields={fields}
        problems={tried ? checked.problems : undefined}
      />
      {tried &&
        checked.loose.map((p) => (
          <Alert key={p} type="error" showIcon title={p} style={{ marginTop: 8 }} />
        ))}
      <div className="modal-footer">
        <Space>
          <Button onClick={onCancel} data-testid="condition-cancel">
            {t('cond.cancel')}
          </Button>
          <Button
            type="primary"
            data-testid="condition-ok"
            onClick={() => {
              setTried(true);
              if (!invalid) onOk(checked.condition);
            }}
          >
            {t('cond.ok')}
          </Button>
        </Space>
      </div>
    </>
  );
}
