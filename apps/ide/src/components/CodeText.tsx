/** UI text in which `backticked` words are code: they are shown as code, without the backticks. */
export function CodeText({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
