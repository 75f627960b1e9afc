/**
 * What an IOC operator records on a citizen's behalf (POST /api/admin/intake): the citizen's
 * report as the portal sends it, plus the channel it came by. The caller's contact is the
 * report's reporter (confidential by default, like every report); a phone number given gets the
 * tracking code by SMS through the case's usual "received" notification.
 */
import { z } from 'zod';
import { INTAKE_CHANNELS } from './report-channels';
import { reportCommandSchema } from './report-command';

/** Channels an operator records from (stored as the case's channel): domain/report-channels.ts. */
export { INTAKE_CHANNELS, type IntakeChannel } from './report-channels';

export const intakeCommandSchema = reportCommandSchema.extend({ channel: z.enum(INTAKE_CHANNELS) });

export type IntakeCommand = z.infer<typeof intakeCommandSchema>;
