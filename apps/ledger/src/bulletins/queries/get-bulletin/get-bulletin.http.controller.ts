import { Controller, Get, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { BulletinPublishedPayload } from '@ticketing/contracts';
import { IdParam } from '@ticketing/platform';
import type { Response } from 'express';
import { PDF, sendFile, XLSX } from '../../../exports/http/send-file';
import { BulletinResponseDto } from '../../bulletin.response.dto';
import { GetBulletinQuery } from './get-bulletin.query';

/** No query parameters: a download sends its bearer token in the Authorization header. */
export class BulletinFileRequestDto {}

const names = (b: BulletinPublishedPayload, ext: 'xlsx' | 'pdf') => ({
  zh: `工作通报_${b.period}.${ext}`,
  ascii: `bulletin_${b.period}.${ext}`,
});

@ApiTags('ledger: bulletins')
@Controller('api/v1/ledger/bulletins')
export class GetBulletinHttpController {
  constructor(private readonly queries: QueryBus) {}

  private run(bulletinId: string, format: 'json' | 'xlsx' | 'pdf') {
    return this.queries.execute<GetBulletinQuery, BulletinPublishedPayload | Buffer>(
      GetBulletinQuery.create({ bulletinId, format }),
    );
  }

  @Get(':id')
  @Roles('committee', 'admin', 'department')
  @ApiOperation({ summary: 'One published bulletin, exactly as it was frozen and chained' })
  @ApiOkResponse({ type: BulletinResponseDto, description: 'the ledger.bulletin-published payload' })
  @ApiNotFoundResponse({ description: 'no such bulletin' })
  one(@IdParam() id: string) {
    return this.run(id, 'json');
  }

  @Get(':id/xlsx')
  @Roles('committee', 'admin', 'department')
  @ApiOperation({
    summary: 'The bulletin as an Excel workbook (工作通报_2026-Q4.xlsx; ASCII bulletin_2026-Q4.xlsx)',
  })
  @ApiProduces(XLSX)
  @ApiOkResponse({
    description: 'sheets 部门排名 and 超时诉求通报',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({ description: 'no such bulletin' })
  async xlsx(@IdParam() id: string, @Query() _q: BulletinFileRequestDto, @Res() res: Response) {
    const b = (await this.run(id, 'json')) as BulletinPublishedPayload;
    sendFile(res, (await this.run(id, 'xlsx')) as Buffer, XLSX, names(b, 'xlsx'));
  }

  @Get(':id/pdf')
  @Roles('committee', 'admin', 'department')
  @ApiOperation({
    summary: 'The bulletin as a printable PDF (工作通报_2026-Q4.pdf; ASCII bulletin_2026-Q4.pdf)',
  })
  @ApiProduces(PDF)
  @ApiOkResponse({
    description: 'the ranking and the named overdue list, as frozen',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiNotFoundResponse({ description: 'no such bulletin' })
  async pdf(@IdParam() id: string, @Query() _q: BulletinFileRequestDto, @Res() res: Response) {
    const b = (await this.run(id, 'json')) as BulletinPublishedPayload;
    sendFile(res, (await this.run(id, 'pdf')) as Buffer, PDF, names(b, 'pdf'));
  }
}
