import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Roles } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { SLA_SCHEMA } from '../../../shared/queryable';

interface Row {
  id: string;
  version: number;
  name: string;
  category: string;
  urgency: string;
  definition: unknown;
  active: boolean;
  created_by: string;
  created_at: Date;
}

const view = (r: Row) => ({
  id: r.id,
  version: r.version,
  name: r.name,
  category: r.category,
  urgency: r.urgency,
  active: r.active,
  definition: r.definition,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

@ApiTags('sla · policies')
@Controller('api/v1/sla')
export class ListPoliciesHttpController {
  constructor(@InjectDataSource(SLA_SCHEMA) private readonly ds: DataSource) {}

  @Get('policies')
  @Roles('committee', 'admin', 'department')
  @ApiOperation({ summary: 'The active policies (the most specific category × urgency wins, timer by timer)' })
  @ApiOkResponse({ description: 'active policies, wildcards last' })
  async list() {
    const rows: Row[] = await this.ds.query(
      `SELECT * FROM sla.policies WHERE active ORDER BY (category = '*'), category, (urgency = '*'), urgency`,
    );
    return rows.map(view);
  }

  @Get('policies/:policyId')
  @Roles('committee', 'admin', 'department')
  @ApiOperation({ summary: 'One policy with every version' })
  @ApiOkResponse({ description: 'versions, newest first' })
  @ApiNotFoundResponse({ description: 'no such policy' })
  async one(@Param('policyId', new ParseUUIDPipe()) id: string) {
    const rows: Row[] = await this.ds.query('SELECT * FROM sla.policies WHERE id = $1 ORDER BY version DESC', [id]);
    if (!rows.length) throw new DomainError('notFound', `policy ${id} does not exist`);
    return { id, versions: rows.map(view) };
  }

  @Get('recompute-jobs')
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'Progress of the recomputes that policy and calendar changes started' })
  @ApiOkResponse({ description: 'the latest 50 jobs' })
  async jobs() {
    const rows: { id: string; scope: string; target: string; reason: string; processed: number; changed: number; created_at: Date; finished_at: Date | null }[] =
      await this.ds.query('SELECT * FROM sla.recompute_jobs ORDER BY id DESC LIMIT 50');
    return rows.map((r) => ({
      id: Number(r.id),
      scope: r.scope,
      target: r.target,
      reason: r.reason,
      processed: r.processed,
      changed: r.changed,
      createdAt: r.created_at,
      finishedAt: r.finished_at,
    }));
  }
}
