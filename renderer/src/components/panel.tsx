import type { ReactNode } from 'react';

type PanelProps = {
  title: string;
  /** Right side of the header: counts, small controls. */
  aside?: ReactNode;
  className?: string;
  children: ReactNode;
  testId?: string;
};

export function Panel({ title, aside, className, children, testId }: PanelProps) {
  return (
    <section className={`panel ${className ?? ''}`} data-testid={testId}>
      <header className="panel-head">
        <h2>{title}</h2>
        {aside ? <div className="panel-aside">{aside}</div> : null}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
