import type { HolidayNotice } from '../notice';

/**
 * 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）, dated 2023-10-25
 * (published by Xinhua the same day; 国务院公报 2023年第31号).
 * Statutory holidays under the 2013 放假办法: 11 days. Each line below quotes the arrangement.
 */
export const CHINA_2024: HolidayNotice = {
  year: 2024,
  title: '国务院办公厅关于2024年部分节假日安排的通知',
  reference: '国办发明电〔2023〕7号',
  publishedOn: '2023-10-25',
  holidays: [
    // 一、元旦：1月1日放假，与周末连休。(2023-12-30/31 were an ordinary weekend.)
    { name: '元旦', from: '2024-01-01', to: '2024-01-01' },
    // 二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。
    { name: '春节', from: '2024-02-10', to: '2024-02-17' },
    // 三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
    { name: '清明节', from: '2024-04-04', to: '2024-04-06' },
    // 四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
    { name: '劳动节', from: '2024-05-01', to: '2024-05-05' },
    // 五、端午节：6月10日放假，与周末连休。
    { name: '端午节', from: '2024-06-10', to: '2024-06-10' },
    // 六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
    { name: '中秋节', from: '2024-09-15', to: '2024-09-17' },
    // 七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
    { name: '国庆节', from: '2024-10-01', to: '2024-10-07' },
  ],
  makeUpWorkdays: [
    '2024-02-04', // 春节, Sunday
    '2024-02-18', // 春节, Sunday
    '2024-04-07', // 清明节, Sunday
    '2024-04-28', // 劳动节, Sunday
    '2024-05-11', // 劳动节, Saturday
    '2024-09-14', // 中秋节, Saturday
    '2024-09-29', // 国庆节, Sunday
    '2024-10-12', // 国庆节, Saturday
  ],
  notes: [
    '鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。' +
      ' 2024-02-09 (Friday) is NOT a day off in the notice, only a recommendation: it stays a working day here.',
  ],
};
