export class DepartmentStatsQuery {
  constructor(
    readonly from: Date | null,
    readonly to: Date | null,
  ) {}
}
