/** Tiếng Việt / English: switches the UI and the API's language (Accept-Language). */
import TranslateIcon from '@mui/icons-material/Translate';
import { Button, Menu, MenuItem, Tooltip } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { LOCALES } from '../providers/i18nProvider';

export function LanguageSwitch() {
  const translate = useTranslate();
  const [locale, setLocale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const current = LOCALES.find((l) => l.locale === locale) ?? LOCALES[0]!;
  return (
    <>
      <Tooltip title={translate('app.language')}>
        <Button
          color="inherit"
          startIcon={<TranslateIcon />}
          onClick={(e) => setAnchor(e.currentTarget)}
          aria-label={translate('app.language')}
          data-testid="language-switch"
        >
          {current.locale.toUpperCase()}
        </Button>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {LOCALES.map((l) => (
          <MenuItem
            key={l.locale}
            selected={l.locale === locale}
            lang={l.locale}
            data-testid={`language-${l.locale}`}
            onClick={() => {
              setAnchor(null);
              setLocale(l.locale);
            }}
          >
            {translate(`app.language_${l.locale}`)}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
