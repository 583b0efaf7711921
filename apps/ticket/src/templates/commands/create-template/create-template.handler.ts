import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { takenValue } from '@ticketing/platform';
import { ReplyTemplate } from '../../domain/reply-template.aggregate';
import { ReplyTemplateRepository } from '../../domain/reply-template.repository';
import { TemplateAccessPolicy } from '../../domain/template-access.policy';
import { TemplateResponseDto } from '../../template.response.dto';
import { CreateTemplateCommand } from './create-template.command';

@CommandHandler(CreateTemplateCommand)
export class CreateTemplateHandler implements ICommandHandler<CreateTemplateCommand, TemplateResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly templates: ReplyTemplateRepository,
  ) {}

  execute(c: CreateTemplateCommand): Promise<TemplateResponseDto> {
    return this.uow.transaction(async () => {
      const owner = TemplateAccessPolicy.scopeFor(c.user);
      const template = ReplyTemplate.create(
        { id: newId(), ...owner, title: c.title, body: c.body },
        { id: c.user.id, role: c.user.role },
        new Date(),
      );
      const { title } = template.snapshot();
      if (await this.templates.titleTaken(owner.scope, owner.departmentId, title))
        throw takenValue('title', `a template titled “${title}” exists already`);
      await this.templates.save(template);
      return TemplateResponseDto.of(template);
    });
  }
}
