import { creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode } from './credit-code';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    '91110000600037341L',
    '91440300708461136T', // 腾讯科技（深圳）有限公司
    '91110108551385082Q', // 小米科技有限责任公司
    '91440300MA5EEJUR92',
  ])('accepts the real code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('computes the check character of a body', () => {
    expect(creditCodeCheckCharacter('91110000600037341')).toBe('L');
    expect(creditCodeCheckCharacter('91440300708461136')).toBe('T');
  });

  it('maps a weighted sum that is a multiple of 31 to the check character 0', () => {
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });

  it.each(['91110000600037341A', '91440300708461136U', '91110108551385082R'])(
    'rejects %s with a wrong check character',
    (code) => {
      expect(creditCodeProblem(code)).toBe('checkCharacter');
    },
  );

  it('catches a single changed character and two swapped neighbours', () => {
    expect(isValidCreditCode('91110000600037342L')).toBe(false);
    expect(isValidCreditCode('91110000600073341L')).toBe(false);
  });

  it('rejects wrong lengths and letters outside the alphabet (I, O, Z, S, V, lower case)', () => {
    expect(creditCodeProblem('9111000060003734')).toBe('length');
    expect(creditCodeProblem('91110000600037341L0')).toBe('length');
    expect(creditCodeProblem('9111000060003734IL')).toBe('characters');
    expect(creditCodeProblem('9111000060003734OL')).toBe('characters');
    expect(creditCodeProblem('91110000600037341l')).toBe('characters');
    expect(() => creditCodeCheckCharacter('9111000060003734S')).toThrow();
  });
});
