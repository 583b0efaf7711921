import { tearDownTestInfrastructure } from './test-infrastructure';

export default async function globalTeardown(): Promise<void> {
  await tearDownTestInfrastructure();
}
