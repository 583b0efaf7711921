import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AttachmentRef, Clock, DEFAULT_CATEGORIES, DomainError, newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { fieldProblem, FieldError, invalidField } from '@ticketing/platform';
import { OutreachAccessPolicy } from '../../../access/outreach-access.policy';
import { OutreachDirectory } from '../../../directory/domain/outreach-directory';
import { Need } from '../../../needs/domain/need.aggregate';
import { NeedRepository } from '../../../needs/domain/need.repository';
import { fingerprint } from '../../../shared/domain/fingerprint';
import { monthOf } from '../../../shared/domain/zone-time';
import { TaskListRepository } from '../../../task-lists/domain/task-list.repository';
import { Visit } from '../../domain/visit.aggregate';
import { VisitIdempotencyKeys } from '../../domain/visit-idempotency-keys';
import { photoRef, VisitPhotoRepository } from '../../domain/visit-photos';
import { VisitRepository } from '../../domain/visit.repository';
import { VisitRecordedResponseDto } from '../../visit-recorded.response.dto';
import { RecordVisitCommand } from './record-visit.command';

const CATEGORIES: readonly string[] = DEFAULT_CATEGORIES.map((c) => c.code);

/**
 * One unit of work: claim the idempotency key first (a phone's retry waits on it and gets the first
 * answer), check that the instructor works the enterprise's grid, claim the photos, add the needs
 * raised, and record the visit, whose outreach.visit-recorded carries the problems to the ticket
 * service. Whether it was planned is read from the instructor's published task list of its month.
 */
@CommandHandler(RecordVisitCommand)
export class RecordVisitHandler implements ICommandHandler<RecordVisitCommand, VisitRecordedResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly visits: VisitRepository,
    private readonly needs: NeedRepository,
    private readonly photos: VisitPhotoRepository,
    private readonly lists: TaskListRepository,
    private readonly keys: VisitIdempotencyKeys<VisitRecordedResponseDto>,
    private readonly directory: OutreachDirectory,
  ) {}

  execute(c: RecordVisitCommand): Promise<VisitRecordedResponseDto> {
    return this.uow.transaction(async () => {
      if (c.idempotencyKey) {
        const hash = fingerprint(c.request());
        const claim = await this.keys.claim(c.user.id, c.idempotencyKey, hash);
        if (claim !== true) {
          if (claim.requestHash !== hash || !claim.response) {
            throw new DomainError(
              'unprocessable',
              'Idempotency-Key was already used with a different visit; use a new key for a new visit',
              { idempotencyKey: c.idempotencyKey },
            );
          }
          return claim.response;
        }
      }
      const response = await this.record(c);
      if (c.idempotencyKey) await this.keys.record(c.user.id, c.idempotencyKey, response.id, response);
      return response;
    });
  }

  private async record(c: RecordVisitCommand): Promise<VisitRecordedResponseDto> {
    const enterprise = OutreachAccessPolicy.visitableEnterprise(
      c.user,
      c.enterpriseId,
      await this.directory.findEnterprise(c.enterpriseId),
    );
    if (!enterprise.active) throw invalidField('enterpriseId', `${enterprise.id} is no longer active`);
    const errors: FieldError[] = [];
    c.problems.forEach((p, i) => {
      if (!CATEGORIES.includes(p.category))
        errors.push({ field: `problems.${i}.category`, messages: [`unknown category ${p.category}`] });
    });
    if (errors.length) throw fieldProblem(errors);

    const at = Clock.now();
    const id = newId();
    const photos = await this.claimPhotos(c, id);
    const month = monthOf(c.visitedAt);
    const list = await this.lists.findFor(c.user.id, month);
    const planned = !!list?.plans(enterprise.id);
    const actor = { id: c.user.id, role: c.user.role };

    const needIds: string[] = [];
    for (const [i, n] of c.needs.entries()) {
      const need = this.named(`needs.${i}`, () =>
        Need.add({
          id: newId(),
          enterpriseId: enterprise.id,
          enterpriseName: enterprise.name,
          gridId: enterprise.gridId,
          kind: n.kind,
          title: n.title,
          description: n.description,
          ownerDepartmentId: null,
          ownerUserId: c.user.id,
          ticketId: null,
          visitId: id,
          instructorUserId: c.user.id,
          createdBy: actor,
          at,
        }),
      );
      await this.needs.add(need);
      needIds.push(need.id);
    }

    const visit = Visit.record({
      id,
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      gridId: enterprise.gridId,
      instructor: { id: c.user.id, name: c.user.name, gridIds: [...(c.user.gridIds ?? [])] },
      companions: c.companions,
      visitedAt: c.visitedAt,
      mode: c.mode,
      topics: c.topics,
      findings: c.findings,
      photos,
      problems: c.problems.map((p, index) => ({ ...p, index })),
      needIds,
      planned,
      taskListId: planned ? list!.id : null,
      at,
    });
    await this.visits.add(visit);
    return {
      id,
      enterpriseId: enterprise.id,
      month,
      planned,
      taskListId: planned ? list!.id : null,
      problemCount: c.problems.length,
      needIds,
      version: visit.version,
    };
  }

  /** Only the instructor's own uploads that no visit holds yet: nobody attaches (and so reads) another's photo. */
  private async claimPhotos(c: RecordVisitCommand, visitId: string): Promise<AttachmentRef[]> {
    const ids = [...new Set(c.photoIds)];
    if (!ids.length) return [];
    const rows = await this.photos.lockMany(ids);
    const usable = new Map(
      rows.filter((r) => r.uploadedById === c.user.id && r.visitId === null).map((r) => [r.id, r]),
    );
    const bad = ids.filter((x) => !usable.has(x));
    if (bad.length) throw invalidField('photoIds', `unknown, not yours, or already used: ${bad.join(', ')}`);
    await this.photos.assignToVisit(ids, visitId);
    return ids.map((x) => photoRef(usable.get(x)!));
  }

  /** A need's own field errors, named under its place in the visit (needs.0.title). */
  private named<T>(prefix: string, build: () => T): T {
    try {
      return build();
    } catch (e) {
      if (e instanceof DomainError && Array.isArray(e.details.errors)) {
        throw fieldProblem(
          (e.details.errors as FieldError[]).map((f) => ({
            field: `${prefix}.${f.field}`,
            messages: f.messages,
          })),
        );
      }
      throw e;
    }
  }
}
