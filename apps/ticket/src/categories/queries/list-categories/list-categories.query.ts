export class ListCategoriesQuery {}
