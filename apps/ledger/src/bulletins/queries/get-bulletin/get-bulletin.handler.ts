import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { BulletinPublishedPayload } from '@ticketing/contracts';
import { notFound } from '@ticketing/platform';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { pdfFont } from '../../../reports/infrastructure/pdf-font';
import { renderPdf } from '../../../reports/infrastructure/pdf-renderer';
import { renderXlsx } from '../../../reports/infrastructure/xlsx-renderer';
import { bulletinDocument } from '../../domain/bulletin-document';
import { BulletinsReader } from '../../infrastructure/bulletins.reader';
import { GetBulletinQuery } from './get-bulletin.query';

@QueryHandler(GetBulletinQuery)
export class GetBulletinHandler implements IQueryHandler<
  GetBulletinQuery,
  BulletinPublishedPayload | Buffer
> {
  constructor(
    private readonly reader: BulletinsReader,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async execute(q: GetBulletinQuery): Promise<BulletinPublishedPayload | Buffer> {
    const b = await this.reader.one(q.bulletinId);
    if (!b) throw notFound('bulletin', q.bulletinId);
    if (q.format === 'json') return b;
    const doc = bulletinDocument(b);
    return q.format === 'xlsx' ? renderXlsx(doc) : renderPdf(doc, pdfFont(this.settings.pdfFont));
  }
}
