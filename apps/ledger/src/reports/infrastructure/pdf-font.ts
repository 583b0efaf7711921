import { existsSync, readFileSync } from 'node:fs';

/**
 * The CJK font of the PDF reports (docs/adr/0014-pdf-reports-and-their-font.md). LEDGER_PDF_FONT
 * names a file (a .ttc collection followed by `#` and the face's PostScript name); unset, the first
 * of these system fonts that exists: Debian's fonts-wqy-microhei (what CI installs), fonts-wqy-zenhei,
 * fonts-noto-cjk.
 */
export const SYSTEM_CJK_FONTS = [
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc#WenQuanYiMicroHei',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc#WenQuanYiZenHei',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
];

export interface PdfFont {
  path: string;
  face: string | undefined;
  data: Buffer;
}

export class PdfFontMissingError extends Error {}

const loaded = new Map<string, PdfFont>();

const split = (spec: string) => {
  const hash = spec.lastIndexOf('#');
  return hash > 0
    ? { path: spec.slice(0, hash), face: spec.slice(hash + 1) }
    : { path: spec, face: undefined };
};

/** The font to set the reports in, read once per process. */
export function pdfFont(setting: string | null): PdfFont {
  const candidates = setting ? [setting] : SYSTEM_CJK_FONTS;
  for (const spec of candidates) {
    const cached = loaded.get(spec);
    if (cached) return cached;
    const { path, face } = split(spec);
    if (!existsSync(path)) continue;
    const font = { path, face, data: readFileSync(path) };
    loaded.set(spec, font);
    return font;
  }
  throw new PdfFontMissingError(
    setting
      ? `LEDGER_PDF_FONT names ${setting}, which does not exist: the PDF reports need a CJK font`
      : `no CJK font for the PDF reports: install fonts-wqy-microhei (or fonts-noto-cjk), or set LEDGER_PDF_FONT to a .ttf/.otf (or a .ttc#PostScriptName)`,
  );
}
