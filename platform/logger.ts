import pino, { type Logger } from 'pino';

/** Structured JSON logs; personal data is redacted wherever it might be logged. */
export function createLogger(options: { level: string; name: string }): Logger {
  return pino({
    name: options.name,
    level: options.level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-citizen-token"]',
        '*.reporter',
        '*.password',
      ],
      censor: '[redacted]',
    },
  });
}

export type { Logger };
