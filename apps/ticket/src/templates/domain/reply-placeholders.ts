/**
 * 常用语 placeholders: a template names the enterprise, the ticket's number and its deadline in
 * braces, and the server fills them in for one ticket (POST /templates/:id/render), so every reply
 * box shows the same words and the deadline is the one the SLA engine set, in Beijing time.
 */
export const ReplyPlaceholders = ['enterprise', 'number', 'deadline'] as const;
export type ReplyPlaceholder = (typeof ReplyPlaceholders)[number];

/** What a ticket gives each placeholder. */
export interface PlaceholderValues {
  enterprise: string;
  number: string;
  /** The deadline in force (resolution, else reply, else response), or null while there is none. */
  deadline: Date | null;
}

const BRACED = /\{([^{}\s]{1,40})\}/g;

/** The placeholders a body names that are not among ReplyPlaceholders (a typo such as {enterprize}). */
export function unknownPlaceholders(body: string): string[] {
  const names = [...body.matchAll(BRACED)].map((m) => m[1]);
  return [...new Set(names.filter((n) => !(ReplyPlaceholders as readonly string[]).includes(n)))];
}

/** The placeholders a body uses, in the order of ReplyPlaceholders. */
export function usedPlaceholders(body: string): ReplyPlaceholder[] {
  const names = new Set([...body.matchAll(BRACED)].map((m) => m[1]));
  return ReplyPlaceholders.filter((p) => names.has(p));
}

/** 2026年3月12日 17:30, in Beijing time (UTC+8 all year). */
export function beijingDateTime(at: Date): string {
  const b = new Date(at.getTime() + 8 * 3600_000);
  const hh = String(b.getUTCHours()).padStart(2, '0');
  const mm = String(b.getUTCMinutes()).padStart(2, '0');
  return `${b.getUTCFullYear()}年${b.getUTCMonth() + 1}月${b.getUTCDate()}日 ${hh}:${mm}`;
}

/** The body with each known placeholder filled in; a deadline not set yet reads 待定. */
export function fillPlaceholders(body: string, v: PlaceholderValues): string {
  const values: Record<ReplyPlaceholder, string> = {
    enterprise: v.enterprise,
    number: v.number,
    deadline: v.deadline ? beijingDateTime(v.deadline) : '待定',
  };
  return body.replace(BRACED, (whole, name: string) =>
    (ReplyPlaceholders as readonly string[]).includes(name) ? values[name as ReplyPlaceholder] : whole,
  );
}
