import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, newId } from '@ticketing/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarStore } from '../../../calendars/infrastructure/calendar.store';
import { validationError } from '../../../shared/problems';
import { SLA_SCHEMA } from '../../../shared/queryable';
import { enqueueRecompute } from '../../../timers/recompute/recompute.worker';
import { PolicyDefinition, normalizeDefinition, validatePolicyDefinition, validateScope } from '../../domain/policy';
import { CreatePolicyRequestDto, UpdatePolicyRequestDto } from './save-policy.request.dto';

/**
 * Policies are versioned: an edit writes a new version and retires the previous one in one
 * transaction, then the open timers under the policy are recomputed in the background.
 */
@Injectable()
export class SavePolicyHandler {
  constructor(
    @InjectDataSource(SLA_SCHEMA) private readonly ds: DataSource,
    private readonly calendars: CalendarStore,
  ) {}

  private async checkDefinition(m: EntityManager, definition: unknown): Promise<PolicyDefinition> {
    const problems = validatePolicyDefinition(definition, await this.calendars.ids(m));
    if (problems.length) throw validationError('policy rejected', problems);
    return normalizeDefinition(definition as PolicyDefinition);
  }

  async create(dto: CreatePolicyRequestDto, actorId: string): Promise<{ id: string; version: number }> {
    const scope = validateScope(dto.category, dto.urgency);
    if (scope.length) throw validationError('policy rejected', scope);
    return this.ds.transaction(async (m) => {
      const definition = await this.checkDefinition(m, dto.definition);
      // Serialises creations for one scope, so the duplicate check below cannot race.
      await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`sla-policy:${dto.category}|${dto.urgency}`]);
      const [dup]: { id: string; name: string }[] = await m.query(
        'SELECT id, name FROM sla.policies WHERE active AND category = $1 AND urgency = $2',
        [dto.category, dto.urgency],
      );
      if (dup) {
        throw validationError('policy rejected', [
          { field: 'category', messages: [`policy ${dup.id} (${dup.name}) already covers ${dto.category} × ${dto.urgency}; edit it instead`] },
        ]);
      }
      const id = newId();
      await m.query(
        `INSERT INTO sla.policies (id, version, name, category, urgency, definition, active, created_by)
         VALUES ($1, 1, $2, $3, $4, $5::jsonb, true, $6)`,
        [id, dto.name, dto.category, dto.urgency, JSON.stringify(definition), actorId],
      );
      return { id, version: 1 };
    });
  }

  async update(id: string, dto: UpdatePolicyRequestDto, actorId: string): Promise<{ id: string; version: number }> {
    return this.ds.transaction(async (m) => {
      const [current]: { version: number; name: string; category: string; urgency: string }[] = await m.query(
        'SELECT version, name, category, urgency FROM sla.policies WHERE id = $1 AND active FOR UPDATE',
        [id],
      );
      if (!current) throw new DomainError('notFound', `policy ${id} does not exist`);
      if (current.version !== dto.expectedVersion) {
        throw new DomainError('versionConflict', `policy ${id} is at version ${current.version}, not ${dto.expectedVersion}`, {
          currentVersion: current.version,
        });
      }
      const definition = await this.checkDefinition(m, dto.definition);
      await m.query('UPDATE sla.policies SET active = false WHERE id = $1 AND version = $2', [id, current.version]);
      await m.query(
        `INSERT INTO sla.policies (id, version, name, category, urgency, definition, active, created_by)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, true, $7)`,
        [id, current.version + 1, dto.name ?? current.name, current.category, current.urgency, JSON.stringify(definition), actorId],
      );
      await enqueueRecompute(m, 'policy', id, `policy ${id} v${current.version + 1}`);
      return { id, version: current.version + 1 };
    });
  }
}
