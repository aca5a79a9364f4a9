import { Button, Result, Typography } from 'antd';
import { Component, type ReactNode } from 'react';
import { useT } from '../i18n';

type Props = { children: ReactNode; title: string; retryLabel: string };
type State = { error: Error | null };

class Boundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div data-testid="page-crash">
        <Result
          status="error"
          title={this.props.title}
          subTitle={
            <Typography.Text code data-testid="page-crash-message">
              {error.message}
            </Typography.Text>
          }
          extra={
            <Button onClick={() => this.setState({ error: null })}>{this.props.retryLabel}</Button>
          }
        />
      </div>
    );
  }
}

/**
 * A page that throws while rendering (say, an element file written by hand in a shape the form does
 * not expect) shows the error in its own tab: without this React unmounts the whole IDE, leaving a
 * blank window with the tree and the other tabs gone.
 */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <Boundary title={t('page.crashed')} retryLabel={t('common.retry')}>
      {children}
    </Boundary>
  );
}
