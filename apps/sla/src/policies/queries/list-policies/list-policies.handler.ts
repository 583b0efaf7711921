import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@ticketing/platform';
import { PolicyListRow, PolicyReader } from '../../infrastructure/policy.reader';
import { GetPolicyQuery, ListPoliciesQuery, ListRecomputeJobsQuery } from './list-policies.query';

const view = (r: PolicyListRow) => ({
  id: r.id,
  version: r.version,
  name: r.name,
  nameEn: r.name_en,
  subject: r.subject,
  category: r.category,
  urgency: r.urgency,
  active: r.active,
  definition: r.definition,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

@QueryHandler(ListPoliciesQuery)
export class ListPoliciesHandler implements IQueryHandler<ListPoliciesQuery> {
  constructor(private readonly reader: PolicyReader) {}

  async execute() {
    return (await this.reader.active()).map(view);
  }
}

@QueryHandler(GetPolicyQuery)
export class GetPolicyHandler implements IQueryHandler<GetPolicyQuery> {
  constructor(private readonly reader: PolicyReader) {}

  async execute({ policyId }: GetPolicyQuery) {
    const rows = await this.reader.versions(policyId);
    if (!rows.length) throw notFound('policy', policyId);
    return { id: policyId, versions: rows.map(view) };
  }
}

@QueryHandler(ListRecomputeJobsQuery)
export class ListRecomputeJobsHandler implements IQueryHandler<ListRecomputeJobsQuery> {
  constructor(private readonly reader: PolicyReader) {}

  async execute({ limit }: ListRecomputeJobsQuery) {
    return (await this.reader.latestJobs(limit)).map((r) => ({
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
