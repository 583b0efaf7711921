import { TaskTopicKind } from '@ticketing/contracts';
import { fieldProblem, FieldError } from '@ticketing/platform';
import { OutreachDirectory } from '../../directory/domain/outreach-directory';
import { PlannedVisit } from './visit-plan';

export interface PlannedItemInput {
  enterpriseId: string;
  topics: { kind: TaskTopicKind; text: string }[];
}

/**
 * The committee's items as planned visits: each enterprise must be active and in one of the
 * instructor's grids (else they could not record the visit); its reason is the proposal's when the
 * intervals put it there, else `added`.
 */
export async function resolvePlannedItems(
  directory: OutreachDirectory,
  gridIds: string[],
  proposal: PlannedVisit[],
  inputs: PlannedItemInput[],
): Promise<PlannedVisit[]> {
  const errors: FieldError[] = [];
  const items: PlannedVisit[] = [];
  for (const [i, input] of inputs.entries()) {
    const e = await directory.findEnterprise(input.enterpriseId);
    if (!e || !e.active || !e.gridId || !gridIds.includes(e.gridId)) {
      errors.push({
        field: `items.${i}.enterpriseId`,
        messages: [`${input.enterpriseId} is not an active enterprise of the instructor’s grids`],
      });
      continue;
    }
    items.push({
      enterpriseId: e.id,
      enterpriseName: e.name,
      gridId: e.gridId,
      reason: proposal.find((p) => p.enterpriseId === e.id)?.reason ?? 'added',
      topics: input.topics.map((t) => ({ kind: t.kind, text: t.text.trim() })),
    });
  }
  if (errors.length) throw fieldProblem(errors);
  return items;
}
