import { v7 } from 'uuid';

/** Time-ordered ids (UUID v7): index-friendly, and they sort by creation time. */
export const newId = (): string => v7();
