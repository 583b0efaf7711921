import { inflateRawSync } from 'node:zlib';

/** Photos: what a visit record takes, and a ticket too. */
export const ImageContentTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type ImageContentType = (typeof ImageContentTypes)[number];

/** Office documents enterprises send (Word, Excel, PowerPoint, OpenDocument), by what their content is. */
export const OfficeContentTypes = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;

/** Plain text, accepted only as valid UTF-8 and only under a .txt or .csv name. */
export const TextContentTypes = ['text/plain', 'text/csv'] as const;

/** The file types an upload may be: photos of the problem, scanned documents, office files, text. */
export const AllowedContentTypes = [
  ...ImageContentTypes,
  'application/pdf',
  ...OfficeContentTypes,
  ...TextContentTypes,
] as const;
export type AllowedContentType = (typeof AllowedContentTypes)[number];

/** What a browser may show in place (a preview): pictures and PDF. Everything else is a download. */
export const PreviewableContentTypes: readonly AllowedContentType[] = [
  ...ImageContentTypes,
  'application/pdf',
];

export const isImage = (type: AllowedContentType): type is ImageContentType =>
  (ImageContentTypes as readonly string[]).includes(type);

export const isPreviewable = (type: string): boolean =>
  (PreviewableContentTypes as readonly string[]).includes(type);

/** The extensions a file of each type may carry; the first is the one given to a file named otherwise. */
const EXTENSIONS: Record<AllowedContentType, readonly string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/msword': ['doc'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.ms-powerpoint': ['ppt'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'text/plain': ['txt'],
  'text/csv': ['csv'],
};

const startsWith = (b: Buffer, bytes: number[], at = 0): boolean =>
  b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const extensionOf = (name: string | undefined): string =>
  (/\.([a-z0-9]{1,8})$/i.exec(name ?? '')?.[1] ?? '').toLowerCase();

/**
 * The type a file really is, read from its content. The name and the Content-Type the client
 * sent are the client's claim; a renamed executable must not pass as a picture or a document.
 * The name only tells plain text from CSV (both are UTF-8 text; anything else named so is refused).
 */
export function sniffContentType(b: Buffer, fileName?: string): AllowedContentType | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, ascii('GIF87a')) || startsWith(b, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(b, ascii('RIFF')) && startsWith(b, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(b, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return zipOfficeType(b);
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return compoundOfficeType(b);
  const ext = extensionOf(fileName);
  if ((ext === 'txt' || ext === 'csv') && isUtf8Text(b)) return ext === 'csv' ? 'text/csv' : 'text/plain';
  return null;
}

/**
 * A file name safe to store and to echo in Content-Disposition: no path, no control characters,
 * and an extension that matches the content (`run.bat` holding text is stored as `run.bat.txt`),
 * so the reader's computer opens it as what it is.
 */
export function cleanFileName(name: string | undefined, contentType: AllowedContentType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  // Control characters would let a name break out of a header; quotes would end filename="…".
  // eslint-disable-next-line no-control-regex
  const unsafe = /[\u0000-\u001f\u007f"]/g;
  const extensions = EXTENSIONS[contentType];
  const cleaned = base.replace(unsafe, '').trim().slice(0, 190);
  if (!cleaned) return `attachment.${extensions[0]}`;
  return extensions.includes(extensionOf(cleaned)) ? cleaned : `${cleaned}.${extensions[0]}`;
}

/** UTF-8 without NUL or control characters other than tab, line feed, form feed and carriage return. */
function isUtf8Text(b: Buffer): boolean {
  if (!b.length) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** Office Open XML names its main part in [Content_Types].xml; macro-enabled variants are not accepted. */
const OOXML_MAIN_PARTS: [string, AllowedContentType][] = [
  [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
  [
    'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ],
];

/** OpenDocument: the archive's `mimetype` entry says what it is. */
const ODF_TYPES: AllowedContentType[] = [
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
];

/** A ZIP archive: an Office Open XML document or an OpenDocument file, or nothing we accept. */
function zipOfficeType(b: Buffer): AllowedContentType | null {
  const entries = zipEntries(b);
  if (!entries) return null;
  const types = entries.find((e) => e.name === '[Content_Types].xml');
  if (types) {
    const xml = zipEntryText(b, types, 1024 * 1024);
    if (xml === null) return null;
    return OOXML_MAIN_PARTS.find(([part]) => xml.includes(`ContentType="${part}"`))?.[1] ?? null;
  }
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (mimetype) {
    const declared = zipEntryText(b, mimetype, 200)?.trim();
    return ODF_TYPES.find((t) => t === declared) ?? null;
  }
  return null;
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** The archive's central directory, or null when it is not a well-formed (non-ZIP64) archive. */
function zipEntries(b: Buffer): ZipEntry[] | null {
  // The end-of-central-directory record is the last 22 bytes, plus a comment of up to 65,535.
  const from = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= from; i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = b.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
    if (next > b.length) return null;
    entries.push({
      name: b.toString('utf8', at + 46, at + 46 + nameLength),
      method: b.readUInt16LE(at + 10),
      compressedSize: b.readUInt32LE(at + 20),
      size: b.readUInt32LE(at + 24),
      localHeaderOffset: b.readUInt32LE(at + 42),
    });
    at = next;
  }
  return entries;
}

/** One entry's content as text (stored or deflated), at most `max` bytes inflated; null when unreadable. */
function zipEntryText(b: Buffer, e: ZipEntry, max: number): string | null {
  const at = e.localHeaderOffset;
  if (at + 30 > b.length || b.readUInt32LE(at) !== 0x04034b50) return null;
  const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
  const end = start + e.compressedSize;
  if (end > b.length || e.size > max) return null;
  const data = b.subarray(start, end);
  try {
    if (e.method === 0) return data.toString('utf8');
    // maxOutputLength bounds a crafted entry that claims to be small and inflates to gigabytes.
    if (e.method === 8) return inflateRawSync(data, { maxOutputLength: max }).toString('utf8');
  } catch {
    return null;
  }
  return null;
}

const utf16 = (s: string): Buffer => Buffer.from(s, 'utf16le');

/**
 * An OLE2 compound file (Word 97–2003, Excel, PowerPoint, but also installers and other
 * containers): accepted only when it holds the stream an Office document has, by its name.
 */
function compoundOfficeType(b: Buffer): AllowedContentType | null {
  if (b.includes(utf16('WordDocument'))) return 'application/msword';
  if (b.includes(utf16('Workbook')) || b.includes(utf16('Book\u0000'))) return 'application/vnd.ms-excel';
  if (b.includes(utf16('PowerPoint Document'))) return 'application/vnd.ms-powerpoint';
  return null;
}
