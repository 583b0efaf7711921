import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DirectoryEvents } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { DirectoryRepository } from '../../domain/directory.repository';
import { RecordDirectoryEntryCommand } from './record-directory-entry.command';

/**
 * Keeps notify's copy of names and users current, so messages and recipients need no call to
 * identity. Grids are not kept: a user's grids travel with the user.
 */
@CommandHandler(RecordDirectoryEntryCommand)
export class RecordDirectoryEntryHandler implements ICommandHandler<RecordDirectoryEntryCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly directory: DirectoryRepository,
  ) {}

  execute({ event }: RecordDirectoryEntryCommand): Promise<void> {
    return this.uow.transaction(async () => {
      switch (event.type) {
        case DirectoryEvents.departmentUpserted: {
          const { id, name, nameEn } = event.payload;
          return this.directory.saveDepartment({ id, name, nameEn: nameEn ?? null });
        }
        case DirectoryEvents.enterpriseUpserted:
          return this.directory.saveEnterprise({ id: event.payload.id, name: event.payload.name });
        case DirectoryEvents.userUpserted: {
          const u = event.payload;
          return this.directory.saveUser({
            id: u.id,
            role: u.role,
            displayName: u.displayName,
            enterpriseId: u.enterpriseId ?? null,
            departmentId: u.departmentId ?? null,
            gridIds: u.gridIds ?? [],
            mobile: u.mobile ?? null,
            email: u.email ?? null,
            active: u.active,
          });
        }
      }
    });
  }
}
