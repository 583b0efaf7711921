export class ListTriageQuery {
  constructor(
    readonly limit: number,
    readonly after: { at: Date; id: string } | null,
  ) {}
}
