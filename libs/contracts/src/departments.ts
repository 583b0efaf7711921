/**
 * The departments every zone starts with (DOMAIN.md), with fixed ids so that identity's seed and
 * dispatch's default routing rules agree without asking each other. Zones add their own at run time.
 */
export const DEFAULT_DEPARTMENTS = [
  {
    id: '0193a000-0000-7000-8000-000000000001',
    code: 'hrss',
    zh: '人社局',
    en: 'Human Resources and Social Security Bureau',
  },
  {
    id: '0193a000-0000-7000-8000-000000000002',
    code: 'miit',
    zh: '工信局',
    en: 'Industry and Information Technology Bureau',
  },
  { id: '0193a000-0000-7000-8000-000000000003', code: 'finance_office', zh: '金融办', en: 'Finance Office' },
  { id: '0193a000-0000-7000-8000-000000000004', code: 'treasury', zh: '财政局', en: 'Finance Bureau' },
  {
    id: '0193a000-0000-7000-8000-000000000005',
    code: 'econ_dev',
    zh: '经发局',
    en: 'Economic Development Bureau',
  },
  { id: '0193a000-0000-7000-8000-000000000006', code: 'tax', zh: '税务局', en: 'Tax Bureau' },
  {
    id: '0193a000-0000-7000-8000-000000000007',
    code: 'data_services',
    zh: '政数局',
    en: 'Data and Government Services Bureau',
  },
  {
    id: '0193a000-0000-7000-8000-000000000008',
    code: 'market',
    zh: '市场监管局',
    en: 'Market Regulation Bureau',
  },
  {
    id: '0193a000-0000-7000-8000-000000000009',
    code: 'planning',
    zh: '规划建设局',
    en: 'Planning and Construction Bureau',
  },
  {
    id: '0193a000-0000-7000-8000-00000000000a',
    code: 'housing',
    zh: '住建局',
    en: 'Housing and Urban-Rural Development Bureau',
  },
  {
    id: '0193a000-0000-7000-8000-00000000000b',
    code: 'natural_resources',
    zh: '自然资源局',
    en: 'Natural Resources Bureau',
  },
  {
    id: '0193a000-0000-7000-8000-00000000000c',
    code: 'urban_mgmt',
    zh: '城管局',
    en: 'Urban Management Bureau',
  },
  { id: '0193a000-0000-7000-8000-00000000000d', code: 'transport', zh: '交通运输局', en: 'Transport Bureau' },
  { id: '0193a000-0000-7000-8000-00000000000e', code: 'justice', zh: '司法局', en: 'Justice Bureau' },
  {
    id: '0193a000-0000-7000-8000-00000000000f',
    code: 'science',
    zh: '科技局',
    en: 'Science and Technology Bureau',
  },
  {
    id: '0193a000-0000-7000-8000-000000000010',
    code: 'emergency',
    zh: '应急管理局',
    en: 'Emergency Management Bureau',
  },
  {
    id: '0193a000-0000-7000-8000-000000000011',
    code: 'ecology',
    zh: '生态环境局',
    en: 'Ecology and Environment Bureau',
  },
] as const;
export type DefaultDepartmentCode = (typeof DEFAULT_DEPARTMENTS)[number]['code'];

export const departmentIdByCode = (code: DefaultDepartmentCode): string =>
  DEFAULT_DEPARTMENTS.find((d) => d.code === code)!.id;
