import { Actor, DomainError } from '@ticketing/contracts';
import { Liaisons, LiaisonsInput } from './liaisons.aggregate';

const committee: Actor = { id: 'u-com', role: 'committee' };
const NOW = new Date('2026-03-02T02:00:00Z');
const enterprise = { id: 'ent-1', name: '六枝机械厂', gridId: 'grid-1' };
const input: LiaisonsInput = {
  keyEnterprise: true,
  instructorUserIds: ['u-ins'],
  leader: { name: '张书记', title: '综合党委副书记', phone: '13800138000', userId: null },
  department: { departmentId: 'dep-1', contactName: '李科长', contactPhone: null },
};

describe('Liaisons', () => {
  it('names the liaisons: version 1 and outreach.liaisons-set with who to call', () => {
    const l = Liaisons.none(enterprise);
    expect(l.set(input, enterprise, committee, NOW)).toBe(true);
    expect(l.version).toBe(1);
    const [c] = l.pullChanges();
    expect(c).toMatchObject({
      eventType: 'outreach.liaisons-set',
      actor: committee,
      version: 1,
      payload: { enterpriseId: 'ent-1', gridId: 'grid-1', keyEnterprise: true, instructorUserIds: ['u-ins'] },
    });
  });

  it('setting the same values again changes nothing; a change is version 2', () => {
    const l = Liaisons.none(enterprise);
    l.set(input, enterprise, committee, NOW);
    l.pullChanges();
    expect(l.set({ ...input }, enterprise, committee, NOW)).toBe(false);
    expect(l.pullChanges()).toEqual([]);
    expect(l.set({ ...input, keyEnterprise: false }, enterprise, committee, NOW)).toBe(true);
    expect(l.version).toBe(2);
  });

  it('refuses an instructor named twice, or too many, naming the field', () => {
    const l = Liaisons.none(enterprise);
    const twice = (() => {
      try {
        l.set({ ...input, instructorUserIds: ['u-a', 'u-a'] }, enterprise, committee, NOW);
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(twice?.details).toEqual({
      errors: [{ field: 'instructorUserIds', messages: ['names an instructor twice'] }],
    });
    expect(() =>
      l.set({ ...input, instructorUserIds: ['a', 'b', 'c', 'd', 'e', 'f'] }, enterprise, committee, NOW),
    ).toThrow(DomainError);
    expect(l.version).toBe(0);
  });
});
