import type { ReactNode } from 'react';

export interface Column {
  label: string;
  /** Figures, aligned to the end. */
  num?: boolean;
  /** Named for screen readers only (the actions column). */
  hidden?: boolean;
}

/** A section of an administration page holding one table: its heading, caption, column headers and rows. */
export function AdminTable({ id, heading, caption, columns, children }: {
  id: string;
  heading: string;
  caption: string;
  columns: Column[];
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <div className="table-wrap">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th scope="col" key={c.label} className={c.num ? 'num' : undefined}>
                  {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </div>
    </section>
  );
}
