import { ComponentType, lazy, LazyExoticComponent } from 'react';
import type { Role } from '../../api/types';

/**
 * The committee's cycle (joint meetings, reviews, bulletins) and the service desk's pages that are
 * not in the menu: each its own chunk, with who may open it. The menu's entries are in
 * layout/routes.ts (NAV); root.tsx mounts these beside them.
 */
const page = <M>(load: () => Promise<M>, pick: (m: M) => ComponentType): LazyExoticComponent<ComponentType> =>
  lazy(() => load().then((m) => ({ default: pick(m) })));

export const MEETING_READERS: Role[] = ['department', 'committee', 'admin'];
export const MEETING_RUNNERS: Role[] = ['committee', 'admin'];

export const COMMITTEE_PAGES: { path: string; roles: Role[]; Page: LazyExoticComponent<ComponentType> }[] = [
  {
    path: '/meetings',
    roles: MEETING_READERS,
    Page: page(
      () => import('./meetings-page'),
      (m) => m.MeetingsPage,
    ),
  },
  {
    path: '/meetings/new',
    roles: MEETING_RUNNERS,
    Page: page(
      () => import('./schedule-meeting-page'),
      (m) => m.ScheduleMeetingPage,
    ),
  },
  {
    path: '/meetings/:id',
    roles: MEETING_READERS,
    Page: page(
      () => import('./meeting-page'),
      (m) => m.MeetingPage,
    ),
  },
  {
    path: '/meetings/:id/record',
    roles: MEETING_RUNNERS,
    Page: page(
      () => import('./record-meeting-page'),
      (m) => m.RecordMeetingPage,
    ),
  },
  {
    path: '/reviews',
    roles: MEETING_READERS,
    Page: page(
      () => import('../review/review-page'),
      (m) => m.ReviewPage,
    ),
  },
  {
    path: '/bulletins',
    roles: MEETING_READERS,
    Page: page(
      () => import('../review/bulletins-page'),
      (m) => m.BulletinsPage,
    ),
  },
  {
    path: '/search',
    roles: ['enterprise', 'instructor', 'department', 'committee', 'admin'],
    Page: page(
      () => import('../ticket/desk/search-page'),
      (m) => m.SearchPage,
    ),
  },
  {
    path: '/intake',
    roles: ['committee'],
    Page: page(
      () => import('../ticket/desk/intake-page'),
      (m) => m.IntakePage,
    ),
  },
  {
    path: '/templates',
    roles: ['department', 'committee'],
    Page: page(
      () => import('../ticket/desk/templates-page'),
      (m) => m.TemplatesPage,
    ),
  },
];
