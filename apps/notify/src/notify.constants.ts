/** The notify service's schema; also the name of its DataSource. */
export const NOTIFY_SCHEMA = 'notify';

/** NOTIFY channels: hints only, every loop that listens also polls. */
export const DELIVERIES_CHANNEL = 'notify_deliveries';
export const INAPP_CHANNEL = 'notify_inapp';
