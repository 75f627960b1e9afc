/**
 * The frame of every page. An official who must change their password is kept on that page:
 * the API refuses everything else to them until they do (PASSWORD_CHANGE_REQUIRED).
 */
import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { Navigate, useLocation } from 'react-router-dom';
import { useMe } from '../common/useMe';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

export function Layout({ children }: { children: ReactNode }) {
  const me = useMe();
  const { pathname } = useLocation();
  if (me?.mustChangePassword && pathname !== '/change-password') return <Navigate to="/change-password" replace />;
  return (
    <RaLayout appBar={AppBar} menu={Menu}>
      {children}
    </RaLayout>
  );
}
