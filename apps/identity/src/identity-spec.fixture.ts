import { Actor } from '@ticketing/contracts';
import { DepartmentState } from './departments/domain/department.aggregate';
import { EnterpriseState } from './enterprises/domain/enterprise.aggregate';
import { GridState } from './grids/domain/grid.aggregate';
import { UserState } from './users/domain/user.aggregate';

/** Shared by the aggregate and handler specs (plain data, no Nest): fixed ids and stored states. */
export const ids = {
  admin: '0193a000-0000-7000-8000-00000000a001',
  otherAdmin: '0193a000-0000-7000-8000-00000000a002',
  instructor: '0193a000-0000-7000-8000-00000000a003',
  secondInstructor: '0193a000-0000-7000-8000-00000000a004',
  committee: '0193a000-0000-7000-8000-00000000a005',
  east: '0193a000-0000-7000-8000-00000000b001',
  west: '0193a000-0000-7000-8000-00000000b002',
  south: '0193a000-0000-7000-8000-00000000b003',
  hrss: '0193a000-0000-7000-8000-00000000c001',
  tax: '0193a000-0000-7000-8000-00000000c002',
  hengda: '0193a000-0000-7000-8000-00000000d001',
  lvyuan: '0193a000-0000-7000-8000-00000000d002',
  nobody: '0193a000-0000-7000-8000-00000000ffff',
};

export const T0 = new Date('2026-03-02T01:00:00.000Z');

/** The admin who acts in the specs, as events and the audit trail record them. */
export const callerActor: Actor = { id: ids.admin, role: 'admin' };

export const userState = (over: Partial<UserState> = {}): UserState => ({
  id: ids.committee,
  username: 'committee',
  displayName: '综合党委 陈志强',
  role: 'committee',
  enterpriseId: null,
  departmentId: null,
  gridIds: [],
  mobile: '13708580909',
  email: null,
  active: true,
  passwordHash: 'scrypt$ln=10,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA==$' + 'A'.repeat(86) + '==',
  mustChangePassword: false,
  passwordChangedAt: T0,
  version: 1,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

export const gridState = (over: Partial<GridState> = {}): GridState => ({
  id: ids.east,
  code: 'east',
  name: '东区网格',
  instructorUserIds: [],
  version: 1,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

export const departmentState = (over: Partial<DepartmentState> = {}): DepartmentState => ({
  id: ids.hrss,
  code: 'hrss',
  nameZh: '人社局',
  nameEn: 'Human Resources and Social Security Bureau',
  active: true,
  version: 1,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

export const enterpriseState = (over: Partial<EnterpriseState> = {}): EnterpriseState => ({
  id: ids.hengda,
  name: '六枝特区恒达机械制造有限公司',
  creditCode: '91520203MA6DKQ3F11',
  industry: '装备制造',
  address: '六枝特区平寨镇工业园区1号',
  gridId: ids.east,
  contacts: [{ name: '王建国', phone: '13885810231', email: null }],
  active: true,
  version: 1,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});
