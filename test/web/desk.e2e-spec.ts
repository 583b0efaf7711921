/**
 * The committee's dispatch desk (调度台) as its users meet it, in a real Chromium against the real
 * standalone process:
 *  - triage: an enterprise's ticket that no rule routes waits in the desk's triage tab; the
 *    committee names a lead and a co-handler with a note, and the lead finds it in its queue;
 *  - transfer (退单/转办): a department asks to hand a ticket on; the committee approves one
 *    request (the new lead has it, the first department no longer does) and rejects another (the
 *    department keeps it);
 *  - extension (延期): the lead acknowledges, asks for more time, the committee approves from the
 *    desk and the ticket page shows the later deadline;
 *  - supervision (督办): the committee supervises a ticket and its department sees it on the ticket.
 * Each form is first sent empty or wrong: the message stands under the control and nothing is
 * decided (no request leaves the browser, and the API still says what it said before).
 * Screenshots of the tabs and dialogs go to docs/screenshots/30-… to 39-….
 */
import { BrowserContext, Locator, Page, Request } from 'playwright-core';
import { DEFAULT_DEPARTMENTS } from '@ticketing/contracts';
import { eventually } from '@ticketing/testing';
import {
  browserSuite,
  choose,
  chooseBySearch,
  dropdownOf,
  fillWhistle,
  login,
  logout,
  screenshot,
  Standalone,
} from './support/harness';
import { ApiAs, TicketView } from './support/api';

const dept = (code: (typeof DEFAULT_DEPARTMENTS)[number]['code']) => {
  const d = DEFAULT_DEPARTMENTS.find((x) => x.code === code)!;
  return { id: d.id, name: d.zh, user: `dept-${d.code}` };
};
// 其他 has no routing rule: the committee's triage queue. Noise and dust go to ecology, with urban management checking permits.
const ECOLOGY = dept('ecology');
const URBAN = dept('urban_mgmt');
// 法律服务 goes to 司法局 by the seeded rules; a wage dispute belongs to 人社局.
const JUSTICE = dept('justice');
const HRSS = dept('hrss');
// 市场监管 goes to 市场监管局, no co-handlers.
const MARKET = dept('market');

const TRIAGE_TITLE = '园区北门夜间渣土车扬尘噪音扰民';
const APPROVE_TITLE = '三十余名员工被拖欠工资，请求协调劳动仲裁';
const REJECT_TITLE = '注册商标被他人抢注，申请法律援助';
const EXTENSION_TITLE = '食品经营许可证变更申请逾期未办结';

describe('the committee’s dispatch desk in a browser', () => {
  let server: Standalone;
  let desktop: BrowserContext;
  const consoleProblems: string[] = [];
  let api: ApiAs;

  browserSuite(consoleProblems, (s) => {
    ({ server, desktop } = s);
    api = new ApiAs(server.url);
  });

  // ---- the API, only to set up what is not under test and to check what the UI cannot show ----

  async function pendingTransfers(): Promise<{ id: string; ticketId: string }[]> {
    return (
      await api.get<{ items: { id: string; ticketId: string }[] }>(
        'committee',
        '/api/v1/dispatch/transfers?status=pending&limit=100',
      )
    ).items;
  }

  // ---- the browser ----

  /** Records every POST the page sends, to show that a refused form sent nothing. */
  function postsOf(page: Page): { urls: string[]; stop: () => void } {
    const urls: string[] = [];
    const on = (r: Request) => {
      if (r.method() === 'POST' && r.url().includes('/api/')) urls.push(new URL(r.url()).pathname);
    };
    page.on('request', on);
    return { urls, stop: () => page.off('request', on) };
  }

  /** The message under one control of a form, found by the control's label. */
  const explain = (scope: Locator, label: string) =>
    scope
      .locator('.ant-form-item')
      .filter({ has: scope.page().locator(`label[title="${label}"]`) })
      .locator('.ant-form-item-explain-error');

  async function messagesUnder(scope: Locator, expected: Record<string, string>): Promise<void> {
    for (const [label, message] of Object.entries(expected)) {
      await explain(scope, label).filter({ hasText: message }).waitFor();
    }
  }

  async function openDesk(page: Page): Promise<Locator> {
    await page.getByRole('menuitem', { name: '调度台' }).click();
    await page.waitForURL('**/desk');
    const desk = page.locator('[data-testid=desk]');
    await desk.waitFor();
    return desk;
  }

  /** The row of a tab of the desk, refreshing (as a person would) until the event has reached the desk. */
  async function deskRow(page: Page, tab: string, text: string): Promise<Locator> {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    const panel = page.getByRole('tabpanel');
    const row = panel.locator('tr.ant-table-row', { hasText: text });
    const found = await eventually(
      async () => {
        if (await row.count()) return true;
        await page.getByTestId('desk-refresh').click();
        await page.locator('[data-testid=desk-refresh].ant-btn-loading').waitFor({ state: 'detached' });
        return (await row.count()) > 0;
      },
      30_000,
      300,
    );
    if (!found) throw new Error(`the desk's ${tab} tab never listed ${text}`);
    return row;
  }

  /** The department's own queue, loaded afresh; a row for `present` proves the list is there before absence is trusted. */
  async function queueRow(page: Page, number: string): Promise<Locator> {
    if (new URL(page.url()).pathname !== '/queue') await page.goto(`${server.url}/queue`);
    const row = page.locator('[data-testid=queue] tr.ant-table-row', { hasText: number });
    const found = await eventually(
      async () => {
        if (await row.count()) return true;
        await page.getByRole('button', { name: '刷新' }).click();
        await page.locator('[data-testid=queue] .ant-spin-spinning').waitFor({ state: 'detached' });
        return (await row.count()) > 0;
      },
      30_000,
      300,
    );
    if (!found) throw new Error(`${number} never showed in the queue`);
    return row;
  }

  async function openTicket(page: Page, id: string, status?: string): Promise<Locator> {
    await page.goto(`${server.url}/tickets/${id}`);
    const ticket = page.locator(`[data-testid=ticket-page]${status ? `[data-status=${status}]` : ''}`);
    await ticket.waitFor();
    return ticket;
  }

  /** What a searchable Select offers for a search: the titles, or [] once it says it has nothing. */
  async function offered(page: Page, field: Locator, search: string): Promise<string[]> {
    await field.click();
    await field.fill(search);
    const open = await dropdownOf(page, field);
    const options = open.locator('.ant-select-item-option');
    // Wait for the list to have been filtered: every option shown holds the search, or none is left.
    const titles = await eventually(
      async () => {
        const now = await options.evaluateAll((els) => els.map((e) => e.getAttribute('title') ?? ''));
        if (now.length === 0) return (await open.locator('.ant-empty').count()) > 0 ? now : null;
        return now.every((n) => n.includes(search)) ? now : null;
      },
      10_000,
      100,
    );
    await field.fill('');
    await page.keyboard.press('Escape');
    if (!titles) throw new Error(`the list never settled on "${search}"`);
    return titles;
  }

  const dialog = (page: Page, title: string) => page.getByRole('dialog').filter({ hasText: title });

  const timelineStep = (page: Page, action: string) =>
    page.locator(`[data-testid=timeline-step][data-step=${action}]`);

  // ---------------------------------------------------------------------------------------------

  let triageId = '';
  let triageNumber = '';

  it('sends a ticket no rule routes to the desk’s triage tab, where the committee names its departments', async () => {
    const page = await desktop.newPage();
    await login(page, server.url, 'enterprise');
    await page.getByRole('menuitem', { name: '我要吹哨' }).click();
    await page.waitForURL('**/whistle');
    await fillWhistle(page, {
      category: '其他',
      title: TRIAGE_TITLE,
      description: '每晚 22 时后有渣土车经北门进出工地，扬尘大、鸣笛声响，影响员工宿舍休息，已持续两周。',
      contact: '王建国',
      phone: '13885810231',
    });
    await page.getByRole('button', { name: '提交诉求' }).click();
    await page.waitForURL(/\/tickets\/[0-9a-f-]{36}$/);
    triageId = new URL(page.url()).pathname.split('/').pop()!;
    triageNumber = (await page.locator('[data-testid=ticket-page] h1').innerText()).split(' · ')[0];
    expect(triageNumber).toMatch(/^CS-\d{4}-\d{6}$/);
    // No rule takes 其他: dispatch puts it in the triage queue, and the enterprise sees that.
    await api.settled(triageId, (t) => t.status === 'triage');
    await page.reload();
    await page.locator('[data-testid=ticket-page][data-status=triage]').waitFor();
    expect(await timelineStep(page, 'queueTriage').innerText()).toContain('没有适用的分派规则，转人工分派');
    // The desk's own clock is on the ticket, for the enterprise to see how long routing may take,
    // said as a promise in its words (the clocks themselves are the staff's).
    const promise = page.getByTestId('promise-date');
    const shown = await eventually(
      async () => {
        if (await promise.count()) return true;
        await page.reload();
        await page.locator('[data-testid=ticket-page]').waitFor();
        return false;
      },
      15_000,
      500,
    );
    expect(shown).toBe(true);
    expect(await promise.innerText()).toMatch(/^综合党委将于 \d+月\d+日前分派给负责的部门$/);
    await logout(page);

    await login(page, server.url, 'committee');
    await openDesk(page);
    const row = await deskRow(page, '待人工分派', triageNumber);
    expect(await row.innerText()).toContain(TRIAGE_TITLE);
    expect(await row.innerText()).toContain('没有适用「其他」的规则');
    // How long it has waited for the desk, and the desk's own clock on it (2 working hours).
    expect(await row.getByTestId('waited').innerText()).toMatch(/^已等待 \d+分钟$/);
    const clocks = await eventually(
      async () => {
        const { timers } = await api.get<{
          timers: { kind: string; departmentId: string | null; state: string }[];
        }>('committee', `/api/v1/sla/tickets/${triageId}/timers`);
        return timers.length ? timers.map((c) => [c.kind, c.departmentId, c.state]) : null;
      },
      15_000,
      200,
    );
    expect(clocks).toEqual([['triage', null, 'running']]);
    await screenshot(page, '30-desk-triage');

    // Sent empty: both messages under their controls, and no request leaves the browser.
    await row.getByRole('button', { name: '分派' }).click();
    const assign = dialog(page, `分派 ${triageNumber}`);
    await assign.waitFor();
    expect(await assign.innerText()).toContain(TRIAGE_TITLE);
    const posts = postsOf(page);
    await assign.getByRole('button', { name: '提交' }).click();
    await messagesUnder(assign, { 牵头部门: '请选择牵头部门', 说明: '请填写说明' });
    // A note of blanks is no note.
    await assign.getByLabel('说明').fill('   ');
    await assign.getByRole('button', { name: '提交' }).click();
    await messagesUnder(assign, { 说明: '请填写说明' });
    await screenshot(page, '31-desk-assign-errors');
    posts.stop();
    expect(posts.urls).toEqual([]);
    expect((await api.ticket('committee', triageId)).status).toBe('triage');

    await chooseBySearch(page, assign.getByLabel('牵头部门'), ECOLOGY.name);
    // The lead is not offered as its own co-handler.
    expect(await offered(page, assign.getByLabel('协办部门'), ECOLOGY.name)).toEqual([]);
    await chooseBySearch(page, assign.getByLabel('协办部门'), URBAN.name);
    await page.keyboard.press('Escape');
    await assign
      .getByLabel('说明')
      .fill('夜间施工扬尘噪音属环境执法范围，由生态环境局牵头；城管局协助核查渣土车运输许可。');
    await explain(assign, '说明').waitFor({ state: 'detached' });
    await screenshot(page, '32-desk-assign-dialog');
    await assign.getByRole('button', { name: '提交' }).click();
    await assign.waitFor({ state: 'hidden' });
    await page.getByRole('tabpanel').locator('tr.ant-table-row', { hasText: triageNumber }).waitFor({
      state: 'detached',
    });

    const assigned = await api.settled(triageId, (t) => t.status === 'assigned');
    expect(assigned.leadDepartment?.id).toBe(ECOLOGY.id);
    expect(assigned.parts.filter((p) => p.role === 'co_handler').map((p) => p.department.id)).toEqual([
      URBAN.id,
    ]);
    await logout(page);

    // The lead finds it waiting to be signed for, with the committee's note on the ticket.
    await login(page, server.url, ECOLOGY.user);
    const mine = await queueRow(page, triageNumber);
    expect(await mine.innerText()).toContain('待签收');
    expect(await mine.innerText()).toContain('牵头');
    await mine.getByRole('link', { name: triageNumber }).click();
    await page.locator('[data-testid=ticket-page][data-status=assigned]').waitFor();
    expect(await timelineStep(page, 'assign').last().innerText()).toContain('由生态环境局牵头');
    await page.locator('[data-action=acknowledge]').waitFor();
    await logout(page);

    // …and the co-handler finds it as 协办.
    await login(page, server.url, URBAN.user);
    expect(await (await queueRow(page, triageNumber)).innerText()).toContain('协办');
    await logout(page);
    await page.close();
  });

  let approveTicket: TicketView;
  let rejectTicket: TicketView;

  it('lets a department ask for a transfer with a reason, and only with one', async () => {
    approveTicket = await api.submitted(
      APPROVE_TITLE,
      'legal',
      '公司外包施工队负责人失联，三十余名工人工资被拖欠两个月，工人多次到厂区讨要，请协调处理。',
    );
    rejectTicket = await api.submitted(
      REJECT_TITLE,
      'legal',
      '我公司主打产品商标在申请过程中被外地公司抢先注册，希望获得法律援助，提出异议。',
    );
    expect(approveTicket.leadDepartment?.id).toBe(JUSTICE.id);
    expect(rejectTicket.leadDepartment?.id).toBe(JUSTICE.id);

    const page = await desktop.newPage();
    await login(page, server.url, JUSTICE.user);
    await (await queueRow(page, rejectTicket.number)).waitFor();
    await (
      await queueRow(page, approveTicket.number)
    )
      .getByRole('link', { name: approveTicket.number })
      .click();
    await page.locator('[data-testid=ticket-page][data-status=assigned]').waitFor();
    expect(await timelineStep(page, 'assign').innerText()).toContain(
      '按分派规则「法律服务 → 司法局」自动分派',
    );

    await page.locator('[data-action=requestTransfer]').click();
    const request = dialog(page, `申请转办 · ${approveTicket.number}`);
    await request.waitFor();
    const posts = postsOf(page);
    await request.getByRole('button', { name: '提交' }).click();
    await messagesUnder(request, { 理由: '请填写理由' });
    await request.getByLabel('理由').fill('  \n ');
    await request.getByRole('button', { name: '提交' }).click();
    await messagesUnder(request, { 理由: '请填写理由' });
    await screenshot(page, '33-ticket-transfer-request-errors');
    posts.stop();
    expect(posts.urls).toEqual([]);
    expect((await api.ticket(JUSTICE.user, approveTicket.id)).status).toBe('assigned');

    await request
      .getByLabel('理由')
      .fill('该诉求为劳动报酬争议，属人社局劳动保障监察职责，建议转人社局牵头办理。');
    await request.getByRole('button', { name: '提交' }).click();
    await page.locator('[data-testid=ticket-page][data-status=transfer_requested]').waitFor();
    expect(await timelineStep(page, 'requestTransfer').innerText()).toContain('劳动保障监察');

    await openTicket(page, rejectTicket.id, 'assigned');
    await page.locator('[data-action=requestTransfer]').click();
    const second = dialog(page, `申请转办 · ${rejectTicket.number}`);
    await second.getByLabel('理由').fill('商标异议应向国家知识产权局提出，不属我局职责，建议退回。');
    await second.getByRole('button', { name: '提交' }).click();
    await page.locator('[data-testid=ticket-page][data-status=transfer_requested]').waitFor();
    await logout(page);
    await page.close();
  });

  it('lets the committee approve a transfer to another department, which then has the ticket', async () => {
    const page = await desktop.newPage();
    await login(page, server.url, 'committee');
    await openDesk(page);
    const row = await deskRow(page, '转办申请', approveTicket.number);
    await deskRow(page, '转办申请', rejectTicket.number);
    expect(await row.innerText()).toContain(JUSTICE.name);
    expect(await row.innerText()).toContain('劳动报酬争议');
    await screenshot(page, '34-desk-transfers');

    await row.getByRole('button', { name: '裁决' }).click();
    const decide = dialog(page, `裁决 ${approveTicket.number}`);
    await decide.waitFor();
    expect(await decide.getByTestId('transfer-reason').innerText()).toContain(
      `${JUSTICE.name}申请转办，理由：该诉求为劳动报酬争议`,
    );
    const posts = postsOf(page);
    await decide.getByRole('button', { name: '提交' }).click();
    await messagesUnder(decide, { 裁决结果: '请选择裁决结果', 说明: '请填写说明' });
    // Approving asks for the new lead.
    await decide.getByText('同意转办', { exact: true }).click();
    await decide.getByLabel('说明').fill('经核，属劳动报酬争议，同意转人社局牵头办理。');
    await decide.getByRole('button', { name: '提交' }).click();
    await messagesUnder(decide, { 新牵头部门: '请选择新牵头部门' });
    // The department that asked is not offered as the new lead.
    expect(await offered(page, decide.getByLabel('新牵头部门'), JUSTICE.name)).toEqual([]);
    expect(await offered(page, decide.getByLabel('新牵头部门'), HRSS.name)).toEqual([HRSS.name]);
    await screenshot(page, '35-desk-transfer-decision-errors');
    posts.stop();
    expect(posts.urls).toEqual([]);
    expect((await pendingTransfers()).map((r) => r.ticketId)).toEqual(
      expect.arrayContaining([approveTicket.id, rejectTicket.id]),
    );

    await chooseBySearch(page, decide.getByLabel('新牵头部门'), HRSS.name);
    await screenshot(page, '35-desk-transfer-approve-dialog');
    await decide.getByRole('button', { name: '提交' }).click();
    await decide.waitFor({ state: 'hidden' });
    await page
      .getByRole('tabpanel')
      .locator('tr.ant-table-row', { hasText: approveTicket.number })
      .waitFor({ state: 'detached' });
    const moved = await api.settled(approveTicket.id, (t) => t.status === 'assigned');
    expect(moved.leadDepartment?.id).toBe(HRSS.id);
    await logout(page);

    // The new lead has it to sign for; the department that asked no longer sees it at all.
    await login(page, server.url, HRSS.user);
    const theirs = await queueRow(page, approveTicket.number);
    expect(await theirs.innerText()).toContain('待签收');
    await theirs.getByRole('link', { name: approveTicket.number }).click();
    await page.locator('[data-testid=ticket-page][data-status=assigned]').waitFor();
    expect(await timelineStep(page, 'approveTransfer').innerText()).toContain('同意转人社局牵头办理');
    await page.locator('[data-action=acknowledge]').waitFor();
    await logout(page);

    await login(page, server.url, JUSTICE.user);
    await queueRow(page, rejectTicket.number);
    expect(
      await page.locator('[data-testid=queue] tr.ant-table-row', { hasText: approveTicket.number }).count(),
    ).toBe(0);
    // Not theirs any more: the ticket service no longer shows it to them at all.
    const gone = await api.fetch(JUSTICE.user, `/api/v1/tickets/${approveTicket.id}`);
    expect(gone.status).toBe(404);
    const logged = consoleProblems.length;
    await page.goto(`${server.url}/tickets/${approveTicket.id}`);
    await page.getByTestId('ticket-not-found').getByText('找不到这条诉求').waitFor();
    // Chromium reports the API's 404 on the console; here it is the expected answer, and nothing else may be.
    const reported = consoleProblems.splice(logged);
    expect(reported.filter((l) => !l.includes('status of 404 (Not Found)'))).toEqual([]);
    await logout(page);
    await page.close();
  });

  it('lets the committee reject a transfer, and the department keeps the ticket', async () => {
    const page = await desktop.newPage();
    await login(page, server.url, 'committee');
    await openDesk(page);
    const row = await deskRow(page, '转办申请', rejectTicket.number);
    await row.getByRole('button', { name: '裁决' }).click();
    const decide = dialog(page, `裁决 ${rejectTicket.number}`);
    await decide.waitFor();
    // Nothing typed for the previous decision carries over to this one.
    expect(await decide.getByLabel('说明').inputValue()).toBe('');
    expect(await decide.locator('.ant-form-item-explain-error').count()).toBe(0);
    await decide.getByText('驳回，由原部门继续办理', { exact: true }).click();
    expect(await decide.getByLabel('新牵头部门').count()).toBe(0);
    const posts = postsOf(page);
    await decide.getByRole('button', { name: '提交' }).click();
    await messagesUnder(decide, { 说明: '请填写说明' });
    posts.stop();
    expect(posts.urls).toEqual([]);
    await decide
      .getByLabel('说明')
      .fill('企业请求的是商标异议的法律援助，属司法局法律援助职责，请继续办理并指导企业提出异议。');
    await decide.getByRole('button', { name: '提交' }).click();
    await decide.waitFor({ state: 'hidden' });
    await page
      .getByRole('tabpanel')
      .locator('tr.ant-table-row', { hasText: rejectTicket.number })
      .waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: '转办申请 (0)' }).waitFor();
    await page.getByRole('tabpanel').getByText('没有待裁决的转办申请').waitFor();
    const kept = await api.settled(rejectTicket.id, (t) => t.status === 'assigned');
    expect(kept.leadDepartment?.id).toBe(JUSTICE.id);
    expect(await pendingTransfers()).toEqual([]);
    await logout(page);

    await login(page, server.url, JUSTICE.user);
    const still = await queueRow(page, rejectTicket.number);
    expect(await still.innerText()).toContain('待签收');
    await still.getByRole('link', { name: rejectTicket.number }).click();
    await page.locator('[data-testid=ticket-page][data-status=assigned]').waitFor();
    expect(await timelineStep(page, 'rejectTransfer').innerText()).toContain('请继续办理并指导企业提出异议');
    await page.locator('[data-action=acknowledge]').waitFor();
    await logout(page);
    await page.close();
  });

  let extensionTicket: TicketView;
  let proposedDueAt = 0;

  it('lets a department ask for more time after signing for a ticket, and the committee grant it from the desk', async () => {
    extensionTicket = await api.submitted(
      EXTENSION_TITLE,
      'market',
      '我公司于上月提交食品经营许可证变更（增加经营项目）申请，至今未获答复，影响新产品上市。',
    );
    expect(extensionTicket.leadDepartment?.id).toBe(MARKET.id);

    const page = await desktop.newPage();
    await login(page, server.url, MARKET.user);
    await (
      await queueRow(page, extensionTicket.number)
    )
      .getByRole('link', { name: extensionTicket.number })
      .click();
    await page.locator('[data-testid=ticket-page][data-status=assigned]').waitFor();
    await page.locator('[data-action=acknowledge]').click();
    await dialog(page, `签收 · ${extensionTicket.number}`).getByRole('button', { name: '提交' }).click();
    await page.locator('[data-testid=ticket-page][data-status=in_progress]').waitFor();
    // The resolution clock starts on signing for; the page shows when it runs out.
    const running = await api.settled(extensionTicket.id, (t) => !!t.deadlines.resolve);
    const resolveDue = Date.parse(running.deadlines.resolve!);
    const shown = page.locator('[data-testid=deadline-resolve]');
    await eventually(
      async () => {
        if ((await shown.count()) && Date.parse((await shown.getAttribute('data-due'))!) === resolveDue)
          return true;
        await page.reload();
        await page.locator('[data-testid=ticket-page]').waitFor();
        return false;
      },
      30_000,
      300,
    );
    expect(await shown.innerText()).toContain(`截止 ${when(resolveDue)}`);

    await page.locator('[data-action=requestExtension]').click();
    const ask = dialog(page, `申请延期 · ${extensionTicket.number}`);
    await ask.waitFor();
    expect(await ask.getByTestId('action-context').innerText()).toContain(when(resolveDue));
    const posts = postsOf(page);
    await ask.getByRole('button', { name: '提交' }).click();
    await messagesUnder(ask, { 理由: '请填写理由', 延长工作日数: '请填写延长工作日数' });
    await ask.getByLabel('理由').fill(' \n ');
    await ask.getByRole('button', { name: '提交' }).click();
    await messagesUnder(ask, { 理由: '请填写理由', 延长工作日数: '请填写延长工作日数' });
    await screenshot(page, '36-ticket-extension-request-errors');
    posts.stop();
    expect(posts.urls).toEqual([]);
    expect((await api.ticket(MARKET.user, extensionTicket.id)).pendingExtension).toBeNull();

    // Five more working days, counted on the calendar the ticket's clock runs on (weekends and holidays skipped).
    const { timers } = await api.get<{ timers: { kind: string; state: string; calendarId: string }[] }>(
      MARKET.user,
      `/api/v1/sla/tickets/${extensionTicket.id}/timers`,
    );
    const calendarId = timers.find((x) => x.kind === 'resolve' && x.state === 'running')!.calendarId;
    const { dueAt } = await api.get<{ dueAt: string }>(
      MARKET.user,
      `/api/v1/sla/calendars/${calendarId}/deadline?from=${running.deadlines.resolve}&workingDays=5`,
    );
    proposedDueAt = Date.parse(dueAt);
    expect(proposedDueAt).toBeGreaterThanOrEqual(resolveDue + 5 * 24 * 3600_000);
    await ask.getByLabel('理由').fill('需等待省局对新增经营项目的现场核查结果，预计还需一周。');
    await ask.getByLabel('延长工作日数').fill('5');
    await ask
      .getByTestId('extend-preview')
      .filter({ hasText: `延至 ${when(proposedDueAt)}` })
      .waitFor();
    await screenshot(page, '36-ticket-extension-request');
    await ask.getByRole('button', { name: '提交' }).click();
    await ask.waitFor({ state: 'hidden' });
    await page.getByText('延期申请待审批').waitFor();
    expect(await timelineStep(page, 'requestExtension').innerText()).toContain('省局');
    const asked = await api.ticket(MARKET.user, extensionTicket.id);
    expect(Date.parse(asked.pendingExtension!.proposedDueAt)).toBe(proposedDueAt);
    await logout(page);

    await login(page, server.url, 'committee');
    await openDesk(page);
    const row = await deskRow(page, '延期申请', extensionTicket.number);
    expect(await row.innerText()).toContain(MARKET.name);
    expect(await row.innerText()).toContain(when(proposedDueAt));
    await screenshot(page, '37-desk-extensions');

    await row.locator('[data-action=decideExtension]').click();
    const decide = dialog(page, `审批延期 · ${extensionTicket.number}`);
    await decide.waitFor();
    expect(await decide.getByTestId('action-context').innerText()).toContain('省局对新增经营项目');
    const decisionPosts = postsOf(page);
    await decide.getByRole('button', { name: '提交' }).click();
    await messagesUnder(decide, { 审批结果: '请选择审批结果' });
    decisionPosts.stop();
    expect(decisionPosts.urls).toEqual([]);
    expect((await api.ticket('committee', extensionTicket.id)).pendingExtension).not.toBeNull();
    await decide.getByText('同意', { exact: true }).click();
    await decide.getByLabel('说明').fill('同意延期，请于新时限前办结并及时答复企业。');
    await screenshot(page, '37-desk-extension-decision');
    await decide.getByRole('button', { name: '提交' }).click();
    await decide.waitFor({ state: 'hidden' });
    await page
      .getByRole('tabpanel')
      .locator('tr.ant-table-row', { hasText: extensionTicket.number })
      .waitFor({ state: 'detached' });
    await logout(page);

    // The department's ticket page shows the later deadline (SLA moves the clock; the page follows).
    await login(page, server.url, MARKET.user);
    await openTicket(page, extensionTicket.id, 'in_progress');
    const moved = await eventually(
      async () => {
        const due = await shown.getAttribute('data-due');
        if (due && Date.parse(due) === proposedDueAt) return true;
        await page.reload();
        await shown.waitFor();
        return false;
      },
      30_000,
      300,
    );
    expect(moved).toBe(true);
    expect(proposedDueAt).toBeGreaterThan(resolveDue);
    expect(await shown.innerText()).toContain(`截止 ${when(proposedDueAt)}`);
    expect(await page.getByText('延期申请待审批').count()).toBe(0);
    expect(await timelineStep(page, 'decideExtension').innerText()).toContain('同意');
    await logout(page);
    await page.close();
  });

  it('lets the committee supervise a ticket from the desk, and the department sees it on the ticket', async () => {
    const page = await desktop.newPage();
    await login(page, server.url, 'committee');
    await openDesk(page);
    await page.getByRole('tab', { name: '督办' }).click();
    const list = page.locator('[data-testid=supervise]');
    const row = list.locator('tr.ant-table-row', { hasText: rejectTicket.number });
    await row.waitFor();
    await row.getByRole('link', { name: rejectTicket.number }).click();
    await page.waitForURL(`**/tickets/${rejectTicket.id}`);
    await page.locator('[data-testid=ticket-page]').waitFor();

    await page.locator('[data-action=supervise]').click();
    const supervise = dialog(page, `督办 · ${rejectTicket.number}`);
    await supervise.waitFor();
    const posts = postsOf(page);
    await supervise.getByRole('button', { name: '提交' }).click();
    await messagesUnder(supervise, { 督办级别: '请选择督办级别', 说明: '请填写说明' });
    posts.stop();
    expect(posts.urls).toEqual([]);
    expect((await api.ticket('committee', rejectTicket.id)).timeline.map((s) => s.action)).not.toContain(
      'supervise',
    );
    await choose(page, supervise.getByLabel('督办级别'), '督办');
    await supervise.getByLabel('说明').fill('转办申请已驳回，请司法局两个工作日内联系企业并报告进展。');
    await screenshot(page, '38-ticket-supervise-dialog');
    await supervise.getByRole('button', { name: '提交' }).click();
    await supervise.waitFor({ state: 'hidden' });
    await timelineStep(page, 'supervise').waitFor();
    await logout(page);

    await login(page, server.url, JUSTICE.user);
    await (
      await queueRow(page, rejectTicket.number)
    )
      .getByRole('link', { name: rejectTicket.number })
      .click();
    await page.locator('[data-testid=ticket-page]').waitFor();
    const step = timelineStep(page, 'supervise');
    await step.waitFor();
    const text = await step.innerText();
    expect(text).toContain('督办');
    expect(text).toContain('综合党委');
    expect(text).toContain('两个工作日内联系企业');
    await screenshot(page, '39-ticket-supervised-department');
    await logout(page);
    await page.close();
  });

  it('logged nothing to the browser console', () => {
    expect(consoleProblems).toEqual([]);
  });
});

/** A moment as the pages show it to a zh-CN user in Beijing: "2026/12/04 17:30". */
function when(ms: number): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(ms)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}/${p.month}/${p.day} ${p.hour}:${p.minute}`;
}
