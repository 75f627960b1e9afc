/** The reply the official submitted for approval (the latest reply_submitted timeline entry). */
import { Alert, AlertTitle } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useCaseTimeline } from '../useCaseHelpers';

export function SubmittedReply({ caseId }: { caseId: string }) {
  const translate = useTranslate();
  const { data } = useCaseTimeline(caseId);
  const entry = [...(data ?? [])]
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .find((e) => e.kind === 'reply_submitted' && e.note);
  if (!entry) return null;
  return (
    <Alert severity="info" icon={false} sx={{ mb: 2, whiteSpace: 'pre-wrap' }}>
      <AlertTitle>{translate('domain.timeline.reply_submitted')}</AlertTitle>
      {entry.note}
    </Alert>
  );
}
