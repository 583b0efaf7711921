import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemorySealedSecretsRepository } from '../../infrastructure/sealed-secrets.in-memory-repository';
import { ResealSecretsCommand } from './reseal-secrets.command';
import { ResealSecretsHandler } from './reseal-secrets.handler';

describe('ResealSecretsHandler', () => {
  it('reseals the stale values in one unit of work, and finds none the second time', async () => {
    const uow = new InlineUnitOfWork();
    const secrets = new InMemorySealedSecretsRepository(3);
    const handler = new ResealSecretsHandler(uow, secrets);
    expect(await handler.execute(ResealSecretsCommand.create({}))).toBe(3);
    expect(await handler.execute(ResealSecretsCommand.create({}))).toBe(0);
    expect(uow.transactions).toBe(2);
  });
});
