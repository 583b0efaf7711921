import { normaliseConditions, validateRuleContent } from './routing-rule';

const known = new Set(['a', 'b', 'c']);
const isKnown = (id: string) => known.has(id);

describe('routing rule content', () => {
  it('drops empty lists and blanks, trims and de-duplicates', () => {
    expect(normaliseConditions({ categories: [], keywords: [' 停水 ', '停水', ''], gridIds: ['g'] })).toEqual(
      {
        keywords: ['停水'],
        gridIds: ['g'],
      },
    );
  });

  it('accepts a rule that tests something and routes to known departments', () => {
    expect(
      validateRuleContent(
        { categories: ['tax'] },
        { leadDepartmentId: 'a', coHandlerDepartmentIds: ['b'] },
        isKnown,
      ),
    ).toEqual([]);
  });

  it('names each field at fault', () => {
    const errors = validateRuleContent(
      {},
      { leadDepartmentId: 'x', coHandlerDepartmentIds: ['x', 'y', 'b', 'b'] },
      isKnown,
    );
    expect(errors.map((e) => e.field)).toEqual([
      'conditions',
      'decision.leadDepartmentId',
      'decision.coHandlerDepartmentIds',
    ]);
    expect(errors[2].messages).toEqual([
      'decision.coHandlerDepartmentIds holds unknown departments: x, y',
      'decision.coHandlerDepartmentIds must not contain the lead department',
      'decision.coHandlerDepartmentIds must not repeat a department',
    ]);
  });
});
