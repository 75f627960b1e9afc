/**
 * Photos and videos for a report or for an answer: take one with the camera or choose from the
 * gallery, each checked on the device (./picked-files.ts), previewed, and removable.
 */
import { useState, type ChangeEvent, type Dispatch, type SetStateAction } from 'react';
import { formatSize, useI18n } from './i18n';
import { pickFiles, type Picked } from './picked-files';
import { Icon } from './icons';

export function MediaPicker({
  files,
  setFiles,
  name = 'media',
}: {
  files: Picked[];
  setFiles: Dispatch<SetStateAction<Picked[]>>;
  /** Prefix of the element ids and test ids, unique on the page. */
  name?: string;
}) {
  const { t } = useI18n();
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const hint = `${name}-hint`;

  async function addFiles(event: ChangeEvent<HTMLInputElement>) {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = '';
    const { accepted, problems } = await pickFiles(chosen, files.length, t);
    setFileErrors(problems);
    setFiles((current) => [...current, ...accepted]);
  }

  return (
    <>
      <p className="hint" id={hint}>
        {t('mediaHint')}
      </p>
      <div className="button-row">
        <label className="button file-button">
          <Icon name="photo_camera" /> {t('takePhoto')}
          <input
            type="file"
            accept="image/*,video/*"
            capture="environment"
            onChange={addFiles}
            aria-describedby={hint}
          />
        </label>
        <label className="button file-button">
          <Icon name="photo_library" /> {t('pickFiles')}
          <input
            type="file"
            accept="image/*,video/*"
            multiple
            onChange={addFiles}
            aria-describedby={hint}
            data-testid={`${name}-input`}
          />
        </label>
      </div>
      {fileErrors.length > 0 && (
        <ul role="alert" className="field-error">
          {fileErrors.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <ul className="previews" data-testid={name === 'media' ? 'previews' : `${name}-previews`}>
          {files.map((f) => (
            <li key={f.id}>
              {f.preview ? (
                <img src={f.preview} alt={f.file.name} />
              ) : (
                <span className="video-tile">
                  <Icon name="movie" /> {t('video')}
                </span>
              )}
              <small>{formatSize(f.file.size)}</small>
              <button
                type="button"
                className="remove"
                aria-label={t('removeFile', { name: f.file.name })}
                onClick={() => setFiles((current) => current.filter((x) => x.id !== f.id))}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
