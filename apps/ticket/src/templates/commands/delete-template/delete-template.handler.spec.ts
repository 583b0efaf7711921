import { HRSS_ID, refusalOf, staff, templateKit, ZONE_ID } from '../template-spec.fixture';
import { DeleteTemplateCommand } from './delete-template.command';
import { DeleteTemplateHandler } from './delete-template.handler';

const remove = (k: ReturnType<typeof templateKit>, templateId: string, user = staff.hrss) =>
  new DeleteTemplateHandler(k.uow, k.templates).execute(DeleteTemplateCommand.create({ user, templateId }));

describe('DeleteTemplateHandler', () => {
  it('the owner removes its template; the history keeps it', async () => {
    const k = templateKit();
    await remove(k, HRSS_ID);
    await remove(k, ZONE_ID, staff.committee);
    expect(k.templates.rows.size).toBe(0);
    expect(k.templates.history.map((h) => [h.templateId, h.action, h.title])).toEqual([
      [HRSS_ID, 'deleted', '招聘会通知'],
      [ZONE_ID, 'deleted', '已受理'],
    ]);
  });

  it('another department’s is 404, a zone one 403 to a department, a removed one 404', async () => {
    const k = templateKit();
    expect((await refusalOf(remove(k, HRSS_ID, staff.tax))).code).toBe('notFound');
    expect((await refusalOf(remove(k, ZONE_ID, staff.hrss))).code).toBe('forbidden');
    expect((await refusalOf(remove(k, HRSS_ID, staff.enterprise))).code).toBe('notFound');
    await remove(k, HRSS_ID);
    expect((await refusalOf(remove(k, HRSS_ID))).code).toBe('notFound');
    expect(k.templates.rows.size).toBe(1);
  });
});
