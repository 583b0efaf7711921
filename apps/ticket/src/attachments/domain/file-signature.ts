/** The file types a ticket may carry: photos of the problem and scanned documents. */
export const AllowedContentTypes = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
] as const;
export type AllowedContentType = (typeof AllowedContentTypes)[number];

const startsWith = (b: Buffer, bytes: number[], at = 0): boolean =>
  b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/**
 * The type a file really is, read from its first bytes. The name and the Content-Type the client
 * sent are the client's claim; a renamed executable must not pass as a picture.
 */
export function sniffContentType(b: Buffer): AllowedContentType | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(b, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

/** A file name safe to store and to echo in Content-Disposition: no path, no control characters. */
export function cleanFileName(name: string | undefined, contentType: AllowedContentType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // Control characters would let a name break out of a header; quotes would end filename="…".
  // eslint-disable-next-line no-control-regex
  const unsafe = /[\u0000-\u001f\u007f"]/g;
  const cleaned = base.replace(unsafe, '').trim().slice(0, 200);
  return cleaned || `attachment.${contentType.split('/')[1]}`;
}
