/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-symbol
 * alphabet (digits and capitals without I, O, Z, S, V, which are too easily confused), the last one
 * a check character over the first 17 with weights 3^i mod 31.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const BODY = /^[0-9A-HJ-NPQRTUWXY]{17}$/;

export type CreditCodeProblem = 'length' | 'characters' | 'checkCharacter';

/** The check character for a 17-character body; throws if the body is not well formed. */
export function creditCodeCheckCharacter(body: string): string {
  if (!BODY.test(body)) throw new Error(`credit code body must be 17 characters of ${CREDIT_CODE_ALPHABET}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_ALPHABET.indexOf(body[i]) * WEIGHTS[i];
  const value = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[value];
}

/** Why a code is not a valid 统一社会信用代码, or null when it is. Lower case is not accepted. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  if (!BODY.test(code.slice(0, 17)) || !CREDIT_CODE_ALPHABET.includes(code[17])) return 'characters';
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'checkCharacter';
}

export const isValidCreditCode = (code: string): boolean => creditCodeProblem(code) === null;

export const creditCodeMessages: Record<CreditCodeProblem, string> = {
  length: 'creditCode must be exactly 18 characters (统一社会信用代码)',
  characters: 'creditCode may hold only digits and capital letters other than I, O, Z, S, V',
  checkCharacter: 'creditCode has a wrong check character (GB 32100-2015): please check the code',
};
