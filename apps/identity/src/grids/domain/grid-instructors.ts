import { FieldProblem } from '../../users/domain/user-scope';
import { User } from '../../users/domain/user.aggregate';

/**
 * Who may be a grid's instructors: only users of role instructor, and none may be left without
 * any grid by leaving this one. `users` holds the users named or leaving (unknown ids are absent);
 * `current` is the grid's list today (none for a new grid). At most one problem, the first found.
 */
export function instructorProblems(
  wanted: string[],
  current: string[],
  users: ReadonlyMap<string, User>,
): FieldProblem[] {
  const bad = wanted.filter((id) => users.get(id)?.role !== 'instructor');
  if (bad.length) {
    return [{ field: 'instructorUserIds', messages: [`not instructors (or unknown): ${bad.join(', ')}`] }];
  }
  const stranded = current.find((id) => !wanted.includes(id) && (users.get(id)?.gridIds.length ?? 0) <= 1);
  return stranded
    ? [
        {
          field: 'instructorUserIds',
          messages: [`instructor ${stranded} would be left without a grid; give them another grid first`],
        },
      ]
    : [];
}
