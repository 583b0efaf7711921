import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { ReplyTemplateRepository } from '../../domain/reply-template.repository';
import { TemplateAccessPolicy } from '../../domain/template-access.policy';
import { DeleteTemplateCommand } from './delete-template.command';

/** The owner removes its template; its history stays. Replies already sent keep their words. */
@CommandHandler(DeleteTemplateCommand)
export class DeleteTemplateHandler implements ICommandHandler<DeleteTemplateCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly templates: ReplyTemplateRepository,
  ) {}

  execute(c: DeleteTemplateCommand): Promise<void> {
    return this.uow.transaction(async () => {
      const template = await this.templates.lockById(c.templateId);
      TemplateAccessPolicy.assertMayChange(c.user, c.templateId, template);
      template!.delete({ id: c.user.id, role: c.user.role }, new Date());
      await this.templates.save(template!);
    });
  }
}
