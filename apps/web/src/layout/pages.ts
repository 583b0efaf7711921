import { ComponentType, lazy, LazyExoticComponent } from 'react';

/**
 * Every page is its own chunk, loaded when its route is first opened: the login page does not carry
 * the dashboard's charts, nor the admin's forms.
 */
const page = <M>(load: () => Promise<M>, pick: (m: M) => ComponentType): LazyExoticComponent<ComponentType> =>
  lazy(() => load().then((m) => ({ default: pick(m) })));

export const Pages = {
  Login: page(
    () => import('../pages/login-page'),
    (m) => m.LoginPage,
  ),
  Layout: page(
    () => import('./app-layout'),
    (m) => m.AppLayout,
  ),
  Whistle: page(
    () => import('../pages/enterprise/whistle-page'),
    (m) => m.WhistlePage,
  ),
  MyTickets: page(
    () => import('../pages/enterprise/my-tickets-page'),
    (m) => m.MyTicketsPage,
  ),
  EnterpriseFile: page(
    () => import('../pages/enterprise/enterprise-file-page'),
    (m) => m.EnterpriseFilePage,
  ),
  GridTickets: page(
    () => import('../pages/instructor/grid-tickets-page'),
    (m) => m.GridTicketsPage,
  ),
  Queue: page(
    () => import('../pages/department/queue-page'),
    (m) => m.QueuePage,
  ),
  Figures: page(
    () => import('../pages/department/figures-page'),
    (m) => m.FiguresPage,
  ),
  Dashboard: page(
    () => import('../pages/committee/dashboard-page'),
    (m) => m.DashboardPage,
  ),
  Desk: page(
    () => import('../pages/committee/dispatch-desk-page'),
    (m) => m.DispatchDeskPage,
  ),
  AllTickets: page(
    () => import('../pages/committee/all-tickets-page'),
    (m) => m.AllTicketsPage,
  ),
  Rules: page(
    () => import('../pages/committee/rules-page'),
    (m) => m.RulesPage,
  ),
  Sla: page(
    () => import('../pages/committee/sla-page'),
    (m) => m.SlaPage,
  ),
  Ledger: page(
    () => import('../pages/committee/ledger-page'),
    (m) => m.LedgerPage,
  ),
  Exports: page(
    () => import('../pages/committee/exports-page'),
    (m) => m.ExportsPage,
  ),
  Subscriptions: page(
    () => import('../pages/committee/subscriptions-page'),
    (m) => m.SubscriptionsPage,
  ),
  Users: page(
    () => import('../pages/admin/users-page'),
    (m) => m.AdminUsersPage,
  ),
  Enterprises: page(
    () => import('../pages/admin/enterprises-page'),
    (m) => m.AdminEnterprisesPage,
  ),
  Departments: page(
    () => import('../pages/admin/departments-page'),
    (m) => m.AdminDepartmentsPage,
  ),
  Grids: page(
    () => import('../pages/admin/grids-page'),
    (m) => m.AdminGridsPage,
  ),
  MyTasks: page(
    () => import('../pages/instructor/my-tasks-page'),
    (m) => m.MyTasksPage,
  ),
  RecordVisit: page(
    () => import('../pages/instructor/visit-form-page'),
    (m) => m.VisitFormPage,
  ),
  WorkLog: page(
    () => import('../pages/instructor/work-log-page'),
    (m) => m.WorkLogPage,
  ),
  MyScore: page(
    () => import('../pages/instructor/my-score-page'),
    (m) => m.MyScorePage,
  ),
  Needs: page(
    () => import('../pages/outreach/needs-page'),
    (m) => m.NeedsPage,
  ),
  Visit: page(
    () => import('../pages/outreach/visit-page'),
    (m) => m.VisitPage,
  ),
  TaskLists: page(
    () => import('../pages/committee/task-lists-page'),
    (m) => m.TaskListsPage,
  ),
  PlanVsDone: page(
    () => import('../pages/committee/plan-vs-done-page'),
    (m) => m.PlanVsDonePage,
  ),
  InstructorRanking: page(
    () => import('../pages/committee/instructor-ranking-page'),
    (m) => m.InstructorRankingPage,
  ),
  Liaisons: page(
    () => import('../pages/committee/liaisons-page'),
    (m) => m.LiaisonsPage,
  ),
  Ticket: page(
    () => import('../pages/ticket/ticket-page'),
    (m) => m.TicketPage,
  ),
  ChangePassword: page(
    () => import('../pages/change-password-page'),
    (m) => m.ChangePasswordPage,
  ),
  NotFound: page(
    () => import('../pages/not-found-page'),
    (m) => m.NotFoundPage,
  ),
};
