import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { describedBy, ErrorMessage } from '../../../components/ui/Field';
import { Notice } from '../../../components/ui/Notice';
import { Page } from '../../../components/ui/Page';
import { Portrait } from '../../../components/ui/Portrait';
import { errorFor, type Message } from '../../../lib/messages';
import { readAsDataUrl } from '../../../lib/photo';
import { takesPhoto } from '../../../lib/status';
import type { CompanyOrder } from '../api/list-orders';
import { useUploadPhoto } from '../api/upload-photo';
import { checkPhotoFile, checkPhotoSize, photoProblemKeys, uploadErrorMessage } from '../validation';
import { useCompany } from './CompanyScope';
import { CompanyOrderScope } from './OrderScope';

type Chosen = { file: File; preview: string; width: number; height: number };

/** The decoded size of a picture, or null if the browser cannot read it. */
function pictureSize(src: string): Promise<{ width: number; height: number } | null> {
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve({ width: image.naturalWidth, height: image.naturalHeight });
    image.onerror = () => resolve(null);
    image.src = src;
  });
}

/** Order a card, step 2 of 2 (or later, a new portrait): choose the file, see it, upload it. */
export function PhotoPage() {
  const { t } = useTranslation();
  return (
    <CompanyOrderScope title={t('company.photo.title')}>
      {(order) => (
        <Page title={t('company.photo.title')} caption={t('company.new.caption', { step: 2, total: 2 })}>
          <PhotoForm order={order} />
        </Page>
      )}
    </CompanyOrderScope>
  );
}

function PhotoForm({ order }: { order: CompanyOrder }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const company = useCompany();
  const upload = useUploadPhoto();
  const created = (useLocation().state as { created?: boolean } | null)?.created;
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [errors, setErrors] = useState<Message[]>([]);
  const [attempt, setAttempt] = useState(0);
  const name = `${order.holder.given_names} ${order.holder.surname}`;
  const detailPath = `/company/${company.id}/orders/${order.id}`;

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setChosen(null);
    if (!file) return;
    const fileProblem = checkPhotoFile(file);
    if (fileProblem) {
      setErrors([{ field: 'photo', key: photoProblemKeys[fileProblem] }]);
      return;
    }
    const preview = await readAsDataUrl(file);
    const size = await pictureSize(preview);
    const sizeProblem = size ? checkPhotoSize(size.width, size.height) : 'unreadable';
    if (sizeProblem || !size) {
      setErrors([{ field: 'photo', key: photoProblemKeys[sizeProblem ?? 'unreadable'] }]);
      return;
    }
    setErrors([]);
    setChosen({ file, preview, ...size });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    if (!chosen) {
      if (errors.length === 0) setErrors([{ field: 'photo', key: 'company.photo.errors.required' }]);
      return;
    }
    upload.mutate(
      { companyId: company.id, id: order.id, file: chosen.file },
      {
        onSuccess: () => void navigate(detailPath, { state: { notice: 'photo' } }),
        onError: (error) => setErrors([uploadErrorMessage(error)]),
      },
    );
  }

  if (!takesPhoto(order.status)) {
    return (
      <>
        <p>{t('company.photo.errors.invalidState')}</p>
        <p>
          <Link className="action-link" to={detailPath}>
            {t('company.order.back')}
          </Link>
        </p>
      </>
    );
  }

  const error = errorFor(errors, 'photo');
  return (
    <>
      {created ? (
        <Notice title={t('company.photo.created')}>
          <p>{t('company.photo.createdBody', { name })}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} attempt={attempt} />
      <p>{t('company.photo.intro', { name })}</p>
      <ul className="list-bullet">
        <li>{t('company.photo.rule1')}</li>
        <li>{t('company.photo.rule2')}</li>
        <li>{t('company.photo.rule3')}</li>
        <li>{t('company.photo.rule4')}</li>
      </ul>
      {order.photo_url && !chosen ? (
        <>
          <h2>{t('company.photo.current')}</h2>
          <Portrait
            orderId={order.id}
            photoUrl={order.photo_url}
            version={order.version}
            alt={t('company.photo.alt', { name })}
          />
        </>
      ) : null}
      <form noValidate onSubmit={submit}>
        <div className={`form-group${error ? ' form-group--error' : ''}`}>
          <label className="label" htmlFor="photo">
            {order.photo_url ? t('company.photo.chooseNew') : t('company.photo.choose')}
          </label>
          <div id="photo-hint" className="hint">
            {t('company.photo.chooseHint')}
          </div>
          <ErrorMessage id="photo-error" error={error} />
          <input
            id="photo"
            name="photo"
            type="file"
            className={`file-upload${error ? ' input--error' : ''}`}
            accept="image/jpeg,image/png"
            aria-describedby={describedBy('photo', true, error)}
            aria-invalid={error ? true : undefined}
            onChange={(event) => void choose(event)}
          />
        </div>
        <div aria-live="polite">
          {chosen ? (
            <figure className="photo-preview">
              <img
                className="portrait"
                src={chosen.preview}
                alt={t('company.photo.previewAlt', { name })}
                width={150}
                height={200}
              />
              <figcaption>
                {t('company.photo.previewCaption', { width: chosen.width, height: chosen.height })}
              </figcaption>
            </figure>
          ) : null}
        </div>
        <div className="button-group">
          <button type="submit" className="button" disabled={upload.isPending}>
            {t('company.photo.submit')}
          </button>
          <Link className="action-link" to={detailPath}>
            {created ? t('company.photo.later') : t('common.cancel')}
          </Link>
        </div>
        <p className="visually-hidden" aria-live="polite">
          {upload.isPending ? t('company.photo.uploading') : ''}
        </p>
      </form>
    </>
  );
}
