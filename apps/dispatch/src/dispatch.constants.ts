/** The schema this service owns; also the name of its DataSource (`@InjectDataSource(DISPATCH_SCHEMA)`). */
export const DISPATCH_SCHEMA = 'dispatch';
