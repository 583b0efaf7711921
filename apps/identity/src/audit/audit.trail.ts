import { Injectable } from '@nestjs/common';
import { Actor, newId } from '@ticketing/contracts';
import { Correlation } from '@ticketing/observability';
import { EntityManager } from 'typeorm';

export interface AuditRecord {
  actor: Actor;
  action: string;
  entityType: 'user' | 'enterprise' | 'department' | 'grid';
  entityId: string;
  /** What changed; never a password or a hash. */
  details?: Record<string, unknown>;
}

/** Who did what, when: written in the same transaction as the change. INSERT is the only statement. */
@Injectable()
export class AuditTrail {
  async append(m: EntityManager, r: AuditRecord): Promise<void> {
    await m.query(
      `INSERT INTO identity.audit_entry (id, occurred_at, actor_id, actor_role, action, entity_type, entity_id, details, correlation_id)
       VALUES ($1, now(), $2, $3, $4, $5, $6, $7::jsonb, $8)`,
      [newId(), r.actor.id, r.actor.role, r.action, r.entityType, r.entityId, JSON.stringify(r.details ?? {}), Correlation.id() ?? null],
    );
  }
}
