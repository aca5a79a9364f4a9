/** Pretty JSON in a scrolling block. */
export function JsonView({
  value,
  maxHeight = 260,
  testId,
}: {
  value: unknown;
  maxHeight?: number;
  testId?: string;
}) {
  let text: string;
  try {
    text = value === undefined ? 'undefined' : (JSON.stringify(value, null, 2) ?? String(value));
  } catch {
    text = String(value);
  }
  return (
    <pre className="json-view" style={{ maxHeight }} data-testid={testId}>
      {text}
    </pre>
  );
}
