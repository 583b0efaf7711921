import { directory, hasher, ids, T0 } from '../handler-spec.fixture';
import { RegistrationState } from './domain/registration.aggregate';
import { InMemoryRegistrationRepository } from './infrastructure/registration.in-memory-repository';

export const applicationId = '0193a000-0000-7000-8000-00000000e001';

/** An application waiting for review (password Apply2026x). */
export const pending = async (over: Partial<RegistrationState> = {}): Promise<RegistrationState> => ({
  id: applicationId,
  enterpriseName: '六枝特区绿源茶业有限公司',
  creditCode: '91110000600037341L',
  contactName: '杨秀英',
  phone: '15185890633',
  username: 'lvyuan-tea',
  passwordHash: await hasher.hash('Apply2026x'),
  status: 'pending',
  reason: null,
  decidedBy: null,
  decidedAt: null,
  enterpriseId: null,
  userId: null,
  submittedAt: T0,
  version: 1,
  ...over,
});

/** The small directory of the handler specs, with the applications given. */
export function registrationKit(...registrations: RegistrationState[]) {
  return { ...directory(), registrations: new InMemoryRegistrationRepository(...registrations), ids };
}
