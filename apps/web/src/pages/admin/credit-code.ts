/** GB 32100-2015: 17 characters of this alphabet and a check character weighted 3^i mod 31. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Whether a 统一社会信用代码 is well formed and its check character right (letters in either case). */
export function isCreditCode(raw: string): boolean {
  const code = raw.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0, w = 1; i < 17; i++, w = (w * 3) % 31) sum += ALPHABET.indexOf(code[i]) * w;
  return ALPHABET[(31 - (sum % 31)) % 31] === code[17];
}
