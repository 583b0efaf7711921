import { InlineUnitOfWork } from '@ticketing/testing';
import { seededDirectory } from '../../shared/handler-spec.fixture';
import { InMemoryTaskListRepository } from '../infrastructure/task-list.in-memory-repository';
import { InMemoryTaskListCandidates } from '../infrastructure/task-list-candidates.in-memory-repository';

/** What the task-list handler specs share: the lists, the candidates of u-ins, the directory, the settings. */
export async function taskListKit() {
  const uow = new InlineUnitOfWork();
  const lists = new InMemoryTaskListRepository();
  const candidates = new InMemoryTaskListCandidates();
  candidates.byInstructor.set('u-ins', [
    {
      enterpriseId: 'ent-1',
      enterpriseName: '六枝机械厂',
      gridId: 'grid-1',
      keyEnterprise: true,
      lastVisitMonth: null,
    },
    {
      enterpriseId: 'ent-3',
      enterpriseName: '恒达建材',
      gridId: 'grid-1',
      keyEnterprise: false,
      lastVisitMonth: null,
    },
  ]);
  const directory = await seededDirectory();
  const config = { OUTREACH_KEY_VISIT_MONTHS: 1, OUTREACH_VISIT_MONTHS: 3 };
  return { uow, lists, candidates, directory, config };
}

/** The zone's current month, so that drafts fall in the window handlers accept. */
export const thisMonth = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
