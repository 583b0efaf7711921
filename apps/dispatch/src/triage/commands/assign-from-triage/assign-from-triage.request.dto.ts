import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AssignFromTriageRequestDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  leadDepartmentId!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'each of coHandlerDepartmentIds must be non-empty' })
  coHandlerDepartmentIds!: string[];

  @ApiProperty({ description: 'why these departments; shown to them and kept in the ledger' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

export class TicketIdParam {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  ticketId!: string;
}
