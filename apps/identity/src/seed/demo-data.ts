import { creditCodeCheckCharacter } from '../directory/domain/credit-code';

/** The one demo password (README: demo logins). Seeded only into an empty directory. */
export const DEMO_PASSWORD = 'Demo@2026';

export const DEMO_GRIDS = [
  { code: 'east', name: '东区网格' },
  { code: 'west', name: '西区网格' },
  { code: 'south', name: '南区网格' },
] as const;

/** 六枝特区 (520203): bodies in the post-2015 form (91 + division + MA… organisation code). */
const ENTERPRISES: { name: string; body: string; industry: string; contact: string; phone: string }[] = [
  {
    name: '六枝特区恒达机械制造有限公司',
    body: '91520203MA6DKQ3F1',
    industry: '装备制造',
    contact: '王建国',
    phone: '13885810231',
  },
  {
    name: '贵州六枝黔峰新型建材有限公司',
    body: '91520203MA6E2R7L4',
    industry: '建材',
    contact: '刘晓峰',
    phone: '13908580412',
  },
  {
    name: '六枝特区绿源茶业有限公司',
    body: '91520203MA6DN8W02',
    industry: '茶叶加工',
    contact: '杨秀英',
    phone: '15185890633',
  },
  {
    name: '贵州郎岱酱酒酿造有限公司',
    body: '91520203MA6H1TX95',
    industry: '酒类酿造',
    contact: '罗永明',
    phone: '13638580724',
  },
  {
    name: '六枝特区鑫磊煤焦化有限公司',
    body: '91520203709601573',
    industry: '煤化工',
    contact: '陈德华',
    phone: '13885812045',
  },
  {
    name: '贵州六枝乌蒙山食品有限公司',
    body: '91520203MA6EAB4C8',
    industry: '食品加工',
    contact: '张丽',
    phone: '18985860176',
  },
  {
    name: '六枝特区云顶光伏发电有限公司',
    body: '91520203MA6GYU2P0',
    industry: '新能源',
    contact: '周鹏',
    phone: '13765890287',
  },
  {
    name: '贵州六枝捷通物流有限公司',
    body: '91520203MA6DTH5K3',
    industry: '物流运输',
    contact: '吴海涛',
    phone: '15286830398',
  },
  {
    name: '六枝特区博远电子科技有限公司',
    body: '91520203MA6J0NR76',
    industry: '电子信息',
    contact: '黄静',
    phone: '17785860459',
  },
  {
    name: '贵州落别服装织造有限公司',
    body: '91520203MA6FQC8X1',
    industry: '纺织服装',
    contact: '李红梅',
    phone: '13984840560',
  },
  {
    name: '六枝特区康和医药有限公司',
    body: '91520203MA6DU3L49',
    industry: '医药',
    contact: '赵文斌',
    phone: '13595890671',
  },
  {
    name: '贵州六枝牂牁江文旅开发有限公司',
    body: '91520203MA6HMW0E5',
    industry: '文化旅游',
    contact: '孙婷',
    phone: '18708580782',
  },
  {
    name: '六枝特区华创铝业有限公司',
    body: '91520203MA6E7K9A2',
    industry: '有色金属',
    contact: '马俊',
    phone: '13885863893',
  },
  {
    name: '贵州六枝鼎盛包装材料有限公司',
    body: '91520203MA6GB51R8',
    industry: '包装印刷',
    contact: '胡建平',
    phone: '15008580904',
  },
  {
    name: '六枝特区岩脚面业有限公司',
    body: '91520203MA6DXP6T7',
    industry: '食品加工',
    contact: '郭玉兰',
    phone: '13312380115',
  },
  {
    name: '贵州六枝智联数据服务有限公司',
    body: '91520203MA6JCE3N0',
    industry: '软件和信息服务',
    contact: '何宇',
    phone: '18285860226',
  },
  {
    name: '六枝特区丰源生态养殖专业合作社',
    body: '93520203MA6DPL2Y6',
    industry: '畜牧养殖',
    contact: '邓先富',
    phone: '13765810337',
  },
  {
    name: '六枝特区安顺达汽车维修有限公司',
    body: '91520203MA6FKG0H3',
    industry: '汽车服务',
    contact: '冯涛',
    phone: '15885890448',
  },
  {
    name: '贵州六枝瑞丰化工有限公司',
    body: '91520203MA6E9RW58',
    industry: '化工',
    contact: '彭志勇',
    phone: '13908582559',
  },
  {
    name: '六枝特区新农人电子商务有限公司',
    body: '91520203MA6KA7UD4',
    industry: '电子商务',
    contact: '曾小燕',
    phone: '17708580660',
  },
];

export const DEMO_ENTERPRISES = ENTERPRISES.map((e, i) => ({
  name: e.name,
  creditCode: e.body + creditCodeCheckCharacter(e.body),
  industry: e.industry,
  address: `六枝特区${['平寨镇', '郎岱镇', '岩脚镇'][i % 3]}工业园区${i + 1}号`,
  gridIndex: i % DEMO_GRIDS.length,
  contacts: [{ name: e.contact, phone: e.phone, email: null }],
}));

export const DEMO_PEOPLE = {
  enterprise: { username: 'enterprise', displayName: '恒达机械 王建国', mobile: '13885810231' },
  instructor: { username: 'instructor', displayName: '党建指导员 李娜', mobile: '13985860312' },
  department: { username: 'department', displayName: '人社局 张敏', mobile: '13508580123' },
  committee: { username: 'committee', displayName: '综合党委 陈志强', mobile: '13708580909' },
  admin: { username: 'admin', displayName: '系统管理员', mobile: null },
} as const;
