import type { HolidayNotice } from '../notice';

/**
 * 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）, dated 2024-11-12
 * (published by Xinhua the same day). First year under the 全国年节及纪念日放假办法 as revised in
 * November 2024 (the notice cites that revision): statutory holidays go from 11 to 13 days
 * (春节 +1 day, 劳动节 +1 day), and 春节 is now arranged from 除夕 (8 days).
 */
export const CHINA_2025: HolidayNotice = {
  year: 2025,
  title: '国务院办公厅关于2025年部分节假日安排的通知',
  reference: '国办发明电〔2024〕12号',
  publishedOn: '2024-11-12',
  holidays: [
    // 一、元旦：1月1日（周三）放假1天，不调休。
    { name: '元旦', from: '2025-01-01', to: '2025-01-01' },
    // 二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。
    //     1月26日（周日）、2月8日（周六）上班。
    { name: '春节', from: '2025-01-28', to: '2025-02-04' },
    // 三、清明节：4月4日（周五）至6日（周日）放假，共3天。
    { name: '清明节', from: '2025-04-04', to: '2025-04-06' },
    // 四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
    { name: '劳动节', from: '2025-05-01', to: '2025-05-05' },
    // 五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
    { name: '端午节', from: '2025-05-31', to: '2025-06-02' },
    // 六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
    { name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' },
  ],
  makeUpWorkdays: [
    '2025-01-26', // 春节, Sunday
    '2025-02-08', // 春节, Saturday
    '2025-04-27', // 劳动节, Sunday
    '2025-09-28', // 国庆节、中秋节, Sunday
    '2025-10-11', // 国庆节、中秋节, Saturday
  ],
};
