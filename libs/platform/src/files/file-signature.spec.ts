import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { crc32, deflateRawSync } from 'node:zlib';
import { cleanFileName, isPreviewable, sniffContentType } from './file-signature';

/** A ZIP archive of the given entries (deflated unless `stored`), as office suites write them. */
function zip(entries: { name: string; text: string; stored?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = Buffer.from(e.text, 'utf8');
    const data = e.stored ? raw : deflateRawSync(raw);
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(e.stored ? 0 : 8, 10);
    header.writeUInt32LE(crc32(raw), 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(raw.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(header, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/main.xml" ContentType="${main}"/></Types>`;

/** An OLE2 compound file whose directory names the given stream (UTF-16LE, as in a real one). */
const compound = (stream: string): Buffer =>
  Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
    Buffer.from('Root Entry\u0000', 'utf16le'),
    Buffer.alloc(42),
    Buffer.from(`${stream}\u0000`, 'utf16le'),
    Buffer.alloc(64),
  ]);

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

  it('recognises a Word document written by the docx library (.docx)', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('营业执照副本已附')] }] });
    const bytes = await Packer.toBuffer(doc);
    expect(sniffContentType(bytes, '执照.docx')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it('recognises a workbook written by exceljs (.xlsx), whatever it is named', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('用工需求').addRow(['岗位', '人数']);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    expect(sniffContentType(bytes, 'photo.png')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it.each([
    [
      'pptx',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    [
      'docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
  ])('reads the main part of [Content_Types].xml (%s)', (_, main, type) => {
    expect(sniffContentType(zip([{ name: '[Content_Types].xml', text: contentTypes(main) }]))).toBe(type);
  });

  it.each([
    ['odt', 'application/vnd.oasis.opendocument.text'],
    ['ods', 'application/vnd.oasis.opendocument.spreadsheet'],
  ])('recognises OpenDocument (%s) by its mimetype entry', (_, type) => {
    const bytes = zip([
      { name: 'mimetype', text: type, stored: true },
      { name: 'content.xml', text: '<office:document-content/>' },
    ]);
    expect(sniffContentType(bytes)).toBe(type);
  });

  it.each([
    ['WordDocument', 'application/msword'],
    ['Workbook', 'application/vnd.ms-excel'],
    ['Book', 'application/vnd.ms-excel'],
    ['PowerPoint Document', 'application/vnd.ms-powerpoint'],
  ])('recognises an OLE2 compound file holding a %s stream', (stream, type) => {
    expect(sniffContentType(compound(stream))).toBe(type);
  });

  it.each([
    ['a .txt', '办理说明.txt', 'text/plain'],
    ['a .csv', '名单.CSV', 'text/csv'],
  ])('takes UTF-8 text under %s name', (_, name, type) => {
    expect(sniffContentType(Buffer.from('\uFEFF姓名,电话\r\n张三,13800138000\n'), name)).toBe(type);
  });

  it.each([
    ['a Windows executable', Buffer.from('MZ\x90\x00\x03\x00', 'latin1'), 'a.docx'],
    ['an ELF binary', Buffer.from('\x7fELF', 'latin1'), undefined],
    [
      'a RIFF that is not WebP (wav)',
      Buffer.concat([Buffer.from('RIFF'), Buffer.from([1, 2, 3, 4]), Buffer.from('WAVE')]),
      undefined,
    ],
    ['HTML', Buffer.from('<html><script>'), 'page.html'],
    ['HTML named .txt but holding NUL', Buffer.from('<html>\u0000'), 'page.txt'],
    ['GBK text (not UTF-8) named .txt', Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), 'a.txt'],
    ['an empty file', Buffer.alloc(0), 'empty.txt'],
    ['a truncated PNG signature', Buffer.from([0x89, 0x50, 0x4e]), undefined],
    [
      'a ZIP of other files (a .jar)',
      zip([{ name: 'META-INF/MANIFEST.MF', text: 'Main-Class: x' }]),
      'a.docx',
    ],
    [
      'a macro-enabled workbook (.xlsm)',
      zip([
        {
          name: '[Content_Types].xml',
          text: contentTypes('application/vnd.ms-excel.sheet.macroEnabled.main+xml'),
        },
      ]),
      'a.xlsx',
    ],
    ['a ZIP without its central directory', Buffer.from('PK\x03\x04 truncated', 'latin1'), 'a.docx'],
    ['an OLE2 file that is no Office document (an installer)', compound('SummaryInformation'), 'a.doc'],
  ])('refuses %s', (_, bytes, name) => {
    expect(sniffContentType(bytes, name)).toBeNull();
  });

  it('reads text only when the name says .txt or .csv (outreach asks without a name: photos only)', () => {
    expect(sniffContentType(Buffer.from('plain words'))).toBeNull();
    expect(sniffContentType(Buffer.from('plain words'), 'notes.md')).toBeNull();
  });
});

describe('cleanFileName', () => {
  it('drops directories, quotes and control characters', () => {
    expect(cleanFileName('../../etc/pa"ss\nwd.png', 'image/png')).toBe('passwd.png');
    expect(cleanFileName('C:\\Users\\x\\照片.jpg', 'image/jpeg')).toBe('照片.jpg');
  });
  it('names a nameless file after its type', () => {
    expect(cleanFileName(undefined, 'application/pdf')).toBe('attachment.pdf');
    expect(cleanFileName('', 'application/vnd.ms-excel')).toBe('attachment.xls');
  });
  it('gives a file the extension of what it is, so it opens as that', () => {
    expect(cleanFileName('run.bat', 'text/plain')).toBe('run.bat.txt');
    expect(
      cleanFileName('报表.XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    ).toBe('报表.XLSX');
    expect(cleanFileName('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg');
    expect(cleanFileName('photo.png', 'application/pdf')).toBe('photo.png.pdf');
  });
});

describe('isPreviewable', () => {
  it('shows pictures and PDF in place, nothing else', () => {
    expect(isPreviewable('image/webp')).toBe(true);
    expect(isPreviewable('application/pdf')).toBe(true);
    expect(isPreviewable('application/msword')).toBe(false);
    expect(isPreviewable('text/plain')).toBe(false);
  });
});
