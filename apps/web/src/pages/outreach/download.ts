/**
 * The file name a download should get: RFC 6266's filename* (UTF-8, the Chinese name) wins over the
 * plain ASCII fallback that comes first in the header.
 */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* malformed: fall back to the plain name */
    }
  }
  return /filename\s*=\s*"?([^";]+)/i.exec(disposition)?.[1];
}

/** Saves a downloaded answer (fetched with the bearer token) under the name the server gave it. */
export async function saveDownload(res: Response, fallback: string): Promise<void> {
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileNameOf(res.headers.get('content-disposition')) ?? fallback;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
