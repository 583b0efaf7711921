import type { HolidayNotice } from '../notice';
import { CHINA_2024 } from './china-2024';
import { CHINA_2025 } from './china-2025';
import { CHINA_2026 } from './china-2026';

export { CHINA_2024, CHINA_2025, CHINA_2026 };

/** Every built-in State Council notice, oldest first. */
export const CHINA_NOTICES: readonly HolidayNotice[] = [CHINA_2024, CHINA_2025, CHINA_2026];
