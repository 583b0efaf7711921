export const Roles = ['enterprise', 'instructor', 'department', 'committee', 'admin'] as const;
export type Role = (typeof Roles)[number];

/** Who did something: a person with a role, or the system itself (relay, timer, rule). */
export interface Actor {
  id: string;
  role: Role | 'system';
}

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'system' };
