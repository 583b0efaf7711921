import { DomainError } from '@ticketing/contracts';
import { IsInt, IsString, IsUUID, Min, MinLength } from 'class-validator';
import { Command, ItemsOf } from './command';

class MoveThingCommand extends Command {
  @IsUUID('all', { message: 'thingId must be a UUID' }) readonly thingId!: string;
  @IsInt() @Min(1, { message: 'expectedVersion must be at least 1' }) readonly expectedVersion!: number;
  readonly note!: string | null;
}

describe('Command.create', () => {
  it('builds a frozen command of its class from valid data', () => {
    const c = MoveThingCommand.create({
      thingId: '0190f1f0-0000-7000-8000-000000000001',
      expectedVersion: 2,
      note: null,
    });
    expect(c).toBeInstanceOf(MoveThingCommand);
    expect(c.expectedVersion).toBe(2);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('refuses bad data with a validation problem naming every field at fault', () => {
    let error: unknown;
    try {
      MoveThingCommand.create({ thingId: 'nope', expectedVersion: 0, note: null });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation');
    expect((error as DomainError).details.errors).toEqual([
      { field: 'thingId', messages: ['thingId must be a UUID'] },
      { field: 'expectedVersion', messages: ['expectedVersion must be at least 1'] },
    ]);
  });
});

class Part {
  @IsString() @MinLength(1) readonly id!: string;
  static of(id: string): Part {
    return Object.assign(new Part(), { id });
  }
}

class MovePartsCommand extends Command {
  @ItemsOf(Part, { key: (p) => p.id, duplicate: 'a part is moved once per command' })
  readonly parts!: readonly Part[];
}

describe('ItemsOf', () => {
  const fields = (f: () => unknown): { field: string; messages: string[] }[] => {
    try {
      f();
    } catch (e) {
      return (e as DomainError).details.errors as { field: string; messages: string[] }[];
    }
    throw new Error('accepted');
  };

  it('accepts distinct items that pass their own rules', () => {
    expect(MovePartsCommand.create({ parts: [Part.of('a'), Part.of('b')] }).parts).toHaveLength(2);
  });

  it('refuses an empty list, a record named twice, a bad item by its index, and a plain object', () => {
    expect(fields(() => MovePartsCommand.create({ parts: [] }))).toEqual([
      { field: 'parts', messages: ['parts should not be empty'] },
    ]);
    expect(fields(() => MovePartsCommand.create({ parts: [Part.of('a'), Part.of('a')] }))).toEqual([
      { field: 'parts', messages: ['a part is moved once per command'] },
    ]);
    expect(fields(() => MovePartsCommand.create({ parts: [Part.of('a'), Part.of('')] }))).toEqual([
      { field: 'parts.1.id', messages: ['id must be longer than or equal to 1 characters'] },
    ]);
    expect(fields(() => MovePartsCommand.create({ parts: [{ id: 'a' } as Part] }))[0].field).toBe('parts');
  });
});
