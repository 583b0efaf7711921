import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { conflictOnUnique, invalidField, takenValue } from '@ticketing/platform';
import { GridRepository } from '../../../grids/domain/grid.repository';
import { actorOf } from '../../../shared/actor';
import { Enterprise } from '../../domain/enterprise.aggregate';
import { EnterpriseRepository } from '../../domain/enterprise.repository';
import { EnterpriseResponseDto } from '../../enterprise.response.dto';
import { CreateEnterpriseCommand } from './create-enterprise.command';

@CommandHandler(CreateEnterpriseCommand)
export class CreateEnterpriseHandler implements ICommandHandler<
  CreateEnterpriseCommand,
  EnterpriseResponseDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly enterprises: EnterpriseRepository,
    private readonly grids: GridRepository,
  ) {}

  async execute(c: CreateEnterpriseCommand): Promise<EnterpriseResponseDto> {
    const taken = `an enterprise with credit code ${c.creditCode} is already registered`;
    try {
      return await this.uow.transaction(async () => {
        if (await this.enterprises.creditCodeTaken(c.creditCode)) throw takenValue('creditCode', taken);
        if (c.gridId && !(await this.grids.exists(c.gridId)))
          throw invalidField('gridId', `gridId ${c.gridId} is not a known grid`);
        const { user, ...asked } = c;
        const enterprise = Enterprise.register(
          {
            id: newId(),
            name: c.name,
            creditCode: c.creditCode,
            industry: c.industry ?? null,
            address: c.address ?? null,
            gridId: c.gridId ?? null,
            contacts: c.contacts ?? [],
            active: c.active ?? true,
          },
          actorOf(user),
          new Date(),
          asked,
        );
        await this.enterprises.save(enterprise);
        return EnterpriseResponseDto.from(enterprise);
      });
    } catch (e) {
      throw conflictOnUnique(e, taken, 'creditCode');
    }
  }
}
