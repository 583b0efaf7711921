import { AgendaSource } from '@ticketing/contracts';
import { fieldProblem } from '@ticketing/platform';
import { newId } from '@ticketing/contracts';
import { AgendaSources } from '../../sources/domain/agenda-sources';
import { MeetingDirectory } from '../../directory/domain/meeting-directory';
import { DecisionRepository } from '../../decisions/domain/decision.repository';
import { AgendaItem } from '../domain/meeting.aggregate';

/** An item as a command carries it (see AgendaItemRequestDto). */
export interface RequestedItem {
  kind: 'ticket' | 'need' | 'topic';
  ticketId?: string;
  needId?: string;
  title?: string;
  enterpriseId?: string;
  departmentIds?: string[];
}

type FieldErrors = { field: string; messages: string[] }[];

/**
 * Turns requested agenda items into the meeting's items, from what this service knows: a ticket's
 * number, title, enterprise and departments from the ticket copy (source `escalation` when the ladder
 * sent it and it waits for a meeting, `manual` otherwise), a need's from the need copy, a topic's as
 * given. Every item that names something unknown is a 400 naming `<field>.<n>.<what>`.
 */
export class AgendaItems {
  constructor(
    private readonly sources: AgendaSources,
    private readonly directory: MeetingDirectory,
    private readonly decisions: DecisionRepository,
  ) {}

  async resolve(requested: readonly RequestedItem[], field: string, at: Date): Promise<AgendaItem[]> {
    const errors: FieldErrors = [];
    const items: AgendaItem[] = [];
    for (const [n, r] of requested.entries()) {
      const f = `${field}.${n}`;
      const base = {
        itemId: newId(),
        ticketNumber: null,
        ticketId: null,
        needId: null,
        decisionId: null,
        addedAt: at,
      };
      if (r.kind === 'ticket' && r.ticketId) {
        const t = await this.sources.findTicket(r.ticketId);
        if (!t) {
          errors.push({
            field: `${f}.ticketId`,
            messages: [`${r.ticketId} is not a ticket this service knows`],
          });
          continue;
        }
        const source: AgendaSource = (await this.sources.isPendingCandidate(t.ticketId))
          ? 'escalation'
          : 'manual';
        items.push({
          ...base,
          kind: 'ticket',
          source,
          title: (r.title ?? t.title ?? t.number).slice(0, 200),
          ticketId: t.ticketId,
          ticketNumber: t.number,
          enterpriseId: t.enterpriseId,
          departmentIds: [...(t.leadDepartmentId ? [t.leadDepartmentId] : []), ...t.coHandlerDepartmentIds],
        });
      } else if (r.kind === 'need' && r.needId) {
        const need = await this.sources.findNeed(r.needId);
        if (!need) {
          errors.push({ field: `${f}.needId`, messages: [`${r.needId} is not a need this service knows`] });
          continue;
        }
        items.push({
          ...base,
          kind: 'need',
          source: 'manual',
          title: (r.title ?? need.title ?? '企业需求').slice(0, 200),
          needId: need.needId,
          enterpriseId: need.enterpriseId,
          departmentIds: need.ownerDepartmentId ? [need.ownerDepartmentId] : [],
        });
      } else {
        if (r.enterpriseId && !(await this.directory.findEnterprise(r.enterpriseId))?.active)
          errors.push({
            field: `${f}.enterpriseId`,
            messages: [`${r.enterpriseId} is not an active enterprise`],
          });
        errors.push(...(await this.unknownDepartments(r.departmentIds ?? [], `${f}.departmentIds`)));
        items.push({
          ...base,
          kind: 'topic',
          source: 'manual',
          title: r.title ?? '',
          enterpriseId: r.enterpriseId ?? null,
          departmentIds: [...new Set(r.departmentIds ?? [])],
        });
      }
    }
    if (errors.length) throw fieldProblem(errors);
    return items;
  }

  /** The open decisions of earlier meetings, as follow-up items whose outcome this meeting hears. */
  async followUps(at: Date): Promise<AgendaItem[]> {
    return (await this.decisions.awaitingFollowUp()).map((d) => ({
      itemId: newId(),
      kind: 'decision',
      source: 'follow_up',
      title: d.title,
      ticketId: d.ticketId,
      ticketNumber: d.ticketNumber,
      needId: d.needId,
      decisionId: d.decisionId,
      enterpriseId: d.enterpriseId,
      departmentIds: d.departmentIds,
      addedAt: at,
    }));
  }

  async unknownDepartments(ids: readonly string[], field: string): Promise<FieldErrors> {
    const errors: FieldErrors = [];
    for (const [i, id] of ids.entries()) {
      if (!(await this.directory.findDepartment(id))?.active)
        errors.push({ field: `${field}.${i}`, messages: [`${id} is not an active department`] });
    }
    return errors;
  }

  async unknownEnterprises(ids: readonly string[], field: string): Promise<FieldErrors> {
    const errors: FieldErrors = [];
    for (const [i, id] of ids.entries()) {
      if (!(await this.directory.findEnterprise(id))?.active)
        errors.push({ field: `${field}.${i}`, messages: [`${id} is not an active enterprise`] });
    }
    return errors;
  }

  /** The convenor (召集人): a committee member or admin by id; absent, the caller. */
  async convenor(
    requested: string | undefined,
    caller: { id: string; name: string },
  ): Promise<{ id: string; name: string }> {
    if (!requested || requested === caller.id) {
      const known = await this.directory.findUser(caller.id);
      return { id: caller.id, name: known?.displayName ?? caller.name };
    }
    const u = await this.directory.findUser(requested);
    if (!u?.active || (u.role !== 'committee' && u.role !== 'admin'))
      throw fieldProblem([
        { field: 'convenorUserId', messages: [`${requested} is not an active committee member`] },
      ]);
    return { id: u.id, name: u.displayName };
  }
}
