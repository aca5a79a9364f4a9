import { Form } from 'antd';
import type { ReactNode } from 'react';

type Props = {
  label: ReactNode;
  errors?: string[];
  help?: ReactNode;
  extra?: ReactNode;
  required?: boolean;
  children: ReactNode;
  testId?: string;
};

/**
 * A form row whose messages come from our own validation (client or server) rather than antd's
 * rules: the forms edit an e.json draft, not antd form state.
 */
export function FormItem({ label, errors, help, extra, required, children, testId }: Props) {
  const failed = !!errors?.length;
  return (
    <Form.Item
      label={
        <span>
          {label}
          {extra ? <span style={{ marginLeft: 6 }}>{extra}</span> : null}
        </span>
      }
      required={required}
      validateStatus={failed ? 'error' : undefined}
      help={
        failed ? (
          <span data-testid={testId ? `${testId}-error` : 'field-error'}>{errors.join(' · ')}</span>
        ) : undefined
      }
      extra={help}
    >
      {children}
    </Form.Item>
  );
}
