import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { ComponentType, Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { SessionProvider } from './auth/session';
import { I18nProvider, useI18n } from './i18n/i18n';
import { HomeRedirect, RequireLogin, RequireRole } from './layout/guards';
import { FILE_READERS, rolesFor, VISIT_READERS } from './layout/routes';
import { Pages } from './layout/pages';
import { DirectoryProvider } from './shared/directory';
import { COMMITTEE_PAGES } from './pages/meeting/committee-routes';
import { PUBLIC_PAGES, RegistrationsPage } from './pages/registration/registration-routes';
import { THEME } from './theme';

const guarded: [string, ComponentType][] = [
  ['/my-tasks', Pages.MyTasks],
  ['/visits/new', Pages.RecordVisit],
  ['/work-log', Pages.WorkLog],
  ['/my-score', Pages.MyScore],
  ['/needs', Pages.Needs],
  ['/task-lists', Pages.TaskLists],
  ['/plan-vs-done', Pages.PlanVsDone],
  ['/instructor-ranking', Pages.InstructorRanking],
  ['/liaisons', Pages.Liaisons],
  ['/whistle', Pages.Whistle],
  ['/my-tickets', Pages.MyTickets],
  ['/my-file', Pages.EnterpriseFile],
  ['/grid-tickets', Pages.GridTickets],
  ['/queue', Pages.Queue],
  ['/my-figures', Pages.Figures],
  ['/dashboard', Pages.Dashboard],
  ['/desk', Pages.Desk],
  ['/tickets', Pages.AllTickets],
  ['/rules', Pages.Rules],
  ['/sla', Pages.Sla],
  ['/ledger', Pages.Ledger],
  ['/exports', Pages.Exports],
  ['/subscriptions', Pages.Subscriptions],
  ['/admin/users', Pages.Users],
  ['/admin/enterprises', Pages.Enterprises],
  ['/admin/departments', Pages.Departments],
  ['/admin/grids', Pages.Grids],
  ['/registrations', RegistrationsPage],
];

/** While a page's code arrives (once per page and visit). */
export function PageLoading() {
  return (
    <div role="status" style={{ padding: 48, textAlign: 'center' }}>
      <Spin />
    </div>
  );
}

function Localized() {
  const { locale } = useI18n();
  useEffect(() => {
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
    document.documentElement.lang = locale;
    document.title = locale === 'en' ? 'Whistle & Report' : '吹哨报到';
  }, [locale]);
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} button={{ autoInsertSpace: false }} theme={THEME}>
      {/* The router outside antd's App: the dialogs App.useApp() opens render beside the pages, and a
          link inside one (a duplicate's number, a refused ticket of a bulk action) needs the router. */}
      <BrowserRouter>
        <AntApp>
          <SessionProvider>
            <DirectoryProvider>
              <Suspense fallback={<PageLoading />}>
                <Routes>
                  <Route path="/login" element={<Pages.Login />} />
                  {PUBLIC_PAGES.map(({ path, Page }) => (
                    <Route key={path} path={path} element={<Page />} />
                  ))}
                  <Route
                    element={
                      <RequireLogin>
                        <Pages.Layout />
                      </RequireLogin>
                    }
                  >
                    <Route index element={<HomeRedirect />} />
                    {guarded.map(([path, Page]) => (
                      <Route
                        key={path}
                        path={path}
                        element={
                          <RequireRole roles={rolesFor(path)}>
                            <Page />
                          </RequireRole>
                        }
                      />
                    ))}
                    {COMMITTEE_PAGES.map(({ path, roles, Page }) => (
                      <Route
                        key={path}
                        path={path}
                        element={
                          <RequireRole roles={roles}>
                            <Page />
                          </RequireRole>
                        }
                      />
                    ))}
                    <Route path="/tickets/:id" element={<Pages.Ticket />} />
                    <Route
                      path="/visits/:id"
                      element={
                        <RequireRole roles={VISIT_READERS}>
                          <Pages.Visit />
                        </RequireRole>
                      }
                    />
                    <Route path="/change-password" element={<Pages.ChangePassword />} />
                    <Route
                      path="/enterprises/:id/file"
                      element={
                        <RequireRole roles={FILE_READERS}>
                          <Pages.EnterpriseFile />
                        </RequireRole>
                      }
                    />
                    <Route path="*" element={<Pages.NotFound />} />
                  </Route>
                </Routes>
              </Suspense>
            </DirectoryProvider>
          </SessionProvider>
        </AntApp>
      </BrowserRouter>
    </ConfigProvider>
  );
}

export function Root() {
  return (
    <I18nProvider>
      <Localized />
    </I18nProvider>
  );
}
