import type { HolidayNotice } from '../notice';

/**
 * The 2019 notice (国办发明电〔2018〕15号, 2018-12-04) as first published: its 元旦 period starts
 * in 2018 and its first make-up day is 2018-12-29. A real precedent for dates in December of Y-1.
 */
export const NOTICE_2019: HolidayNotice = {
  year: 2019,
  title: '国务院办公厅关于2019年部分节假日安排的通知',
  reference: '国办发明电〔2018〕15号',
  publishedOn: '2018-12-04',
  holidays: [
    { name: '元旦', from: '2018-12-30', to: '2019-01-01' },
    { name: '春节', from: '2019-02-04', to: '2019-02-10' },
    { name: '清明节', from: '2019-04-05', to: '2019-04-05' },
    { name: '劳动节', from: '2019-05-01', to: '2019-05-01' },
    { name: '端午节', from: '2019-06-07', to: '2019-06-07' },
    { name: '中秋节', from: '2019-09-13', to: '2019-09-13' },
    { name: '国庆节', from: '2019-10-01', to: '2019-10-07' },
  ],
  makeUpWorkdays: ['2018-12-29', '2019-02-02', '2019-02-03', '2019-09-29', '2019-10-12'],
};
