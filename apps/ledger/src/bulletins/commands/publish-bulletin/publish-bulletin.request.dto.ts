import { RequiredPeriod } from '../../../shared/query-fields';

export class PublishBulletinRequestDto {
  @RequiredPeriod()
  period!: string;
}
