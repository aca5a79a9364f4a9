import { Alert, Card, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { elementsApi } from '../api/endpoints';
import type { ElementDocument } from '../api/types';
import { JsonView } from '../components/JsonView';
import { useT } from '../i18n';
import { CodeEditor } from '../monaco/CodeEditor';
import { useAppStore } from '../stores/app-store';

/** Elements the IDE does not edit yet (services, approvals, other event kinds), shown read-only. */
export function ElementPage({ name }: { name: string }) {
  const t = useT();
  const [doc, setDoc] = useState<ElementDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const problems = useAppStore((s) => s.elements.find((e) => e.name === name)?.problems ?? []);
  useEffect(() => {
    elementsApi.get(name).then(setDoc, (e: Error) => setError(e.message));
  }, [name]);
  if (error) return <Result status="warning" title={name} subTitle={error} />;
  if (!doc)
    return (
      <div className="center-fill">
        <Spin />
      </div>
    );
  return (
    <div className="page" data-testid="element-page">
      <div className="page-header">
        <Typography.Title level={4} className="page-title-text">
          {String(doc.definition.title ?? name)}{' '}
          <Typography.Text type="secondary">{name}</Typography.Text>
        </Typography.Title>
      </div>
      {problems.length > 0 ? (
        // A file that does not load (often not valid JSON) lands here whatever its type: say why.
        <Alert
          type="error"
          showIcon
          className="page-alert"
          data-testid="element-problems"
          title={t('event.problems')}
          description={problems.map((p, i) => (
            <div key={i} className="mono">
              {p.file} {p.field}: {p.reason}
            </div>
          ))}
        />
      ) : (
        <Alert type="info" showIcon className="page-alert" title={t('element.readOnly')} />
      )}
      <Card className="page-card" title={t('element.definition')}>
        <JsonView value={doc.definition} maxHeight={480} />
      </Card>
      {doc.code !== null && (
        <Card className="page-card" title={t('element.code')} styles={{ body: { padding: 0 } }}>
          <CodeEditor
            readOnly
            path={`file:///${name.replace('.', '/')}/view.ts`}
            value={doc.code}
            height={420}
          />
        </Card>
      )}
    </div>
  );
}
