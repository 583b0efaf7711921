/**
 * The web app as its users meet it, in a real Chromium against the real standalone process:
 * an enterprise blows the whistle with a photo (on a phone-width screen), the routed department
 * finds it in its queue, acknowledges, resolves with evidence and replies, the enterprise rates the
 * outcome, and the committee's dashboard counts it. An instructor submits for an enterprise of their
 * grid while the routed department watches its notification bell light up live. Also: the form's
 * messages for bad input, and each role kept out of the others' pages. Screenshots of the main pages
 * go to docs/screenshots/.
 */
import { Browser, BrowserContext, Frame, Page, Route } from 'playwright-core';
import { eventually } from '@ticketing/testing';
import {
  browserSuite,
  choose,
  fillWhistle,
  login,
  logout,
  newProfile,
  pngBytes,
  screenshot,
  Standalone,
  submitLogin,
} from './support/harness';

const TITLE = '厂区门口主水管爆裂';
const DESCRIPTION = '今天上午厂区门口的主水管爆裂，生产用水中断，请尽快协调抢修。';
// The seeded rule for water-main keywords routes to 城管局 (urban management); its duty officer:
const ROUTED_DEPARTMENT_USER = 'dept-urban_mgmt';
// …with 住建局 (housing) co-handling.
const CO_HANDLER_USER = 'dept-housing';
// The demo instructor's grid (东区网格) holds every third seeded enterprise, 郎岱酱酒 among them; 黔峰建材 is in 西区.
const GRID_ENTERPRISE = '贵州郎岱酱酒酿造有限公司';
const OTHER_GRID_ENTERPRISE = '贵州六枝黔峰新型建材有限公司';
const INSTRUCTOR_TITLE = '酿造车间招工困难，急需技术工人';
// 用工招聘 goes to 人社局 by the seeded rules; `department` is one of its users.
const LABOUR_DEPARTMENT_USER = 'department';

describe('the web app in a browser', () => {
  let server: Standalone;
  let browser: Browser;
  let desktop: BrowserContext;
  let phone: BrowserContext;
  const consoleProblems: string[] = [];
  let ticketUrl = '';
  let ticketNumber = '';

  browserSuite(consoleProblems, async (s) => {
    ({ server, browser, desktop } = s);
    phone = await newProfile(browser, consoleProblems, { phone: true });
  });

  async function figure(page: Page, key: string): Promise<number> {
    const text = await page.locator(`[data-testid=figure-${key}] .ant-statistic-content-value`).innerText();
    return Number(text.replace(/[^\d]/g, ''));
  }

  async function openDashboard(page: Page): Promise<{ received: number; closed: number }> {
    await page.goto(`${server.url}/dashboard`);
    await page.locator('[data-testid=figure-received]').waitFor();
    return { received: await figure(page, 'received'), closed: await figure(page, 'closed') };
  }

  let before = { received: 0, closed: 0 };

  it('shows the committee its dashboard before anything happens', async () => {
    const page = await desktop.newPage();
    await login(page, server.url, 'committee');
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    before = await openDashboard(page);
    await screenshot(page, '01-committee-dashboard-before');
    await logout(page);
    await page.close();
  });

  it('answers bad input in the whistle form with the messages the API would give', async () => {
    const page = await desktop.newPage();
    await login(page, server.url, 'enterprise');
    expect(new URL(page.url()).pathname).toBe('/my-tickets');
    await page
      .getByRole('link', { name: '我要吹哨' })
      .or(page.getByRole('menuitem', { name: '我要吹哨' }))
      .first()
      .click();
    await page.waitForURL('**/whistle');
    // Before its first ticket the contact comes from the enterprise's record; erased, it is required.
    const contactName = page.getByLabel('联系人');
    expect(await eventually(async () => (await contactName.inputValue()) === '王建国', 10_000, 100)).toBe(
      true,
    );
    expect(await page.getByLabel('联系电话').inputValue()).toBe('13885810231');
    await contactName.fill('');
    await page.getByLabel('联系电话').fill('');
    await page.getByRole('button', { name: '提交诉求' }).click();
    const errors = page.locator('.ant-form-item-explain-error');
    const required = ['请选择问题类别', '请填写标题', '请填写问题描述', '请填写联系人', '请填写联系电话'];
    expect(
      await eventually(
        async () => ((await errors.allInnerTexts()).join() === required.join() ? required : null),
        5000,
        100,
      ),
    ).toEqual(required);

    await page.getByLabel('标题').fill('水'.repeat(101));
    await page.getByLabel('联系电话').fill('12345');
    await page.getByLabel('联系人').fill('王建国');
    const expected = [
      '标题最多 100 个字符',
      '请输入大陆手机号（如 13800138000）或带区号的固话（如 0851-3312345）',
    ];
    const shown = await eventually(
      async () => {
        const now = await errors.allInnerTexts();
        return expected.every((m) => now.includes(m)) && !now.includes('请填写联系人') ? now : null;
      },
      5000,
      100,
    );
    expect(shown).toEqual(expect.arrayContaining(expected));
    expect(shown).not.toContain('请填写联系人');
    expect(await page.getByText('101 / 100').count()).toBe(1);
    await screenshot(page, '02-whistle-form-errors');
    await logout(page);
    await page.close();
  });

  it('lets an enterprise submit a ticket with a photo on a phone-width screen', async () => {
    const page = await phone.newPage();
    await login(page, server.url, 'enterprise');
    await page.goto(`${server.url}/whistle`);
    await choose(page, page.getByLabel('问题类别'), '水电气暖');
    await page.getByLabel('标题').fill(TITLE);
    await page.getByLabel('问题描述').fill(DESCRIPTION);
    expect(await page.getByText(`${DESCRIPTION.length} / 4000`).count()).toBe(1);
    await page.getByText('紧急', { exact: true }).click();
    await page.getByLabel('地点').fill('平寨镇工业园区1号厂房东侧');
    await page.getByLabel('联系人').fill('王建国');
    await page.getByLabel('联系电话').fill('13885810231');
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '爆管现场.png', mimeType: 'image/png', buffer: pngBytes() });
    await page.locator('.ant-upload-list-item-done').waitFor();
    // Nothing sticks out sideways on a 375 px screen.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await screenshot(page, '03-whistle-form-phone');

    await page.getByRole('button', { name: '提交诉求' }).click();
    await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    ticketUrl = new URL(page.url()).pathname;
    const heading = await page.locator('[data-testid=ticket-page] h1').innerText();
    ticketNumber = heading.split(' · ')[0];
    expect(ticketNumber).toMatch(/^CS-\d{4}-\d{6}$/);
    expect(await page.locator('[data-testid=attachment] img').count()).toBe(1);
    // Dispatch routes it by the seeded rules; the page shows the lead department once it has.
    await eventually(
      async () => {
        await page.reload();
        return (await page.locator('[data-testid=ticket-page]').getAttribute('data-status')) === 'assigned';
      },
      30_000,
      500,
    );
    await expect(page.getByText('城管局').first().isVisible()).resolves.toBe(true);
    await screenshot(page, '04-ticket-enterprise-phone');

    await page.goto(`${server.url}/my-tickets`);
    await page.getByRole('link', { name: ticketNumber }).waitFor();
    // On a phone each ticket is a block with its status and countdown in sight, not a table to scroll.
    const item = page.locator('[data-testid=my-tickets] [data-ticket]', { hasText: ticketNumber });
    expect(await item.innerText()).toMatch(/待签收[\s\S]*厂区门口主水管爆裂[\s\S]*剩余/);
    expect(await page.locator('[data-testid=my-tickets] table').count()).toBe(0);
    await screenshot(page, '05-my-tickets-phone');
    await page.close();
  });

  it('puts the ticket in the routed department’s queue, where it is acknowledged, resolved with evidence and answered', async () => {
    const page = await desktop.newPage();
    await login(page, server.url, ROUTED_DEPARTMENT_USER);
    expect(new URL(page.url()).pathname).toBe('/queue');
    const row = page.locator('[data-testid=queue] tr', { hasText: ticketNumber });
    await eventually(
      async () => {
        if (await row.count()) return true;
        await page.getByRole('button', { name: '刷新' }).click();
        await page.waitForTimeout(500);
        return false;
      },
      30_000,
      200,
    );
    expect(await row.innerText()).toContain('待签收');
    expect(await row.innerText()).toMatch(/剩余|已超时/);
    await screenshot(page, '06-department-queue');

    await row.getByRole('link', { name: ticketNumber }).click();
    await page.waitForURL(`**${ticketUrl}`);
    const ticket = page.locator('[data-testid=ticket-page]');

    await page.locator('[data-action=acknowledge]').click();
    await page.getByRole('dialog').filter({ hasText: '签收' }).getByRole('button', { name: '提交' }).click();
    await page.locator('[data-testid=ticket-page][data-status=in_progress]').waitFor();

    // 联办: the co-handling department (住建局) reports its part before the lead may resolve.
    await expect(page.getByText('协办部门尚未全部报送').isVisible()).resolves.toBe(true);
    await logout(page);
    await login(page, server.url, CO_HANDLER_USER);
    await page.goto(`${server.url}${ticketUrl}`);
    await page.locator('[data-action=reportPart]').click();
    const part = page.getByRole('dialog').filter({ hasText: '报送协办意见' });
    await part.getByLabel('协办意见').fill('住建局已核查管网图纸，更换管段不涉及其他单位管线，可立即施工。');
    await part.getByRole('button', { name: '提交' }).click();
    await page.locator('[data-testid=parts]').getByText('可立即施工').waitFor();
    await screenshot(page, '07-ticket-co-handler-reported');
    await logout(page);
    await login(page, server.url, ROUTED_DEPARTMENT_USER);
    await page.goto(`${server.url}${ticketUrl}`);

    await page.locator('[data-action=resolve]').click();
    const resolve = page.getByRole('dialog').filter({ hasText: '办结' });
    await resolve.getByRole('button', { name: '提交' }).click();
    await resolve.getByText('请填写办理结果').waitFor();
    await resolve.getByLabel('办理结果').fill('已协调供水公司抢修，主水管已更换，当日 18 时恢复供水。');
    await resolve
      .locator('input[type=file]')
      .setInputFiles({ name: '抢修完成.png', mimeType: 'image/png', buffer: pngBytes(80, 60) });
    await resolve.locator('.ant-upload-list-item-done').waitFor();
    await resolve.getByRole('button', { name: '提交' }).click();
    await page.locator('[data-testid=ticket-page][data-status=resolved]').waitFor();
    expect(await page.locator('[data-testid=resolution] [data-testid=attachment]').count()).toBe(1);

    await page.locator('[data-action=reply]').click();
    const reply = page.getByRole('dialog').filter({ hasText: '答复企业' });
    await reply.getByLabel('内容').fill('您好，主水管已修复并恢复供水，如仍有问题请随时联系城管局。');
    await reply.getByRole('button', { name: '提交' }).click();
    await page.getByText('已答复企业').waitFor();
    const steps = await ticket
      .locator('[data-testid=timeline-step]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));
    expect(steps).toEqual(expect.arrayContaining(['submit', 'assign', 'acknowledge', 'resolve', 'reply']));
    await screenshot(page, '08-ticket-department-resolved');
    await logout(page);
    await page.close();
  });

  it('lets the enterprise rate the outcome, which closes the ticket', async () => {
    const page = await desktop.newPage();
    await login(page, server.url, 'enterprise');
    await page.goto(`${server.url}${ticketUrl}`);
    const form = page.locator('[data-testid=feedback-form]');
    await form.waitFor();
    await form.getByRole('button', { name: '提交' }).click();
    await form.getByText('请选择满意度').waitFor();
    await page.locator('#feedback_contacted').getByText('是', { exact: true }).click();
    await page.locator('#feedback_solved').getByText('是', { exact: true }).click();
    await page.locator('#feedback_satisfaction').getByText('满意', { exact: true }).click();
    await page.getByLabel('意见建议').fill('响应很快，感谢城管局！');
    await screenshot(page, '09-feedback-form');
    await form.getByRole('button', { name: '提交' }).click();
    await page.locator('[data-testid=ticket-page][data-status=closed]').waitFor();
    expect(await page.locator('[data-testid=feedback]').innerText()).toContain('满意');
    await screenshot(page, '10-ticket-closed');

    // 一企一档: the enterprise's own file, from the ledger, shows the ticket and how it ended.
    const filed = await eventually(
      async () => {
        await page.goto(`${server.url}/my-file`);
        const row = page.locator('[data-testid=enterprise-file-tickets] tr', { hasText: ticketNumber });
        await row.waitFor();
        return (await row.innerText()).includes('满意') ? row : null;
      },
      30_000,
      500,
    );
    if (!filed) throw new Error('the enterprise file never showed the rated ticket');
    expect(await filed.innerText()).toContain('已关闭');
    expect(await filed.getByLabel('是').count()).toBe(1); // resolved on time
    expect(await page.locator('[data-testid=enterprise-file]').innerText()).toContain('统一社会信用代码');
    await screenshot(page, '10b-enterprise-file');

    // The next whistle starts with the contact the enterprise named last time.
    await page.goto(`${server.url}/whistle`);
    expect(
      await eventually(async () => (await page.getByLabel('联系人').inputValue()) === '王建国', 10_000, 100),
    ).toBe(true);
    expect(await page.getByLabel('联系电话').inputValue()).toBe('13885810231');
    await logout(page);
    await page.close();
  });

  it('shows the committee the new figures, and its desk, rules, deadlines and ledger', async () => {
    const page = await desktop.newPage();
    await login(page, server.url, 'committee');
    await openDashboard(page);
    // The ledger appends asynchronously; its live stream brings the figures in without a reload.
    const counted = await eventually(
      async () =>
        (await figure(page, 'received')) === before.received + 1 &&
        (await figure(page, 'closed')) === before.closed + 1,
      30_000,
      250,
    );
    expect(counted).toBe(true);
    // The department that handled it is ranked; its response rate counts the on-time acknowledgement.
    const ranked = page.locator('[data-testid=ranking] tr', { hasText: '城管局' });
    await ranked.waitFor();
    expect(await ranked.innerText()).toContain('100.0%');
    expect(await page.locator('[data-testid=rate-responseRate]').innerText()).toMatch(/100\.0\s*%/);
    expect(await page.locator('[data-testid=rate-satisfactionRate]').innerText()).toContain('1 / 1');
    // The same month by category and by grid: the one ticket, answered in time, to the enterprise's satisfaction.
    const utilities = page.locator('[data-testid=breakdown-category] tr.ant-table-row', {
      hasText: '水电气暖',
    });
    expect(await utilities.innerText()).toMatch(/水电气暖\s+1\s/);
    expect(await utilities.locator('[data-rate=satisfactionRate]').innerText()).toBe('100.0%');
    await page.getByRole('tab', { name: '按网格' }).click();
    const grids = page.locator('[data-testid=breakdown-grid] tr.ant-table-row');
    await grids.first().waitFor();
    const gridTexts = await grids.allInnerTexts();
    expect(gridTexts).toHaveLength(1);
    expect(gridTexts[0]).toMatch(/^\S+网格\s+1\s/);
    await page.locator('[data-testid=dashboard] [role=img] svg').first().waitFor();
    await screenshot(page, '11-committee-dashboard-after');

    await page.goto(`${server.url}/desk`);
    await page.locator('[data-testid=desk]').waitFor();
    await screenshot(page, '12-dispatch-desk');

    await page.goto(`${server.url}/rules`);
    const tester = page.locator('[data-testid=rule-tester]');
    await choose(page, tester.getByLabel('类别'), '水电气暖');
    await tester.getByLabel('标题').fill('园区道路停水');
    await tester.getByRole('button', { name: '测试' }).click();
    await page.locator('[data-testid=rule-test-result]').waitFor();
    expect(await page.locator('[data-testid=rule-test-result]').innerText()).toContain('城管局');
    await screenshot(page, '13-routing-rules');

    await page.goto(`${server.url}/sla`);
    await page.locator('[data-testid=sla-policies] .ant-table-row').first().waitFor();
    await screenshot(page, '14-sla-policies-calendars');

    await page.goto(`${server.url}/ledger`);
    await page.getByRole('button', { name: '校验台账' }).click();
    await page
      .locator('[data-testid=verify-report] .ant-alert')
      .or(page.locator('[data-testid=ledger] .ant-alert'))
      .first()
      .waitFor();
    expect(await page.locator('[data-testid=verify-report]').innerText()).toContain('哈希链无断点');
    // The chain, filtered to the enterprise's ticket: every step from submission to closing, each linked to the one before.
    const entries = page.locator('[data-testid=ledger-entries]');
    await entries.getByLabel('编号').fill(ticketNumber);
    await entries.getByRole('button', { name: '搜索' }).click();
    await entries.locator('tr', { hasText: '关闭' }).first().waitFor();
    const steps = await entries.locator('tbody tr.ant-table-row').allInnerTexts();
    for (const step of ['提交诉求', '分派', '签收', '办结', '答复企业', '企业评价', '关闭'])
      expect(steps.some((row) => row.includes(step))).toBe(true);
    expect(steps.every((row) => row.includes(ticketNumber))).toBe(true);
    expect(await entries.getByLabel('与上一条的哈希不相接').count()).toBe(0);
    await entries.locator('tr', { hasText: '企业评价' }).locator('.ant-table-row-expand-icon').click();
    // The recorded content as labelled Chinese fields, not JSON with English keys.
    const satisfaction = entries.locator('[data-testid=payload-field][data-key=satisfaction]');
    await satisfaction.waitFor();
    expect(await satisfaction.innerText()).toBe('满意');
    expect(await entries.locator('[data-testid=payload-fields]').first().innerText()).toContain('满意度');
    await screenshot(page, '15-ledger');
    await page.getByRole('tab', { name: '联席会议议程' }).click();
    await page.getByText('暂无需提交联席会议的诉求').waitFor();

    await page.goto(`${server.url}/exports`);
    await page.locator('[data-testid=exports]').waitFor();
    await screenshot(page, '15-exports');
    await logout(page);
    await page.close();
  });

  it('shows the department its own figures and its place in the ranking', async () => {
    const page = await desktop.newPage();
    await login(page, server.url, ROUTED_DEPARTMENT_USER);
    await page.getByRole('menuitem', { name: '本部门指标' }).click();
    await page.waitForURL('**/my-figures');
    await page.locator('[data-testid=figures-rank]').waitFor();
    expect(await page.locator('[data-testid=department-figures] h1').innerText()).toContain('城管局');
    expect(await page.locator('[data-testid=figures-rank]').innerText()).toMatch(/本月排名\s*1\s*\/\s*\d+/);
    expect(await page.locator('[data-testid=rate-onTimeResolutionRate]').innerText()).toMatch(
      /100\.0\s*%[\s\S]*1 \/ 1/,
    );
    expect(await figure(page, 'closed')).toBe(1);
    await page.locator('[data-testid=department-figures] [role=img] svg').first().waitFor();
    await screenshot(page, '23-department-figures');
    await logout(page);
    await page.close();
  });

  it('lets an instructor submit for an enterprise of their grid, and rings the routed department’s bell live', async () => {
    // The department is already looking: its badge must rise without a reload (SSE).
    const deptPage = await desktop.newPage();
    await login(deptPage, server.url, LABOUR_DEPARTMENT_USER);
    const bell = deptPage.locator('[data-testid=notification-bell]');
    await bell.waitFor();
    const unreadBefore = Number(await bell.getAttribute('data-unread'));

    // The committee watches its dashboard in its own browser profile: the figure must rise live too.
    const committeeContext = await newProfile(browser, consoleProblems);
    const board = await committeeContext.newPage();
    await login(board, server.url, 'committee');
    const { received: receivedBefore } = await openDashboard(board);
    await board.locator('[data-testid=live-badge]', { hasText: '实时更新' }).waitFor();
    // Marks on the window object vanish on a reload: if they are still there, the pages updated in place.
    await board.evaluate('window.__sameDocument = true');
    await deptPage.evaluate('window.__sameDocument = true');
    await deptPage.locator('[data-testid=queue] .ant-table').waitFor();

    // Another browser profile: one localStorage session per profile, and logging in here must not log the department out.
    const instructorContext = await newProfile(browser, consoleProblems);
    const page = await instructorContext.newPage();
    await login(page, server.url, 'instructor');
    expect(new URL(page.url()).pathname).toBe('/grid-tickets');
    await page.getByRole('button', { name: '我要吹哨' }).click();
    await page.waitForURL('**/whistle');

    await page.getByLabel('企业', { exact: true }).click();
    const options = page.locator('.ant-select-dropdown .ant-select-item-option');
    await options.first().waitFor();
    const offered = await options.evaluateAll((els) => els.map((e) => e.getAttribute('title')));
    expect(offered).toContain(GRID_ENTERPRISE);
    expect(offered).not.toContain(OTHER_GRID_ENTERPRISE);
    expect(offered).toHaveLength(7);
    await page.getByTitle(GRID_ENTERPRISE).click();
    // The contact on that enterprise's record fills the form's contact.
    const contactName = page.getByLabel('联系人');
    expect(await eventually(async () => (await contactName.inputValue()) === '罗永明', 10_000, 100)).toBe(
      true,
    );
    expect(await page.getByLabel('联系电话').inputValue()).toBe('13638580724');
    await fillWhistle(page, {
      category: '用工招聘',
      title: INSTRUCTOR_TITLE,
      description:
        '走访中企业反映：新酿造车间投产在即，缺少持证酿造工和叉车司机约 20 人，希望协助对接招聘会。',
      contact: '罗永明',
      phone: '13638580724',
    });
    await screenshot(page, '20-instructor-whistle-form');

    await page.getByRole('button', { name: '提交诉求' }).click();
    await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    const ticketId = new URL(page.url()).pathname.split('/').pop()!;
    const number = (await page.locator('[data-testid=ticket-page] h1').innerText()).split(' · ')[0];
    expect(number).toMatch(/^CS-\d{4}-\d{6}$/);
    await expect(page.getByText(GRID_ENTERPRISE).first().isVisible()).resolves.toBe(true);

    await page.goto(`${server.url}/grid-tickets`);
    const row = page.locator('[data-testid=grid-tickets] tr', { hasText: number });
    await row.waitFor();
    expect(await row.innerText()).toContain(GRID_ENTERPRISE);
    // The instructor opens the enterprise's file (一企一档) from the list: its grid, so it may.
    await row.getByRole('link', { name: GRID_ENTERPRISE }).click();
    await page.waitForURL(/\/enterprises\/[0-9a-f-]{36}\/file$/);
    await page.locator('[data-testid=enterprise-file]').waitFor();
    expect(
      await page.locator('[data-testid=enterprise-file] .ant-card-head-title').first().innerText(),
    ).toContain(GRID_ENTERPRISE);
    await logout(page);
    await instructorContext.close();

    // Dispatch assigns it to 人社局; notify tells that department's users, and the open stream brings it in.
    const risen = await eventually(
      async () => {
        const n = Number(await bell.getAttribute('data-unread'));
        return n > unreadBefore ? n : null;
      },
      30_000,
      250,
    );
    if (risen === null) throw new Error(`the bell stayed at ${unreadBefore} unread`);
    expect(new URL(deptPage.url()).pathname).toBe('/queue');
    // The queue on screen took the new ticket in when the bell rang.
    await deptPage.locator('[data-testid=queue] tr', { hasText: number }).waitFor({ timeout: 15_000 });
    expect(await deptPage.evaluate('window.__sameDocument')).toBe(true);

    const liveCount = await eventually(
      async () => (await figure(board, 'received')) === receivedBefore + 1,
      30_000,
      250,
    );
    expect(liveCount).toBe(true);
    expect(await board.evaluate('window.__sameDocument')).toBe(true);
    await screenshot(board, '22-dashboard-live');
    await committeeContext.close();

    await bell.click();
    const item = deptPage.locator(`[data-testid=notification][data-ticket="${ticketId}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-read')).toBe('false');
    expect(await item.innerText()).toContain('新诉求待签收');
    await screenshot(deptPage, '21-notification-bell');

    await item.click();
    await deptPage.waitForURL(`**/tickets/${ticketId}`);
    await deptPage.locator('[data-testid=ticket-page]').waitFor();
    const unreadOf = async () => Number(await bell.getAttribute('data-unread'));
    expect(await eventually(async () => (await unreadOf()) === risen - 1, 10_000, 100)).toBe(true);
    await bell.click();
    await deptPage.locator(`[data-testid=notification][data-ticket="${ticketId}"][data-read=true]`).waitFor();
    await deptPage.keyboard.press('Escape');
    await logout(deptPage);

    // The enterprise has been told of each step of its first ticket (签收, 办结, 答复): all read at once.
    await login(deptPage, server.url, 'enterprise');
    await bell.waitFor();
    expect(await eventually(async () => (await unreadOf()) >= 2, 10_000, 100)).toBe(true);
    await bell.click();
    await deptPage.locator('[data-testid=notification][data-read=false]').first().waitFor();
    await deptPage.locator('[data-testid=notifications-read-all]').click();
    expect(await eventually(async () => (await unreadOf()) === 0, 10_000, 100)).toBe(true);
    expect(await deptPage.locator('[data-testid=notification][data-read=false]').count()).toBe(0);
    expect(
      await deptPage.locator('[data-testid=notification][data-read=true]').count(),
    ).toBeGreaterThanOrEqual(2);
    await deptPage.keyboard.press('Escape');
    await logout(deptPage);
    await deptPage.close();
  });

  it('keeps each role out of the other roles’ pages, in the browser and at the API', async () => {
    const page = await desktop.newPage();
    await login(page, server.url, ROUTED_DEPARTMENT_USER);
    for (const path of [
      '/dashboard',
      '/desk',
      '/whistle',
      '/my-file',
      '/enterprises/any/file',
      '/admin/users',
    ]) {
      await page.goto(`${server.url}${path}`);
      await page.getByText('无权访问此页面').waitFor();
    }
    await screenshot(page, '16-forbidden-for-department');
    const token = await page.evaluate<string>(
      `JSON.parse(localStorage.getItem('cs.session') || '{}').accessToken`,
    );
    const rules = await fetch(`${server.url}/api/v1/dispatch/rules`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(rules.status).toBe(403);
    await logout(page);

    await login(page, server.url, 'enterprise');
    for (const path of ['/queue', '/my-figures', '/dashboard', '/rules']) {
      await page.goto(`${server.url}${path}`);
      await page.getByText('无权访问此页面').waitFor();
    }
    // Not even the menu offers them.
    expect(await page.getByRole('menuitem', { name: '数据看板' }).count()).toBe(0);
    await logout(page);
    await page.close();
  });

  it('gives the admin the directory pages, and English on request', async () => {
    const page = await desktop.newPage();
    await login(page, server.url, 'admin');
    await page.locator('[data-testid=admin-users] .ant-table-row').first().waitFor();
    await screenshot(page, '17-admin-users');
    await page.goto(`${server.url}/admin/enterprises`);
    await page.locator('[data-testid=admin-enterprises] .ant-table-row').first().waitFor();
    await screenshot(page, '18-admin-enterprises');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Enterprises', { exact: true }).first().waitFor();
    await screenshot(page, '19-admin-enterprises-english');
    await page.getByRole('button', { name: '中文' }).click();
    await logout(page);
    await page.close();
  });

  it('after logging in, leads on to a link opened without a session, but never to another user’s page', async () => {
    const page = await desktop.newPage();
    await page.goto(`${server.url}/login`);
    await page.evaluate('localStorage.removeItem("cs.session")');
    // A link from a notification, opened in a browser without a session.
    await page.goto(`${server.url}${ticketUrl}`);
    await page.waitForURL('**/login');
    await submitLogin(page, 'enterprise');
    expect(new URL(page.url()).pathname).toBe(ticketUrl);
    await page.locator('[data-testid=ticket-page]').waitFor();

    // Logged out of that page on a slow network: whoever logs in next starts at their own home page,
    // even before the server has answered the logout.
    let lateLogout: Promise<void> = Promise.resolve();
    await page.route('**/api/v1/identity/auth/logout', (route) => {
      lateLogout = new Promise((r) => setTimeout(r, 3_000)).then(() => route.continue());
      return lateLogout;
    });
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/login');
    await submitLogin(page, LABOUR_DEPARTMENT_USER);
    expect(new URL(page.url()).pathname).toBe('/queue');
    // The server has the late logout before the page moves on (a reload would cancel it).
    await lateLogout;
    await page.unroute('**/api/v1/identity/auth/logout');

    // Logged out while a request is still on its way (the bell's count, held here): the request is
    // dropped with the session, not answered with a 401 once the server has revoked the session.
    // Only the reloaded page's requests are held: the one before may still be asking as it goes.
    const count = '**/api/v1/notify/notifications/unread-count';
    const held: Route[] = [];
    let reloaded = false;
    const onNavigated = (frame: Frame) => {
      if (frame === page.mainFrame()) reloaded = true;
    };
    page.on('framenavigated', onNavigated);
    await page.route(count, (route) =>
      reloaded ? void held.push(route) : route.continue().catch(() => undefined),
    );
    await page.reload();
    await eventually(() => held.length > 0, 15_000);
    page.off('framenavigated', onNavigated);
    expect(held.length).toBeGreaterThan(0);
    const request = held[0].request();
    const dropped = page.waitForEvent('requestfailed', { predicate: (r) => r === request, timeout: 15_000 });
    await logout(page);
    expect((await dropped).failure()?.errorText).toMatch(/ERR_ABORTED|cancel/i);
    await Promise.all(held.map((r) => r.continue().catch(() => undefined)));
    await page.unroute(count);
    await page.close();

    // A session that ran out (its tokens no longer accepted) returns its own user to the page, and
    // nobody else. Its 401s are the point here, so this profile's console is not watched.
    const expired = await newProfile(browser, []);
    const tab = await expired.newPage();
    const runOut = async () => {
      await tab.evaluate(`(() => {
        const s = JSON.parse(localStorage.getItem('cs.session'));
        localStorage.setItem('cs.session', JSON.stringify({ ...s, accessToken: 'x.y.z', refreshToken: 'revoked' }));
      })()`);
      await tab.goto(`${server.url}${ticketUrl}`);
      await tab.waitForURL('**/login');
    };
    await login(tab, server.url, 'enterprise');
    await runOut();
    await submitLogin(tab, 'enterprise');
    expect(new URL(tab.url()).pathname).toBe(ticketUrl);
    await tab.locator('[data-testid=ticket-page]').waitFor();
    await runOut();
    await submitLogin(tab, LABOUR_DEPARTMENT_USER);
    expect(new URL(tab.url()).pathname).toBe('/queue');
    await expired.close();
  });

  it('logged nothing to the browser console', () => {
    expect(consoleProblems).toEqual([]);
  });
});
