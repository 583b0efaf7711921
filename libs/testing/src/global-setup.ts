import { setUpTestInfrastructure } from './test-infrastructure';

export default async function globalSetup(): Promise<void> {
  await setUpTestInfrastructure();
}
