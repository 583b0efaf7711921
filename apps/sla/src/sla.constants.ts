/** The sla service's schema, which is also the name of its DataSource. */
export const SLA_SCHEMA = 'sla';
