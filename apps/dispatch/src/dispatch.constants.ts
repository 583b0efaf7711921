/** The schema this service owns; also the name of its DataSource. */
export const DISPATCH_SCHEMA = 'dispatch';
