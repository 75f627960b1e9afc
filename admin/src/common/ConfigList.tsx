/** The configuration lists' common frame: an empty list or an API not there yet is said plainly. */
import type { ReactNode } from 'react';
import { List, type ListProps } from 'react-admin';

export function ConfigList({ children, ...props }: ListProps & { children: ReactNode }) {
  return (
    <List perPage={50} {...props}>
      {children}
    </List>
  );
}
