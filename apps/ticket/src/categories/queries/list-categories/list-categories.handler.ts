import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CategoryOrmEntity } from '../../infrastructure/category.orm-entity';
import { CategoryResponseDto } from './category.response.dto';
import { ListCategoriesQuery } from './list-categories.query';

@QueryHandler(ListCategoriesQuery)
export class ListCategoriesHandler implements IQueryHandler<ListCategoriesQuery, CategoryResponseDto[]> {
  constructor(@InjectDataSource('ticket') private readonly dataSource: DataSource) {}

  async execute(): Promise<CategoryResponseDto[]> {
    const rows = await this.dataSource
      .getRepository(CategoryOrmEntity)
      .find({ where: { active: true }, order: { position: 'ASC' } });
    return rows.map(({ code, zh, en }) => ({ code, zh, en }));
  }
}
