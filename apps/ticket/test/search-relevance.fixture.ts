/**
 * The search's relevance set (issue 16): tickets as enterprises write them, and 50 Chinese queries
 * a person would type to find them, each with the tickets it must find. Recall is the share of
 * those tickets that appear on the first page (20) of the committee's search. The integration test
 * (search-relevance.int-spec.ts) raises these tickets through the API among generated ones and
 * asserts recall ≥ 95 %; `npm run bench:search` prints it among a million.
 *
 * A query `{number:t04}` stands for that ticket's number, known once it is submitted.
 */

export interface FixtureEnterprise {
  id: string;
  name: string;
  creditCode: string;
  gridId: string;
}

export interface FixtureTicket {
  key: string;
  enterprise: string;
  title: string;
  description: string;
  category: string;
  location?: string;
  /** The department's interim reply while handling it. */
  interim?: string;
  /** The resolution, which is also the reply the enterprise reads. */
  answer?: string;
}

export interface RelevanceQuery {
  q: string;
  expect: string[];
  /** What it checks. */
  why: string;
}

export const FIXTURE_GRID = 'grid-fixture';

export const FIXTURE_ENTERPRISES: FixtureEnterprise[] = [
  {
    id: 'fx-panshi',
    name: '六枝特区磐石矿山机械有限公司',
    creditCode: '91520203MA6HPK2K77',
    gridId: FIXTURE_GRID,
  },
  {
    id: 'fx-suojia',
    name: '贵州梭戛苗绣文化创意有限公司',
    creditCode: '91520203MA6J3XQ08K',
    gridId: FIXTURE_GRID,
  },
  {
    id: 'fx-yanjiao',
    name: '六枝特区岩脚镇老街面条加工厂',
    creditCode: '92520203MA6KX1L456',
    gridId: FIXTURE_GRID,
  },
  {
    id: 'fx-zangke',
    name: '贵州牂牁江旅游开发有限公司',
    creditCode: '91520203MA6GQ0RW3J',
    gridId: FIXTURE_GRID,
  },
  {
    id: 'fx-luobie',
    name: '六枝特区落别布依茶叶专业合作社',
    creditCode: '93520203MA6F7CU116',
    gridId: FIXTURE_GRID,
  },
  {
    id: 'fx-xueyu',
    name: '贵州六枝雪域冷链物流有限公司',
    creditCode: '91520203MA6K8BN926',
    gridId: FIXTURE_GRID,
  },
  {
    id: 'fx-xinyao',
    name: '六枝特区新窑光电科技有限公司',
    creditCode: '91520203MA6HT4M56C',
    gridId: FIXTURE_GRID,
  },
  {
    id: 'fx-yuelianghe',
    name: '贵州月亮河生物制药有限公司',
    creditCode: '91520203MA6JR9W273',
    gridId: FIXTURE_GRID,
  },
];

export const FIXTURE_TICKETS: FixtureTicket[] = [
  {
    key: 't01',
    enterprise: 'fx-xueyu',
    title: '冷库制冷机组故障急需维修',
    description:
      '我司冷藏仓库的两台制冷机组自3月2日起频繁报警停机，库温升至零上5度，存放的冻肉和速冻水饺面临变质风险，请协调专业维修单位尽快上门。',
    category: 'utilities',
    location: '雪域物流园2号冷藏库',
    answer: '已联系设备厂家售后，压缩机已更换，库温恢复至零下18度。',
  },
  {
    key: 't02',
    enterprise: 'fx-xueyu',
    title: '冷藏车早高峰进城限行',
    description: '冷藏车给城区超市配送生鲜，每天早上7点到9点不能进城，配送经常延误，请求办理通行证。',
    category: 'transport',
    interim: '已与交警大队沟通冷藏车通行证事宜，近期答复。',
  },
  {
    key: 't03',
    enterprise: 'fx-panshi',
    title: '铸造车间厂区停水三天',
    description: '磐石机械厂区自周一起停水，已经三天，铸造车间冷却用水中断，整条生产线停产。',
    category: 'utilities',
    answer: '自来水公司已抢修完爆裂的DN300供水管道，厂区恢复供水。',
  },
  {
    key: 't04',
    enterprise: 'fx-panshi',
    title: '掘进机出口退税迟迟未到账',
    description: '我司出口到越南的一批掘进机，出口退税申报已一个多月，退税款仍未到账。',
    category: 'tax',
  },
  {
    key: 't05',
    enterprise: 'fx-panshi',
    title: '数控龙门铣床用电增容',
    description: '新购置的数控龙门铣床需要增加用电负荷800千伏安，申请变压器增容并协调供电方案。',
    category: 'utilities',
    interim: '供电所已受理增容申请，将安排现场勘察。',
  },
  {
    key: 't06',
    enterprise: 'fx-suojia',
    title: '苗绣产品参加广交会补贴',
    description: '公司计划带长角苗刺绣产品参加广交会，咨询参展补贴的申请条件和兑现时间。',
    category: 'policy',
    answer: '参展补贴按展位费的百分之五十补助，申报表已发送至贵司邮箱。',
  },
  {
    key: 't07',
    enterprise: 'fx-suojia',
    title: '绣娘灵活就业社保补缴',
    description: '合作的三十余名绣娘多为农村留守妇女，咨询灵活就业人员养老保险补缴办法。',
    category: 'labour',
  },
  {
    key: 't08',
    enterprise: 'fx-suojia',
    title: '生态博物馆路段施工扬尘',
    description: '梭戛生态博物馆门前道路施工，扬尘很大，绣品展厅无法开门迎客。',
    category: 'safety_environment',
    answer: '施工单位已增加洒水频次并覆盖裸土，扬尘明显减少。',
  },
  {
    key: 't09',
    enterprise: 'fx-yanjiao',
    title: '食品生产许可证续期是否要现场核查',
    description: '老街面条加工厂的食品生产许可证下月到期，续期是否需要现场核查？',
    category: 'approval',
    answer: '许可证延续实行告知承诺制，无需现场核查，可在网上办理。',
  },
  {
    key: 't10',
    enterprise: 'fx-yanjiao',
    title: '面粉涨价请求对接小麦基地',
    description: '近两个月面粉价格上涨两成，挂面作坊利润很薄，希望帮助对接本地小麦种植基地。',
    category: 'other',
  },
  {
    key: 't11',
    enterprise: 'fx-zangke',
    title: '牂牁江湖区游船码头审批',
    description: '公司拟在牂牁江湖区建设游船码头，需要办理岸线使用和水域占用审批，不知从何入手。',
    category: 'approval',
    interim: '已牵头水务、交通、自然资源部门召开协调会，正在梳理审批流程。',
  },
  {
    key: 't12',
    enterprise: 'fx-zangke',
    title: '国庆旅游旺季景区道路拥堵',
    description: '国庆期间进入景区的道路拥堵长达5公里，请求交警在郎岱路口疏导。',
    category: 'transport',
    answer: '交警大队国庆期间已在郎岱路口增派警力疏导交通。',
  },
  {
    key: 't13',
    enterprise: 'fx-luobie',
    title: '春茶采摘用工短缺',
    description: '清明前春茶采摘需要采茶工两百人，当地劳动力不足，请帮助招工。',
    category: 'labour',
    answer: '已组织周边乡镇劳务经纪人对接采茶工一百五十名。',
  },
  {
    key: 't14',
    enterprise: 'fx-luobie',
    title: '布依茶申请地理标志保护',
    description: '落别布依茶想申请国家地理标志产品保护，请市场监管部门指导申报材料。',
    category: 'market',
  },
  {
    key: 't15',
    enterprise: 'fx-xinyao',
    title: 'LED驱动芯片研发费用加计扣除',
    description: '今年研发LED驱动芯片投入约六百万元，研发费用加计扣除的归集口径需要辅导。',
    category: 'tax',
    answer: '税务分局已派专人上门辅导研发费用辅助账的设置。',
  },
  {
    key: 't16',
    enterprise: 'fx-xinyao',
    title: 'A3车间洁净室温湿度失控',
    description: 'A3车间洁净室空调系统故障，温湿度超标，芯片封装良率从98%降到91%。',
    category: 'other',
    location: 'A3车间',
  },
  {
    key: 't17',
    enterprise: 'fx-yuelianghe',
    title: '冻干粉针剂车间GMP符合性检查',
    description: '新建的冻干粉针剂车间已完工，申请药品GMP符合性检查，希望尽早安排。',
    category: 'approval',
  },
  {
    key: 't18',
    enterprise: 'fx-yuelianghe',
    title: '疫苗原液运输资质咨询',
    description: '企业需要委托运输疫苗原液，咨询医药冷链运输资质和温控要求。',
    category: 'transport',
  },
  {
    key: 't19',
    enterprise: 'fx-yuelianghe',
    title: '制药废水COD超标整改指导',
    description: '污水站出水COD偶尔超标，希望生态环境部门指导整改工艺。',
    category: 'safety_environment',
    answer: '已组织专家现场诊断，建议增设芬顿氧化预处理单元。',
  },
  {
    key: 't20',
    enterprise: 'fx-panshi',
    title: '铸造工招聘难',
    description: '铸造车间需要熟练浇注工十名，工资开到八千仍招不到人。',
    category: 'labour',
    interim: '已将岗位推送至六盘水职业技术学院就业办。',
  },
  {
    key: 't21',
    enterprise: 'fx-xinyao',
    title: '光伏组件检测设备进口关税',
    description: '从德国进口一台EL检测仪，咨询科技型企业进口设备免征关税政策。',
    category: 'policy',
  },
  {
    key: 't22',
    enterprise: 'fx-xueyu',
    title: '冷链仓库土地证办理',
    description: '雪域冷链二期仓库用地已摘牌两年，不动产权证书一直办不下来。',
    category: 'land',
    answer: '权籍调查已完成，不动产权证书将于本月内发放。',
  },
  {
    key: 't23',
    enterprise: 'fx-zangke',
    title: '景区索道特种设备检验',
    description: '景区观光索道年检到期，请安排特种设备检验机构检验。',
    category: 'market',
  },
  {
    key: 't24',
    enterprise: 'fx-luobie',
    title: '茶园道路硬化',
    description: '合作社茶园到加工厂的三公里机耕道坑洼不平，采茶季运鲜叶很困难。',
    category: 'planning',
    interim: '已纳入今年产业路建设计划，待招标。',
  },
  {
    key: 't25',
    enterprise: 'fx-yanjiao',
    title: '老街商铺消防通道被占',
    description: '老街加工厂门口消防通道长期被摆摊占用，消防车无法通行，存在安全隐患。',
    category: 'safety_environment',
  },
  {
    key: 't26',
    enterprise: 'fx-suojia',
    title: '苗绣商标被仿冒',
    description: '发现网店仿冒我司“梭戛绣”注册商标销售机绣产品，请求查处。',
    category: 'legal',
    answer: '市场监管局已立案，查扣仿冒绣品两百余件。',
  },
  {
    key: 't27',
    enterprise: 'fx-panshi',
    title: '客户拖欠设备款诉前调解',
    description: '某煤矿拖欠我司设备款三百二十万元，希望通过诉前调解解决。',
    category: 'legal',
    interim: '已将案件移交矿区人民调解委员会。',
  },
  {
    key: 't28',
    enterprise: 'fx-yuelianghe',
    title: '生物医药产业基金申请',
    description: '企业拟扩建疫苗佐剂生产线，申请省生物医药产业基金股权投资。',
    category: 'finance',
  },
  {
    key: 't29',
    enterprise: 'fx-xinyao',
    title: '高新技术企业复审',
    description: '公司高新技术企业证书今年到期，请科技局指导重新认定的材料准备。',
    category: 'technology',
    answer: '已安排专员上门辅导，并推荐了审计机构。',
  },
  {
    key: 't30',
    enterprise: 'fx-zangke',
    title: '游船船员证件考试',
    description: '新招聘的六名游船驾驶员需要考取内河船员适任证书，请协调考试。',
    category: 'transport',
  },
  {
    key: 't31',
    enterprise: 'fx-luobie',
    title: '茶叶加工机械购置补贴',
    description: '合作社新购揉捻机和杀青机各两台，咨询农机购置补贴是否覆盖。',
    category: 'policy',
    answer: '揉捻机、杀青机在农机购置补贴目录内，可按目录标准申领。',
  },
  {
    key: 't32',
    enterprise: 'fx-xueyu',
    title: '冷链物流园变电站噪音扰民投诉',
    description: '附近居民投诉我司变电站夜间噪音大，希望帮助协调降噪方案。',
    category: 'safety_environment',
  },
  {
    key: 't33',
    enterprise: 'fx-yanjiao',
    title: '面条加工厂申请小微企业贷款',
    description: '加工厂想添置一条自动挂面生产线，申请小微企业创业担保贷款三十万元。',
    category: 'finance',
    answer: '创业担保贷款已审批，资金将在五个工作日内发放。',
  },
  {
    key: 't34',
    enterprise: 'fx-panshi',
    title: '液压支架焊接烟尘治理',
    description: '液压支架焊接工位烟尘大，工人反映强烈，咨询焊接烟尘净化设备补助。',
    category: 'safety_environment',
  },
  {
    key: 't35',
    enterprise: 'fx-suojia',
    title: '非遗工坊场地租金减免',
    description: '苗绣非遗工坊租用园区标准厂房，申请小微企业房租减免。',
    category: 'policy',
    interim: '已提交管委会研究，下周答复。',
  },
  {
    key: 't36',
    enterprise: 'fx-zangke',
    title: '湖区水质监测',
    description: '近期牂牁江湖区部分水域出现蓝藻，影响游客观感，请求开展水质监测。',
    category: 'safety_environment',
    answer: '生态环境分局已布设三个监测点，每周公布水质结果。',
  },
  {
    key: 't37',
    enterprise: 'fx-yuelianghe',
    title: '药品上市许可持有人变更',
    description: '我司受让一个化药品种，需要办理药品上市许可持有人变更。',
    category: 'approval',
  },
  {
    key: 't38',
    enterprise: 'fx-xinyao',
    title: '员工宿舍网络断网',
    description: '厂区宿舍宽带每晚断网，夜班员工无法联系家人，运营商报修多次未解决。',
    category: 'other',
    answer: '运营商已更换宿舍楼光交箱，网络恢复稳定。',
  },
  {
    key: 't39',
    enterprise: 'fx-luobie',
    title: '布依族采茶节活动审批',
    description: '合作社计划举办布依族采茶节，预计游客三千人，需要办理大型活动安全许可。',
    category: 'approval',
  },
  {
    key: 't40',
    enterprise: 'fx-xueyu',
    title: '速冻食品出口备案',
    description: '计划出口速冻水饺到新加坡，咨询出口食品生产企业备案。',
    category: 'market',
    interim: '已联系海关驻点科室，正在确认备案材料。',
  },
];

export const RELEVANCE_QUERIES: RelevanceQuery[] = [
  { q: '制冷机组', expect: ['t01'], why: 'a word in the title' },
  { q: '速冻水饺', expect: ['t01', 't40'], why: 'a word in the description of two tickets' },
  { q: '零下18度', expect: ['t01'], why: 'digits and Chinese together, only in the answer' },
  { q: '冷藏车', expect: ['t02'], why: 'a three-character word' },
  {
    q: '早高峰 通行证',
    expect: ['t02'],
    why: 'a word of the title and a common word of description and interim reply',
  },
  { q: '磐石 停水', expect: ['t03'], why: 'two words: enterprise name and a word of the title' },
  { q: '铸造车间', expect: ['t03', 't20'], why: 'a word in title and description' },
  { q: '冷却用水', expect: ['t03'], why: 'a phrase inside 冷却用水中断' },
  { q: 'DN300', expect: ['t03'], why: 'a Latin code in the answer' },
  { q: '掘进机', expect: ['t04'], why: 'a word in title and description' },
  { q: '越南 出口退税', expect: ['t04'], why: 'a rare word and a common phrase' },
  { q: '龙门铣床', expect: ['t05'], why: 'a word' },
  { q: '800千伏安', expect: ['t05'], why: 'a figure with its unit' },
  { q: '广交会', expect: ['t06'], why: 'a word' },
  { q: '展位费', expect: ['t06'], why: 'a word only in the answer' },
  { q: '绣娘', expect: ['t07'], why: 'a two-character word' },
  {
    q: '梭戛',
    expect: ['t06', 't07', 't08', 't26', 't35'],
    why: 'part of an enterprise name: all its tickets',
  },
  { q: '扬尘', expect: ['t08'], why: 'a word' },
  { q: '告知承诺制', expect: ['t09'], why: 'a word only in the answer' },
  { q: '面条加工厂', expect: ['t09', 't10', 't25', 't33'], why: 'enterprise name and text' },
  { q: '小麦种植基地', expect: ['t10'], why: 'a phrase' },
  { q: '游船码头', expect: ['t11'], why: 'a phrase' },
  {
    q: '牂牁江',
    expect: ['t11', 't12', 't23', 't30', 't36'],
    why: 'rare characters, in the enterprise name',
  },
  { q: '郎岱路口', expect: ['t12'], why: 'description and answer' },
  { q: '采茶工', expect: ['t13'], why: 'a word' },
  { q: '地理标志', expect: ['t14'], why: 'a word' },
  { q: '布依', expect: ['t13', 't14', 't24', 't31', 't39'], why: 'part of the enterprise name' },
  { q: '芯片 加计扣除', expect: ['t15'], why: 'a tax term among many, narrowed by a second word' },
  { q: 'led驱动芯片', expect: ['t15'], why: 'lower case finds LED' },
  { q: 'Ａ３车间', expect: ['t16'], why: 'full-width letters and digits find A3' },
  { q: '洁净室', expect: ['t16'], why: 'a word' },
  { q: 'GMP', expect: ['t17'], why: 'a Latin word' },
  { q: '冻干粉针剂', expect: ['t17'], why: 'a long word' },
  { q: '疫苗', expect: ['t18', 't28'], why: 'a two-character word in two tickets' },
  { q: 'COD超标', expect: ['t19'], why: 'Latin and Chinese together' },
  { q: '芬顿氧化', expect: ['t19'], why: 'a word only in the answer' },
  { q: '浇注工', expect: ['t20'], why: 'a word' },
  { q: '职业技术学院', expect: ['t20'], why: 'a word only in the interim reply' },
  { q: '进口关税', expect: ['t21'], why: 'a phrase' },
  { q: '二期仓库 不动产权证书', expect: ['t22'], why: 'a long common word narrowed by another' },
  { q: '索道', expect: ['t23'], why: 'a two-character word' },
  { q: '机耕道', expect: ['t24'], why: 'a word' },
  { q: '消防通道', expect: ['t25'], why: 'a word' },
  { q: '梭戛绣', expect: ['t26'], why: 'a word in quotation marks in the text' },
  { q: '诉前调解', expect: ['t27'], why: 'a word' },
  {
    q: '91520203MA6K8BN926',
    expect: ['t01', 't02', 't22', 't32', 't40'],
    why: 'a credit code: all its tickets',
  },
  {
    q: '91520203ma6hpk2k77',
    expect: ['t03', 't04', 't05', 't20', 't27', 't34'],
    why: 'a credit code in lower case',
  },
  { q: '{number:t31}', expect: ['t31'], why: 'a ticket number' },
  { q: '{number:t19}', expect: ['t19'], why: 'a ticket number' },
  { q: '蓝藻 监测', expect: ['t36'], why: 'two words, one in the description, one in the title' },
];
