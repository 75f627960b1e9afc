/** The case's photos (thumbnails, full size on click), videos (player) and documents (links). */
import DescriptionIcon from '@mui/icons-material/Description';
import {
  Box,
  Chip,
  Dialog,
  DialogContent,
  ImageList,
  ImageListItem,
  ImageListItemBar,
  Link,
  Stack,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { LinearProgress, useTranslate } from 'react-admin';
import { Degraded } from '../common/Degraded';
import type { MediaItem } from '../providers/dataProvider';
import { useCaseMedia } from './useCaseHelpers';

const fileUrl = (m: MediaItem) => m.url || `/api/v1/media/${m.id}`;
const kindOf = (m: MediaItem) =>
  m.kind ??
  (m.contentType?.startsWith('video/') ? 'video' : m.contentType?.startsWith('image/') ? 'photo' : 'document');

export function MediaGallery({ caseId }: { caseId: string }) {
  const translate = useTranslate();
  const { data, error, isPending } = useCaseMedia(caseId);
  const [open, setOpen] = useState<MediaItem | null>(null);
  if (isPending) return <LinearProgress />;
  if (error) return <Degraded error={error} />;
  if (!data?.length) return <Typography color="text.secondary">{translate('resources.cases.media.empty')}</Typography>;
  const photos = data.filter((m) => kindOf(m) === 'photo');
  const videos = data.filter((m) => kindOf(m) === 'video');
  const documents = data.filter((m) => kindOf(m) === 'document');
  const purpose = (m: MediaItem) =>
    m.purpose ? translate(`resources.cases.media.${m.purpose}`, { _: m.purpose }) : undefined;
  return (
    <Box data-testid="media-gallery">
      {photos.length > 0 && (
        <ImageList cols={4} rowHeight={140} gap={8}>
          {photos.map((m) => (
            <ImageListItem key={m.id} onClick={() => setOpen(m)} sx={{ cursor: 'zoom-in' }}>
              <img
                src={m.thumbnailUrl || `${fileUrl(m)}/thumbnail`}
                alt={m.originalName ?? ''}
                loading="lazy"
                style={{ objectFit: 'cover', height: 140 }}
              />
              {purpose(m) && <ImageListItemBar subtitle={purpose(m)} />}
            </ImageListItem>
          ))}
        </ImageList>
      )}
      <Stack spacing={1}>
        {videos.map((m) => (
          <Box key={m.id}>
            <video controls preload="metadata" src={fileUrl(m)} style={{ maxWidth: '100%', maxHeight: 360 }} />
            {purpose(m) && <Chip size="small" label={purpose(m)} />}
          </Box>
        ))}
        {documents.map((m) => (
          <Link
            key={m.id}
            href={fileUrl(m)}
            target="_blank"
            rel="noopener"
            sx={{ display: 'flex', gap: 1, alignItems: 'center' }}
          >
            <DescriptionIcon fontSize="small" />
            {m.originalName ?? translate('domain.media_kind.document')}
            {purpose(m) && <Chip size="small" label={purpose(m)} />}
          </Link>
        ))}
      </Stack>
      <Dialog open={open !== null} onClose={() => setOpen(null)} maxWidth="lg">
        <DialogContent>
          {open && (
            <img src={fileUrl(open)} alt={open.originalName ?? ''} style={{ maxWidth: '100%', maxHeight: '80vh' }} />
          )}
        </DialogContent>
      </Dialog>
    </Box>
  );
}
