import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CategoryCatalog } from '../../domain/category-catalog';
import { CategoryResponseDto } from './category.response.dto';
import { ListCategoriesQuery } from './list-categories.query';

@QueryHandler(ListCategoriesQuery)
export class ListCategoriesHandler implements IQueryHandler<ListCategoriesQuery, CategoryResponseDto[]> {
  constructor(private readonly categories: CategoryCatalog) {}

  execute(): Promise<CategoryResponseDto[]> {
    return this.categories.listActive();
  }
}
