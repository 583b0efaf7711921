import { Query } from '@ticketing/platform';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** The facts a ticket would offer the rules. */
export class ExplainRoutingQuery extends Query {
  @IsString() @MaxLength(200) readonly title!: string;
  @IsString() @MaxLength(5000) readonly description!: string;
  @IsString() @IsNotEmpty() @MaxLength(40) readonly category!: string;
  @IsOptional() @IsString() @MaxLength(100) readonly gridId!: string | null;
  @IsOptional() @IsString() @MaxLength(100) readonly enterpriseId!: string | null;
}
