import { useTranslation } from 'react-i18next';
import { usePortrait } from '../../lib/photo';

type PortraitProps = {
  orderId: string;
  photoUrl: string | null | undefined;
  /** Changes when the photo may have changed (the order's version). */
  version?: number;
  alt: string;
};

/** The portrait on a card order, loaded with the bearer token; a grey box while it loads. */
export function Portrait({ orderId, photoUrl, version, alt }: PortraitProps) {
  const { t } = useTranslation();
  const photo = usePortrait(orderId, photoUrl, version);
  if (!photoUrl) return <p className="portrait portrait--none">{t('portrait.none')}</p>;
  if (photo.isError) return <p className="portrait portrait--none">{t('portrait.failed')}</p>;
  if (!photo.data) {
    return (
      <div className="portrait portrait--loading" role="status" aria-busy="true">
        <span className="visually-hidden">{t('portrait.loading')}</span>
      </div>
    );
  }
  return <img className="portrait" src={photo.data} alt={alt} width={150} height={200} />;
}
