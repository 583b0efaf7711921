import { HRSS_ID, refusalOf, staff, templateKit, ZONE_ID } from '../template-spec.fixture';
import { UpdateTemplateCommand } from './update-template.command';
import { UpdateTemplateHandler } from './update-template.handler';

const update = (
  k: ReturnType<typeof templateKit>,
  templateId: string,
  user = staff.hrss,
  change: { title?: string; body?: string; expectedVersion?: number } = { body: '新的{number}' },
) =>
  new UpdateTemplateHandler(k.uow, k.templates).execute(
    UpdateTemplateCommand.create({ user, templateId, expectedVersion: 1, ...change }),
  );

describe('UpdateTemplateHandler', () => {
  it('the owner changes its template: version 2, a history entry', async () => {
    const k = templateKit();
    expect(await update(k, HRSS_ID)).toMatchObject({
      body: '新的{number}',
      version: 2,
      updatedById: 'u-hrss',
    });
    expect(await update(k, ZONE_ID, staff.committee, { title: '已受理（新）' })).toMatchObject({
      title: '已受理（新）',
      version: 2,
    });
    expect(k.templates.history.map((h) => [h.templateId, h.action, h.version])).toEqual([
      [HRSS_ID, 'updated', 2],
      [ZONE_ID, 'updated', 2],
    ]);
  });

  it('another department’s template is 404, a zone one 403 to a department, a stale version 409, a taken title 409; nothing saved', async () => {
    const k = templateKit();
    expect((await refusalOf(update(k, HRSS_ID, staff.tax))).code).toBe('notFound');
    expect((await refusalOf(update(k, ZONE_ID, staff.hrss))).code).toBe('forbidden');
    expect((await refusalOf(update(k, '0190f1f0-0000-7000-8000-0000000000ff'))).code).toBe('notFound');
    expect((await refusalOf(update(k, HRSS_ID, staff.hrss, { body: 'x', expectedVersion: 5 }))).code).toBe(
      'versionConflict',
    );
    const other = '0190f1f0-0000-7000-8000-0000000000d3';
    k.templates.rows.set(other, { ...k.templates.rows.get(HRSS_ID)!, id: other, title: '另一条' });
    const taken = await refusalOf(update(k, HRSS_ID, staff.hrss, { title: '另一条' }));
    expect(taken.details.errors).toEqual([{ field: 'title', messages: [expect.any(String)] }]);
    expect(k.templates.history).toEqual([]);
  });
});
