import { cleanFileName, sniffContentType } from './file-signature';

describe('sniffContentType', () => {
  it.each([
    ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['gif', Buffer.from('GIF89a\x01\x00', 'latin1'), 'image/gif'],
    [
      'webp',
      Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from('WEBPVP8 ')]),
      'image/webp',
    ],
    ['pdf', Buffer.from('%PDF-1.7\n'), 'application/pdf'],
  ])('recognises %s by its first bytes', (_, bytes, type) => {
    expect(sniffContentType(bytes)).toBe(type);
  });

  it.each([
    ['a Windows executable', Buffer.from('MZ\x90\x00\x03\x00', 'latin1')],
    ['an ELF binary', Buffer.from('\x7fELF', 'latin1')],
    [
      'a RIFF that is not WebP (wav)',
      Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from('WAVE')]),
    ],
    ['HTML', Buffer.from('<html><script>')],
    ['an empty file', Buffer.alloc(0)],
    ['a truncated PNG signature', Buffer.from([0x89, 0x50, 0x4e])],
  ])('refuses %s', (_, bytes) => {
    expect(sniffContentType(bytes)).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('drops directories, quotes and control characters', () => {
    expect(cleanFileName('../../etc/pa"ss\nwd.png', 'image/png')).toBe('passwd.png');
    expect(cleanFileName('C:\\Users\\x\\照片.jpg', 'image/jpeg')).toBe('照片.jpg');
  });
  it('names a nameless file after its type', () => {
    expect(cleanFileName(undefined, 'application/pdf')).toBe('attachment.pdf');
  });
});
