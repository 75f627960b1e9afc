import { PageTitle } from '../common';
import { useI18n } from '../i18n';
import { Icon } from '../icons';

export const HOTLINE = '19009038';

export default function Help() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle>{t('helpTitle')}</PageTitle>
      <section className="card" aria-labelledby="hotline-heading">
        <h2 id="hotline-heading">{t('hotline')}</h2>
        <p className="hotline" data-testid="hotline">
          {HOTLINE}
        </p>
        <a className="button primary big" href={`tel:${HOTLINE}`}>
          <Icon name="call" /> {t('callHotline')}
        </a>
      </section>
      <section className="card" aria-labelledby="howto-heading">
        <h2 id="howto-heading">{t('howTo')}</h2>
        <ol>
          <li>{t('howTo1')}</li>
          <li>{t('howTo2')}</li>
          <li>{t('howTo3')}</li>
          <li>{t('howTo4')}</li>
        </ol>
        <p>{t('offlineHelp')}</p>
        <p>{t('privacyHelp')}</p>
        <p>{t('install')}</p>
      </section>
    </>
  );
}
