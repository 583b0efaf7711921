import { refusalOf, staff, templateKit } from '../template-spec.fixture';
import { CreateTemplateCommand } from './create-template.command';
import { CreateTemplateHandler } from './create-template.handler';

const create = (
  k: ReturnType<typeof templateKit>,
  user = staff.hrss,
  title = '材料清单',
  body = '请{enterprise}于{deadline}前提交',
) =>
  new CreateTemplateHandler(k.uow, k.templates).execute(CreateTemplateCommand.create({ user, title, body }));

describe('CreateTemplateHandler', () => {
  it('a department keeps its own template, the committee a zone-wide one; each with its history, in one unit of work', async () => {
    const k = templateKit();
    const mine = await create(k);
    expect(mine).toMatchObject({
      scope: 'department',
      departmentId: 'dep-hrss',
      title: '材料清单',
      placeholders: ['enterprise', 'deadline'],
      version: 1,
    });
    const zone = await create(k, staff.committee, '督办告知', '{number}已督办');
    expect(zone).toMatchObject({ scope: 'zone', departmentId: null, placeholders: ['number'] });
    expect(k.templates.history.map((h) => [h.templateId, h.action])).toEqual([
      [mine.id, 'created'],
      [zone.id, 'created'],
    ]);
    expect(k.uow.transactions).toBe(2);
  });

  it('refuses a title the owner has already (409 naming title), whatever its case; another owner may use it', async () => {
    const k = templateKit();
    const e = await refusalOf(create(k, staff.hrss, '招聘会通知'));
    expect(e.code).toBe('conflict');
    expect(e.details.errors).toEqual([{ field: 'title', messages: [expect.any(String)] }]);
    expect((await create(k, staff.tax, '招聘会通知')).departmentId).toBe('dep-tax');
    expect(k.templates.history).toHaveLength(1);
  });

  it('refuses an unknown placeholder (400 naming body) and anyone but the committee and departments (403)', async () => {
    const k = templateKit();
    expect((await refusalOf(create(k, staff.hrss, 'x', '{企业名称}您好'))).details.errors).toEqual([
      { field: 'body', messages: [expect.stringContaining('{企业名称}')] },
    ]);
    expect((await refusalOf(create(k, staff.enterprise))).code).toBe('forbidden');
    expect(k.templates.history).toEqual([]);
  });
});
