import { searchDocument } from './search-document';
import { facet, facetLexemes, windowLexemes } from './search-facets';
import { documentTokens, documentVector, highlight, parseQuery } from './search-text';

const lexemes = (text: string) => documentTokens(text).map((t) => `${t.lexeme}@${t.position}`);

describe('search text', () => {
  it('cuts a Han run into overlapping pairs and its last character', () => {
    expect(lexemes('厂区停水三天')).toEqual(['厂区@1', '区停@2', '停水@3', '水三@4', '三天@5', '天@6']);
  });

  it('keeps letters and digits as words, lower case, full width made half width', () => {
    expect(lexemes('ＣＳ-2026-000123，A3车间')).toEqual([
      'cs@1',
      '2026@2',
      '000123@3',
      'a3@4',
      '车间@5',
      '间@6',
    ]);
  });

  it('gives punctuation no position, so a query typed with other punctuation still matches', () => {
    expect(lexemes('停水，三天')).toEqual(['停水@1', '水@2', '三天@3', '天@4']);
    expect(parseQuery('停水。三天')!.tsquery).toBe(`('停水' <2> '三天')`);
  });

  it('turns a word into its chain of pairs, and ANDs the words of a query', () => {
    expect(parseQuery('停水')!.tsquery).toBe(`'停水'`);
    expect(parseQuery('厂区停水')!.tsquery).toBe(`('厂区' <1> '区停' <1> '停水')`);
    expect(parseQuery('恒达  停水')!.tsquery).toBe(`'恒达' & '停水'`);
  });

  it('looks up a lone Han character and a long letter/digit run as prefixes', () => {
    expect(parseQuery('水')!.tsquery).toBe(`'水':*`);
    expect(parseQuery('9152')!.tsquery).toBe(`'9152':*`);
    expect(parseQuery('a3')!.tsquery).toBe(`'a3'`);
  });

  it('looks up only the last run of a term as a prefix: the others end where the text runs end', () => {
    expect(parseQuery('CS-2024-000268')!.tsquery).toBe(`('cs' <1> '2024' <1> '000268':*)`);
    expect(parseQuery('abc车间')!.tsquery).toBe(`('abc' <1> '车间')`);
    expect(parseQuery('水a3')!.tsquery).toBe(`('水' <1> 'a3')`);
    expect(parseQuery('a3 水')!.tsquery).toBe(`'a3' & '水':*`);
  });

  it('spaces a Han run followed by a word as the text does (its last character sits between)', () => {
    expect(parseQuery('停水a3')!.tsquery).toBe(`('停水' <2> 'a3')`);
    expect(parseQuery('a3车间')!.tsquery).toBe(`('a3' <1> '车间')`);
  });

  it('has nothing to look for in punctuation alone, and drops repeated words', () => {
    expect(parseQuery('，。！？ —— ')).toBeNull();
    expect(parseQuery('停水 停水')!.terms).toHaveLength(1);
  });

  it('quotes what PostgreSQL would read as syntax', () => {
    // Only letters, digits and Han characters become lexemes: nothing to escape reaches the tsquery.
    expect(parseQuery(`停水' | !x & (y)`)!.tsquery).toBe(`'停水' & 'x' & 'y'`);
  });

  it('labels positions with the field weight and leaves a gap between fields', () => {
    const v = documentVector([
      { text: '停水', weight: 'A' },
      { text: '停水了', weight: 'B' },
    ]);
    expect(v).toBe(`'停水':1A,4B '水':2A '水了':5B '了':6B`);
  });

  it('keeps a lexeme to 255 positions and positions to 16383, as PostgreSQL requires', () => {
    const v = documentVector([{ text: '水 '.repeat(20000), weight: 'C' }]);
    const positions = /'水':(\S+)/.exec(v)![1].split(',');
    expect(positions).toHaveLength(255);
    const long = documentVector([
      { text: '字'.repeat(16390), weight: 'B' },
      { text: '尾巴', weight: 'C' },
    ]);
    expect(long).toContain(`'尾巴':16383C`);
  });

  it('puts number, enterprise, credit code and title before description and the conversation', () => {
    const v = searchDocument({
      number: 'CS-2026-000001',
      enterpriseName: '恒达机械',
      directoryName: '恒达机械',
      creditCode: '91520203MA6DKQ3F1X',
      title: '停水',
      description: '厂区',
      location: null,
      conversation: ['已修复'],
    });
    expect(v).toContain(`'91520203ma6dkq3f1x':`);
    expect(v).toMatch(/'停水':\d+A/);
    expect(v).toMatch(/'厂区':\d+B/);
    expect(v).toMatch(/'修复':\d+C/);
  });
});

describe('highlight', () => {
  const terms = (q: string) => parseQuery(q)!.terms;

  it('marks every occurrence of each word, in the original text', () => {
    expect(highlight('厂区停水三天，停水影响生产', terms('停水'))).toEqual({
      text: '厂区停水三天，停水影响生产',
      matches: [
        { start: 2, end: 4 },
        { start: 7, end: 9 },
      ],
    });
  });

  it('finds full-width and upper-case text by its normal form, at its own offsets', () => {
    // a3 and 车间 touch: one mark.
    expect(highlight('Ａ３车间故障', terms('a3车间'))!.matches).toEqual([{ start: 0, end: 4 }]);
    expect(highlight('型号ABC-Ｘ', terms('abc'))!.matches).toEqual([{ start: 2, end: 5 }]);
  });

  it('merges overlapping matches', () => {
    expect(highlight('供水主管破裂', terms('供水主管 主管破裂'))!.matches).toEqual([{ start: 0, end: 6 }]);
  });

  it('cuts a long text around the first match and says where it was cut', () => {
    const text = `${'前'.repeat(100)}停水${'后'.repeat(100)}`;
    const h = highlight(text, terms('停水'))!;
    expect(h.text.startsWith('…')).toBe(true);
    expect(h.text.endsWith('…')).toBe(true);
    const m = h.matches[0];
    expect(h.text.slice(m.start, m.end)).toBe('停水');
  });

  it('is null when the text holds none of the words', () => {
    expect(highlight('厂区停电', terms('停水'))).toBeNull();
  });
});

describe('facets', () => {
  const at = (s: string) => new Date(s);

  it('names the week (Monday, Beijing time) and the month of a ticket', () => {
    // Sunday 23:30 and Monday 00:30 in Beijing are different weeks; the UTC dates would not say so.
    expect(facet.week(at('2026-03-01T15:30:00Z'))).not.toBe(facet.week(at('2026-03-01T16:30:00Z')));
    expect(facet.week(at('2026-03-02T16:30:00Z'))).toBe(facet.week(at('2026-03-08T15:30:00Z')));
    expect(facet.month(at('2026-02-28T16:30:00Z'))).toBe('~m202603');
  });

  it('covers every week or month of a window, whatever the day', () => {
    const now = at('2026-03-18T04:00:00Z');
    for (let days = 0; days <= 400; days += 3) {
      const since = new Date(now.getTime() - days * 86400_000);
      const buckets = windowLexemes(since, now);
      for (let t = since.getTime(); t <= now.getTime(); t += 6 * 3600_000) {
        const d = new Date(t);
        expect(buckets.includes(facet.week(d)) || buckets.includes(facet.month(d))).toBe(true);
      }
    }
  });

  it('writes facets into the vector without positions, quoted', () => {
    const v = searchDocument(
      {
        number: 'CS-1',
        enterpriseName: '甲',
        directoryName: null,
        creditCode: null,
        title: '停水',
        description: '',
        location: null,
        conversation: [],
      },
      facetLexemes({
        enterpriseId: "ent'1",
        gridId: null,
        departmentIds: ['d1', 'd1'],
        status: 'closed',
        category: 'utilities',
        channel: 'web',
        submittedAt: at('2026-03-18T04:00:00Z'),
      }),
    );
    expect(v).toContain(`'~eent''1' '~dd1' '~sclosed' '~cutilities' '~hweb' '~w`);
    expect(v.match(/'~dd1'/g)).toHaveLength(1);
  });
});
