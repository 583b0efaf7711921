import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { conflictOnUnique, expectVersion, invalidField, notFound, takenValue } from '@ticketing/platform';
import { GridRepository } from '../../../grids/domain/grid.repository';
import { actorOf } from '../../../shared/actor';
import { EnterpriseRepository } from '../../domain/enterprise.repository';
import { EnterpriseResponseDto } from '../../enterprise.response.dto';
import { UpdateEnterpriseCommand } from './update-enterprise.command';

@CommandHandler(UpdateEnterpriseCommand)
export class UpdateEnterpriseHandler implements ICommandHandler<
  UpdateEnterpriseCommand,
  EnterpriseResponseDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly enterprises: EnterpriseRepository,
    private readonly grids: GridRepository,
  ) {}

  async execute(c: UpdateEnterpriseCommand): Promise<EnterpriseResponseDto> {
    const taken = `an enterprise with credit code ${c.creditCode} is already registered`;
    try {
      return await this.uow.transaction(async () => {
        const enterprise = await this.enterprises.findByIdForUpdate(c.enterpriseId);
        if (!enterprise) throw notFound('enterprise', c.enterpriseId);
        expectVersion(enterprise.version, c.expectedVersion, 'the enterprise');
        if (c.creditCode && (await this.enterprises.creditCodeTaken(c.creditCode, enterprise.id)))
          throw takenValue('creditCode', taken);
        if (c.gridId && !(await this.grids.exists(c.gridId)))
          throw invalidField('gridId', `gridId ${c.gridId} is not a known grid`);
        const { user, enterpriseId: _, expectedVersion: __, ...change } = c;
        // Nothing different from what is stored: no new version, no event, no audit line.
        if (enterprise.update(change, actorOf(user), new Date(), change))
          await this.enterprises.save(enterprise);
        return EnterpriseResponseDto.from(enterprise);
      });
    } catch (e) {
      throw conflictOnUnique(e, taken, 'creditCode');
    }
  }
}
