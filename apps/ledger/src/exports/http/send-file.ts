import type { Response } from 'express';
import { contentDisposition } from '../domain/formats';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF = 'application/pdf';

/** A download: its Chinese name in UTF-8 (RFC 5987) and an ASCII name for old clients, never cached. */
export function sendFile(
  res: Response,
  body: Buffer,
  type: string,
  name: { zh: string; ascii: string },
): void {
  res
    .status(200)
    .type(type)
    .setHeader('Content-Disposition', contentDisposition(name.zh, name.ascii))
    .setHeader('Cache-Control', 'no-store')
    .send(body);
}
