/**
 * A ticket's life past the first answer, as its users meet it in a real Chromium against the real
 * standalone process:
 *  - 阶段性答复: the lead department replies with progress, and the enterprise reads it on its ticket;
 *  - 重办: the enterprise is not satisfied and sends the ticket back; it returns to the department's
 *    queue, is signed for again, resolved, answered and rated, and the department's own figures
 *    count the reopening;
 *  - 撤回: the enterprise withdraws a ticket before it is signed for, and the department is left
 *    with nothing to do on it.
 * Each dialog is first sent empty: its message stands under the control and nothing is sent.
 * Screenshots go to docs/screenshots/50-… to 54-….
 */
import { BrowserContext, Page } from 'playwright-core';
import { DEFAULT_DEPARTMENTS } from '@ticketing/contracts';
import { eventually } from '@ticketing/testing';
import { ApiAs } from './support/api';
import { browserSuite, login, logout, screenshot, Standalone } from './support/harness';

// 市场监管 goes to 市场监管局 by the seeded rules, with no co-handlers.
const MARKET = DEFAULT_DEPARTMENTS.find((d) => d.code === 'market')!;
const MARKET_USER = `dept-${MARKET.code}`;
const REOPEN_TITLE = '食品生产许可证延续审查迟迟未安排现场核查';
const WITHDRAW_TITLE = '包装标识咨询（已自行解决）';

describe('a ticket’s progress reply, reopening and withdrawal in a browser', () => {
  let server: Standalone;
  let desktop: BrowserContext;
  let api: ApiAs;
  const consoleProblems: string[] = [];

  browserSuite(consoleProblems, (s) => {
    ({ server, desktop } = s);
    api = new ApiAs(server.url);
  });

  const dialog = (page: Page, title: string) => page.getByRole('dialog').filter({ hasText: title });
  const timelineStep = (page: Page, action: string) =>
    page.locator(`[data-testid=timeline-step][data-step=${action}]`);

  async function openTicket(page: Page, id: string, status: string): Promise<void> {
    await page.goto(`${server.url}/tickets/${id}`);
    await page.locator(`[data-testid=ticket-page][data-status=${status}]`).waitFor();
  }

  /**
   * Opens an action's dialog, sends it empty when `required` names a control (its message must show,
   * and no request may leave), then fills it and sends it; waits for the status it leads to.
   */
  async function act(
    page: Page,
    action: string,
    title: string,
    fill: Record<string, string>,
    then: string,
    required?: string,
  ): Promise<void> {
    await page.locator(`[data-action=${action}]`).click();
    const d = dialog(page, title);
    await d.waitFor();
    if (required) {
      const posts: string[] = [];
      const onRequest = (r: { method(): string; url(): string }) => {
        if (r.method() === 'POST' && r.url().includes('/api/')) posts.push(r.url());
      };
      page.on('request', onRequest);
      await d.getByRole('button', { name: '提交' }).click();
      await d.locator('.ant-form-item-explain-error', { hasText: `请填写${required}` }).waitFor();
      page.off('request', onRequest);
      expect(posts).toEqual([]);
    }
    for (const [label, value] of Object.entries(fill)) await d.getByLabel(label).fill(value);
    await d.getByRole('button', { name: '提交' }).click();
    await page.locator(`[data-testid=ticket-page][data-status=${then}]`).waitFor();
  }

  async function resolveAndReply(page: Page, result: string, message: string): Promise<void> {
    await act(page, 'resolve', '办结', { 办理结果: result }, 'resolved');
    await page.locator('[data-action=reply]').click();
    const reply = dialog(page, '答复企业');
    await reply.getByLabel('内容').fill(message);
    await reply.getByRole('button', { name: '提交' }).click();
    await page.getByText('已答复企业').first().waitFor();
  }

  async function rate(page: Page, solved: '是' | '否', satisfaction: string, comment: string): Promise<void> {
    const form = page.locator('[data-testid=feedback-form]');
    await form.waitFor();
    await page.locator('#feedback_contacted').getByText('是', { exact: true }).click();
    await page.locator('#feedback_solved').getByText(solved, { exact: true }).click();
    await page.locator('#feedback_satisfaction').getByText(satisfaction, { exact: true }).click();
    await page.getByLabel('意见建议').fill(comment);
    await form.getByRole('button', { name: '提交' }).click();
  }

  /** The department's queue, refreshed as a person would until the row for `number` is (or is not) there. */
  async function queueHas(page: Page, number: string, wanted: boolean): Promise<string> {
    if (new URL(page.url()).pathname !== '/queue') await page.goto(`${server.url}/queue`);
    const row = page.locator('[data-testid=queue] tr.ant-table-row', { hasText: number });
    const settled = await eventually(
      async () => {
        await page.getByRole('button', { name: '刷新' }).click();
        await page.locator('[data-testid=queue] .ant-spin-spinning').waitFor({ state: 'detached' });
        // Absence counts only once the list has answered: some row, or its empty text, on screen.
        await page
          .locator('[data-testid=queue] tr.ant-table-row')
          .or(page.locator('[data-testid=queue]').getByText('队列中暂无待办诉求'))
          .first()
          .waitFor();
        return (await row.count()) > 0 === wanted;
      },
      30_000,
      300,
    );
    if (!settled) throw new Error(`${number} ${wanted ? 'never showed in' : 'never left'} the queue`);
    return wanted ? row.innerText() : '';
  }

  it('lets the department reply with progress, and an unsatisfied enterprise send the ticket back to it', async () => {
    const ticket = await api.submitted(
      REOPEN_TITLE,
      'market',
      '食品生产许可证将于下月到期，延续申请已提交二十个工作日，仍未安排现场核查，担心到期停产。',
    );
    expect(ticket.leadDepartment?.id).toBe(MARKET.id);
    const page = await desktop.newPage();

    // The department signs for it and, not finished yet, tells the enterprise where things stand.
    await login(page, server.url, MARKET_USER);
    await openTicket(page, ticket.id, 'assigned');
    await act(page, 'acknowledge', '签收', {}, 'in_progress');
    const progress = '已联系审查中心，现场核查排在下周二，核查通过后三个工作日内发证。';
    await act(page, 'interimReply', '阶段性答复', { 内容: progress }, 'in_progress', '内容');
    await timelineStep(page, 'interimReply').getByText(progress).waitFor();
    await screenshot(page, '50-ticket-interim-reply');
    await resolveAndReply(
      page,
      '已完成现场核查并出具意见，许可证延续手续已办结。',
      '您好，许可证延续已办结，可到政务服务中心领取新证。',
    );
    await logout(page);

    // The enterprise reads the progress reply, is not satisfied with the outcome, and sends it back.
    await login(page, server.url, 'enterprise');
    await openTicket(page, ticket.id, 'resolved');
    expect(await timelineStep(page, 'interimReply').innerText()).toContain(progress);
    await rate(page, '否', '不满意', '新证至今未寄到，窗口说系统里查不到办结记录。');
    await page.getByText('对结果不满意，可申请重办').waitFor();
    expect(await page.locator('[data-testid=feedback]').innerText()).toContain('不满意');
    await screenshot(page, '51-ticket-unsatisfied');
    const why = '窗口查不到办结记录，新证未领到，请核实后重新办理。';
    await act(page, 'reopen', '申请重办', { 理由: why }, 'reopened', '理由');
    await timelineStep(page, 'reopen').getByText(why).waitFor();
    // Reopened, it is the department's again: the enterprise can no longer rate or close it.
    expect(await page.locator('[data-action=close]').count()).toBe(0);
    expect(await page.locator('[data-testid=feedback-form]').count()).toBe(0);
    await logout(page);

    // Back in the department's queue, to sign for again; resolved and answered a second time.
    await login(page, server.url, MARKET_USER);
    expect(await queueHas(page, ticket.number, true)).toContain('已重办');
    await screenshot(page, '52-queue-reopened');
    await page
      .locator('[data-testid=queue] tr.ant-table-row', { hasText: ticket.number })
      .getByRole('link', { name: ticket.number })
      .click();
    await page.locator('[data-testid=ticket-page][data-status=reopened]').waitFor();
    await act(page, 'acknowledge', '签收', {}, 'in_progress');
    await resolveAndReply(
      page,
      '经核实系数据未同步，已补录办结记录并由专人将新证送达企业。',
      '您好，新证已于今日送达，办结记录已补录，给您带来不便深表歉意。',
    );
    await logout(page);

    await login(page, server.url, 'enterprise');
    await openTicket(page, ticket.id, 'resolved');
    await rate(page, '是', '基本满意', '新证已收到。');
    await page.locator('[data-testid=ticket-page][data-status=closed]').waitFor();
    const steps = await page
      .locator('[data-testid=timeline-step]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));
    expect(steps.filter((s) => s === 'resolve')).toHaveLength(2);
    expect(steps.filter((s) => s === 'giveFeedback')).toHaveLength(2);
    expect(steps).toContain('reopen');
    await logout(page);

    // The department's own figures count the reopening (重办率, from the ledger), as the ranking does.
    await login(page, server.url, MARKET_USER);
    await page.goto(`${server.url}/my-figures`);
    const card = page.locator('[data-testid=rate-reopenRate]');
    const shown = await eventually(
      async () => {
        const text = await card.innerText().catch(() => '');
        if (/1\s*\/\s*1/.test(text)) return text;
        await page.reload();
        await card.waitFor();
        return null;
      },
      30_000,
      500,
    );
    expect(shown).toContain('100.0%');
    await screenshot(page, '53-department-figures-reopen');
    await logout(page);
    await page.close();
  });

  it('lets the enterprise withdraw a ticket not yet signed for, which leaves the department’s queue', async () => {
    const ticket = await api.submitted(
      WITHDRAW_TITLE,
      'market',
      '咨询预包装食品标签是否需要标注致敏物质，现已查到国家标准，无需再办理。',
    );
    const page = await desktop.newPage();
    await login(page, server.url, MARKET_USER);
    expect(await queueHas(page, ticket.number, true)).toContain('待签收');
    await logout(page);

    await login(page, server.url, 'enterprise');
    await openTicket(page, ticket.id, 'assigned');
    await act(page, 'withdraw', '撤回', { 理由: '已自行查到标准，无需办理。' }, 'withdrawn', '理由');
    await timelineStep(page, 'withdraw').getByText('已自行查到标准').waitFor();
    expect(await page.locator('[data-testid=actions] [data-action]').count()).toBe(0);
    await screenshot(page, '54-ticket-withdrawn');
    await logout(page);

    await login(page, server.url, MARKET_USER);
    await queueHas(page, ticket.number, false);
    await openTicket(page, ticket.id, 'withdrawn');
    expect(await page.locator('[data-action=acknowledge]').count()).toBe(0);
    expect((await api.ticket('committee', ticket.id)).status).toBe('withdrawn');
    await logout(page);
    await page.close();
  });

  it('logged nothing to the browser console', () => {
    expect(consoleProblems).toEqual([]);
  });
});
