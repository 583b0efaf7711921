import { findUnstorableText, unstorableReason } from './unstorable-text';

describe('unstorable text', () => {
  it.each([
    ['NUL', 'a\u0000b', /NUL character \(U\+0000\)/],
    ['a lone high surrogate', 'a\ud800b', /lone UTF-16 surrogate \(U\+D800\)/],
    ['a lone high surrogate at the end', 'ab\udbff', /U\+DBFF/],
    ['a lone low surrogate', 'a\udc00b', /lone UTF-16 surrogate \(U\+DC00\)/],
    ['a lone low surrogate at the start', '\udfffab', /U\+DFFF/],
    ['two high surrogates', '\ud83d\ud83d\ude00', /U\+D83D/],
    ['a low then a high surrogate', '\ude00\ud83d', /U\+DE00/],
  ])('refuses %s', (_name, text, reason) => {
    expect(unstorableReason(text)).toMatch(reason);
  });

  it.each([
    ['an emoji (a valid surrogate pair)', '问题 😀 已解决'],
    ['a supplementary CJK character', '𠀀𪚥'],
    ['a flag (two pairs)', '🇨🇳'],
    ['control characters other than NUL', 'a\u0001\tb\n'],
    ['U+FFFD itself', 'a\ufffdb'],
    ['the empty string', ''],
  ])('accepts %s', (_name, text) => {
    expect(unstorableReason(text)).toBeUndefined();
  });

  it('names a nested field by its path, as the validation problems do', () => {
    expect(findUnstorableText({ title: 'ok', contact: { name: '王\u0000', phone: '1' } })).toEqual({
      field: 'contact.name',
      message: expect.stringContaining('contact.name contains a NUL character'),
    });
    expect(findUnstorableText({ gridIds: ['a', 'b\ud800'] })?.field).toBe('gridIds.1');
    expect(findUnstorableText({ contacts: [{ name: 'x' }, { email: '\udc00' }] })?.field).toBe(
      'contacts.1.email',
    );
  });

  it('names the first field at fault in reading order', () => {
    expect(findUnstorableText({ a: 'ok', b: '\u0000', c: '\u0000' })?.field).toBe('b');
  });

  it('prefixes the query and the path parameters', () => {
    expect(findUnstorableText({ q: 'x\u0000' }, 'query')?.field).toBe('query.q');
    expect(findUnstorableText({ status: ['open', '\ud800'] }, 'query')?.field).toBe('query.status.1');
    expect(findUnstorableText({ id: '\u0000' }, 'params')?.field).toBe('params.id');
  });

  it('refuses a field name that cannot be stored, naming it in its JSON spelling', () => {
    const found = findUnstorableText({ contact: { 'na\u0000me': 'x' } });
    expect(found?.field).toBe('contact.na\\u0000me');
    expect(found?.field).not.toContain('\u0000');
    expect(found?.message).toMatch(/^the field name contact\.na\\u0000me contains a NUL/);
  });

  it('accepts a body of valid text, numbers, booleans and nulls', () => {
    expect(
      findUnstorableText({ a: '😀', b: 1, c: true, d: null, e: [{ f: '中文' }], g: {} }, 'query'),
    ).toBeUndefined();
    expect(findUnstorableText(undefined)).toBeUndefined();
  });

  it('walks a deeply nested value without exhausting the stack', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(findUnstorableText({ a: deep })?.field).toBe(`a${'.0'.repeat(20_000)}`);
  });
});
