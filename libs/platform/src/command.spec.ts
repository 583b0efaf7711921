import { DomainError } from '@ticketing/contracts';
import { IsInt, IsUUID, Min } from 'class-validator';
import { Command } from './command';

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
