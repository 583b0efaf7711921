import type { HolidayNotice } from '../notice';

/**
 * 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）, dated 2025-11-04
 * (published by Xinhua the same evening). 13 statutory days, as in 2025.
 *
 * Confidence: the dates and the 2025-11-04 date were checked against several reprints of the
 * Xinhua text (e.g. 光明网 2025-11-04, 中山日报 2025-11-05). The document number 国办发明电〔2025〕7号
 * is not part of the Xinhua text; it was seen only on a reprint of the 人社部 copy, so check it
 * against www.gov.cn before quoting it in anything official.
 */
export const CHINA_2026: HolidayNotice = {
  year: 2026,
  title: '国务院办公厅关于2026年部分节假日安排的通知',
  reference: '国办发明电〔2025〕7号',
  publishedOn: '2025-11-04',
  holidays: [
    // 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
    { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
    // 二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
    //     2月14日（周六）、2月28日（周六）上班。
    { name: '春节', from: '2026-02-15', to: '2026-02-23' },
    // 三、清明节：4月4日（周六）至6日（周一）放假，共3天。
    { name: '清明节', from: '2026-04-04', to: '2026-04-06' },
    // 四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
    { name: '劳动节', from: '2026-05-01', to: '2026-05-05' },
    // 五、端午节：6月19日（周五）至21日（周日）放假，共3天。
    { name: '端午节', from: '2026-06-19', to: '2026-06-21' },
    // 六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
    { name: '中秋节', from: '2026-09-25', to: '2026-09-27' },
    // 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
  ],
  makeUpWorkdays: [
    '2026-01-04', // 元旦, Sunday
    '2026-02-14', // 春节, Saturday
    '2026-02-28', // 春节, Saturday
    '2026-05-09', // 劳动节, Saturday
    '2026-09-20', // 国庆节, Sunday
    '2026-10-10', // 国庆节, Saturday
  ],
};
