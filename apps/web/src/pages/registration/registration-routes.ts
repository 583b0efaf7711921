import { ComponentType, lazy, LazyExoticComponent } from 'react';

const page = <M>(load: () => Promise<M>, pick: (m: M) => ComponentType): LazyExoticComponent<ComponentType> =>
  lazy(() => load().then((m) => ({ default: pick(m) })));

/** Pages opened without a login: 企业注册 (linked from the login page) and 重置密码 (the admin's link). */
export const PUBLIC_PAGES: { path: string; Page: LazyExoticComponent<ComponentType> }[] = [
  {
    path: '/register',
    Page: page(
      () => import('./register-page'),
      (m) => m.RegisterPage,
    ),
  },
  {
    path: '/reset-password',
    Page: page(
      () => import('./reset-password-page'),
      (m) => m.ResetPasswordPage,
    ),
  },
];

/** 注册审核, in the menu of the committee and the admin (layout/routes.ts). */
export const RegistrationsPage = page(
  () => import('./registrations-page'),
  (m) => m.RegistrationsPage,
);
