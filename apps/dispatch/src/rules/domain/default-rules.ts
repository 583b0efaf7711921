import { DefaultDepartmentCode, departmentIdByCode } from '@ticketing/contracts';
import { RuleSnapshot } from './routing-rule';

const dep = departmentIdByCode;

/** Fixed ids, so every instance (and every zone's first start) seeds the same rules. */
const seedId = (n: number) => `0193b000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

function categoryRule(
  n: number,
  category: string,
  name: string,
  lead: DefaultDepartmentCode,
  co: DefaultDepartmentCode[],
): RuleSnapshot {
  return {
    id: seedId(n),
    version: 1,
    name,
    priority: 100 + n * 10,
    enabled: true,
    conditions: { categories: [category] },
    decision: { leadDepartmentId: dep(lead), coHandlerDepartmentIds: co.map(dep) },
  };
}

/**
 * DOMAIN.md's table of categories and where they usually go. `other` has no rule on purpose: it
 * lands in the committee's triage queue. The keyword rule runs first so a broken water main is
 * sent to urban management whatever category the enterprise picked.
 */
export const DEFAULT_RULES: RuleSnapshot[] = [
  {
    id: seedId(0),
    version: 1,
    name: '停水停电 → 城管局',
    priority: 10,
    enabled: true,
    conditions: { keywords: ['停水', '停电', '水管'] },
    decision: { leadDepartmentId: dep('urban_mgmt'), coHandlerDepartmentIds: [dep('housing')] },
  },
  categoryRule(1, 'labour', '用工招聘 → 人社局', 'hrss', ['miit']),
  categoryRule(2, 'finance', '融资信贷 → 金融办', 'finance_office', ['treasury']),
  categoryRule(3, 'policy', '政策咨询与兑现 → 经发局', 'econ_dev', ['treasury', 'tax']),
  categoryRule(4, 'approval', '审批办证 → 政数局', 'data_services', ['market']),
  categoryRule(5, 'planning', '规划建设 → 规划建设局', 'planning', ['natural_resources']),
  categoryRule(6, 'land', '土地 → 自然资源局', 'natural_resources', ['planning']),
  categoryRule(7, 'utilities', '水电气暖 → 城管局', 'urban_mgmt', ['housing']),
  categoryRule(8, 'transport', '交通物流 → 交通运输局', 'transport', ['urban_mgmt']),
  categoryRule(9, 'legal', '法律服务 → 司法局', 'justice', []),
  categoryRule(10, 'tax', '财税 → 税务局', 'tax', ['treasury']),
  categoryRule(11, 'market', '市场监管 → 市场监管局', 'market', []),
  categoryRule(12, 'technology', '科技项目 → 科技局', 'science', ['miit']),
  categoryRule(13, 'safety_environment', '安全环保 → 应急管理局', 'emergency', ['ecology']),
];
