import { getMetadataStorage, IsInt, IsString, Min, MinLength, validateSync } from 'class-validator';
import { memoizeValidationMetadata } from './validation-metadata';

class Base {
  @IsString()
  name!: string;
}

class Child extends Base {
  @IsInt()
  @Min(1, { groups: ['strict'] })
  count!: number;
}

const props = (o: object) =>
  validateSync(o)
    .map((e) => e.property)
    .sort();

describe('memoizeValidationMetadata', () => {
  beforeAll(() => memoizeValidationMetadata());

  it('keeps the rules of a class, inherited ones included, and answers as before', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Child, '', false, false);
    expect(storage.getTargetValidationMetadatas(Child, '', false, false)).toBe(first);
    expect(props(Object.assign(new Child(), { name: 3, count: 'x' }))).toEqual(['count', 'name']);
    expect(props(Object.assign(new Child(), { name: 'a', count: 1 }))).toEqual([]);
    // Each argument set is its own answer: without groups every rule applies (class-validator's
    // rule), with a group only that group's, with another group none of these.
    const zero = Object.assign(new Child(), { name: 'a', count: 0 });
    expect(props(zero)).toEqual(['count']);
    expect(validateSync(zero, { groups: ['strict'] })).toHaveLength(1);
    expect(validateSync(zero, { groups: ['other'], forbidUnknownValues: false })).toHaveLength(0);
    expect(props(zero)).toEqual(['count']);
  });

  it('is installed once, and a rule registered later is seen', () => {
    memoizeValidationMetadata();
    class Late {
      name!: string;
    }
    expect(props(Object.assign(new Late(), { name: '' }))).toEqual([]);
    // A decorator applied after the first lookup (a class whose module loads later) counts.
    MinLength(2)(Late.prototype, 'name');
    expect(props(Object.assign(new Late(), { name: '' }))).toEqual(['name']);
  });
});
