import PDFDocument from 'pdfkit';
import { cellText, ReportDocument } from '../domain/report-document';
import { PdfFont } from './pdf-font';

const MARGIN = 36;

/**
 * The printable report: A4 landscape, the title and subtitle, then each section's heading, notes and
 * table (pdfkit's tables break across pages); page numbers at the foot. Set in the one CJK font.
 */
export function renderPdf(doc: ReportDocument, font: PdfFont): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const pdf = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: MARGIN,
      bufferPages: true,
      info: { Title: doc.title, Creator: '吹哨报到', Producer: '吹哨报到' },
      lang: 'zh-CN',
    });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.registerFont('cjk', font.data, font.face);
    pdf.font('cjk');
    const width = pdf.page.width - MARGIN * 2;

    pdf.fontSize(18).text(doc.title, { align: 'center' });
    pdf
      .moveDown(0.3)
      .fontSize(10)
      .fillColor('#555555')
      .text(doc.subtitle, { align: 'center' })
      .fillColor('black');
    for (const section of doc.sections) {
      if (pdf.y > pdf.page.height - MARGIN - 90) pdf.addPage();
      pdf.moveDown(1).fontSize(13).text(section.title, MARGIN, pdf.y, { width });
      pdf.fontSize(8.5).fillColor('#444444');
      for (const note of section.notes) pdf.moveDown(0.2).text(note, { width });
      pdf.fillColor('black').moveDown(0.4);
      const total = section.columns.reduce((n, c) => n + c.width, 0);
      pdf.fontSize(8).table({
        position: { x: MARGIN },
        maxWidth: width,
        columnStyles: section.columns.map((c) => ({ width: (c.width / total) * width })),
        defaultStyle: { padding: [2, 3, 2, 3], border: 0.5, borderColor: '#999999' },
        data: [
          section.columns.map((c) => ({ text: c.header, type: 'TH' as const, backgroundColor: '#eeeeee' })),
          ...(section.rows.length
            ? section.rows.map((r) => r.map(cellText))
            : [[{ text: '（无）', colSpan: section.columns.length }]]),
        ],
      });
      pdf.x = MARGIN;
    }
    const pages = pdf.bufferedPageRange();
    for (let i = 0; i < pages.count; i++) {
      pdf.switchToPage(pages.start + i);
      pdf
        .fontSize(8)
        .fillColor('#777777')
        .text(`${doc.title} · 第 ${i + 1} 页，共 ${pages.count} 页`, MARGIN, pdf.page.height - MARGIN + 8, {
          width,
          align: 'center',
          lineBreak: false,
        });
    }
    pdf.end();
  });
}
