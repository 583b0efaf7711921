import { PageQuery } from '@ticketing/platform';

export class ListTriageRequestDto extends PageQuery(200) {}
