/** react-admin's default theme in the province's blue. */
import { defaultTheme } from 'react-admin';

export const theme = {
  ...defaultTheme,
  palette: { ...defaultTheme.palette, primary: { main: '#1565c0' }, secondary: { main: '#0d47a1' } },
};
