/** NOTIFY channel of new firings; the payload is the earliest one's due time (epoch ms). */
export const FIRINGS_CHANNEL = 'sla_firings';
/** NOTIFY channel of new recompute jobs. */
export const RECOMPUTE_CHANNEL = 'sla_recompute';
