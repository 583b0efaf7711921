import { BaseEnv } from '@ticketing/config';
import { outreachConfigFrom } from './outreach.config';

const app = (extra: Record<string, unknown>): BaseEnv =>
  Object.assign(new BaseEnv(), { DATA_DIR: '/tmp/x' }, extra);

describe('outreachConfigFrom', () => {
  it('defaults: key enterprises monthly, every enterprise quarterly', () => {
    expect(outreachConfigFrom(app({}))).toMatchObject({
      OUTREACH_KEY_VISIT_MONTHS: 1,
      OUTREACH_VISIT_MONTHS: 3,
    });
  });

  it('names the variable at fault', () => {
    expect(() => outreachConfigFrom(app({ OUTREACH_VISIT_MONTHS: 'often' }))).toThrow(
      /OUTREACH_VISIT_MONTHS/,
    );
    expect(() =>
      outreachConfigFrom(app({ OUTREACH_KEY_VISIT_MONTHS: '4', OUTREACH_VISIT_MONTHS: '3' })),
    ).toThrow(/OUTREACH_KEY_VISIT_MONTHS/);
  });
});
