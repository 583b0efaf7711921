import type { ReactNode } from 'react';

/** One item of a repeating form list (a problem, a need, an enterprise of a task list): a framed group named by its legend. */
export function ItemGroup({
  legend,
  children,
  ...data
}: {
  legend: ReactNode;
  children: ReactNode;
  'data-testid'?: string;
  'data-enterprise'?: string;
}) {
  return (
    <fieldset
      {...data}
      style={{ border: '1px solid #d9d9d9', borderRadius: 4, padding: '8px 12px', marginBottom: 12 }}
    >
      <legend
        style={{ fontSize: 14, fontWeight: 600, width: 'auto', padding: '0 4px', margin: 0, border: 0 }}
      >
        {legend}
      </legend>
      {children}
    </fieldset>
  );
}
