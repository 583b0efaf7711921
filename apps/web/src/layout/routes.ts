import type { Role } from '../api/types';
import type { MessageKey } from '../i18n/zh';

export interface NavItem {
  path: string;
  label: MessageKey;
  roles: Role[];
}

/** Every page and who may open it; the menu and the route guard read the same table. */
export const NAV: NavItem[] = [
  { path: '/my-tasks', label: 'nav.myTasks', roles: ['instructor'] },
  { path: '/visits/new', label: 'nav.recordVisit', roles: ['instructor'] },
  { path: '/whistle', label: 'nav.whistle', roles: ['enterprise', 'instructor'] },
  { path: '/my-tickets', label: 'nav.myTickets', roles: ['enterprise'] },
  { path: '/my-file', label: 'nav.myFile', roles: ['enterprise'] },
  { path: '/grid-tickets', label: 'nav.gridTickets', roles: ['instructor'] },
  { path: '/queue', label: 'nav.queue', roles: ['department'] },
  { path: '/my-figures', label: 'nav.myFigures', roles: ['department'] },
  { path: '/dashboard', label: 'nav.dashboard', roles: ['committee', 'admin'] },
  { path: '/desk', label: 'nav.desk', roles: ['committee'] },
  { path: '/intake', label: 'nav.intake', roles: ['committee'] },
  { path: '/tickets', label: 'nav.allTickets', roles: ['committee', 'admin'] },
  { path: '/meetings', label: 'nav.meetings', roles: ['department', 'committee', 'admin'] },
  { path: '/reviews', label: 'nav.reviews', roles: ['department', 'committee', 'admin'] },
  { path: '/bulletins', label: 'nav.bulletins', roles: ['department', 'committee', 'admin'] },
  { path: '/templates', label: 'nav.templates', roles: ['department', 'committee'] },
  { path: '/needs', label: 'nav.needs', roles: ['instructor', 'department', 'committee', 'admin'] },
  { path: '/work-log', label: 'nav.workLog', roles: ['instructor'] },
  { path: '/my-score', label: 'nav.myScore', roles: ['instructor'] },
  { path: '/task-lists', label: 'nav.taskLists', roles: ['committee', 'admin'] },
  { path: '/plan-vs-done', label: 'nav.planVsDone', roles: ['committee', 'admin'] },
  { path: '/instructor-ranking', label: 'nav.instructorRanking', roles: ['committee', 'admin'] },
  { path: '/liaisons', label: 'nav.liaisons', roles: ['committee', 'admin'] },
  { path: '/rules', label: 'nav.rules', roles: ['committee', 'admin'] },
  { path: '/sla', label: 'nav.sla', roles: ['committee', 'admin'] },
  { path: '/ledger', label: 'nav.ledger', roles: ['committee', 'admin'] },
  { path: '/exports', label: 'nav.exports', roles: ['committee', 'admin'] },
  { path: '/subscriptions', label: 'nav.subscriptions', roles: ['committee', 'admin'] },
  { path: '/registrations', label: 'nav.registrations', roles: ['committee', 'admin'] },
  { path: '/admin/users', label: 'nav.users', roles: ['admin'] },
  { path: '/admin/enterprises', label: 'nav.enterprises', roles: ['admin'] },
  { path: '/admin/departments', label: 'nav.departments', roles: ['admin'] },
  { path: '/admin/grids', label: 'nav.grids', roles: ['admin'] },
];

/** Who may open an enterprise's file (一企一档); the ledger checks the enterprise and the grid. */
export const FILE_READERS: Role[] = ['committee', 'admin', 'instructor', 'enterprise'];

/** Who may open a visit's record (走访记录); the outreach service checks whose visit it is. */
export const VISIT_READERS: Role[] = ['instructor', 'committee', 'admin', 'enterprise'];

export const HOME: Record<Role, string> = {
  enterprise: '/my-tickets',
  instructor: '/grid-tickets',
  department: '/queue',
  committee: '/dashboard',
  admin: '/admin/users',
};

export const rolesFor = (path: string): Role[] => NAV.find((n) => n.path === path)?.roles ?? [];
