import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { takenValue } from '@ticketing/platform';
import { ReplyTemplateRepository } from '../../domain/reply-template.repository';
import { TemplateAccessPolicy } from '../../domain/template-access.policy';
import { TemplateResponseDto } from '../../template.response.dto';
import { UpdateTemplateCommand } from './update-template.command';

/** The owner changes its template's title or body; another department's is a 404, a zone one a 403 to a department. */
@CommandHandler(UpdateTemplateCommand)
export class UpdateTemplateHandler implements ICommandHandler<UpdateTemplateCommand, TemplateResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly templates: ReplyTemplateRepository,
  ) {}

  execute(c: UpdateTemplateCommand): Promise<TemplateResponseDto> {
    return this.uow.transaction(async () => {
      const template = await this.templates.lockById(c.templateId);
      TemplateAccessPolicy.assertMayChange(c.user, c.templateId, template);
      template!.assertVersion(c.expectedVersion);
      template!.update({ title: c.title, body: c.body }, { id: c.user.id, role: c.user.role }, new Date());
      const s = template!.snapshot();
      if (await this.templates.titleTaken(s.scope, s.departmentId, s.title, s.id))
        throw takenValue('title', `a template titled “${s.title}” exists already`);
      await this.templates.save(template!);
      return TemplateResponseDto.of(template!);
    });
  }
}
