import type { ReactNode } from 'react';

/** An input of the service form with the messages about it underneath. */
export function FieldCell({
  errors,
  testId,
  className,
  children,
}: {
  errors?: string[];
  testId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`svc-cell${className ? ` ${className}` : ''}`}>
      {children}
      {errors && errors.length > 0 && (
        <div className="svc-cell-error" data-testid={testId ? `${testId}-error` : 'field-error'}>
          {errors.join(' · ')}
        </div>
      )}
    </div>
  );
}

export const statusOf = (errors?: string[]): 'error' | undefined =>
  errors?.length ? 'error' : undefined;
