import LockResetIcon from '@mui/icons-material/LockReset';
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material';
import { forwardRef } from 'react';
import { AppBar as RaAppBar, Logout, TitlePortal, UserMenu, useTranslate, useUserMenu } from 'react-admin';
import { Link } from 'react-router-dom';
import { NotificationBell } from '../notifications/NotificationBell';
import { LanguageSwitch } from './LanguageSwitch';

const ChangePasswordItem = forwardRef<HTMLAnchorElement>((props, ref) => {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem
      component={Link}
      to="/change-password"
      ref={ref}
      {...props}
      onClick={() => userMenu?.onClose()}
      data-testid="change-password-item"
    >
      <ListItemIcon>
        <LockResetIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.change_password')}</ListItemText>
    </MenuItem>
  );
});

export function AppBar() {
  return (
    <RaAppBar
      toolbar={
        <>
          <NotificationBell />
          <LanguageSwitch />
        </>
      }
      userMenu={
        <UserMenu>
          <ChangePasswordItem />
          <Logout />
        </UserMenu>
      }
    >
      <TitlePortal />
    </RaAppBar>
  );
}
