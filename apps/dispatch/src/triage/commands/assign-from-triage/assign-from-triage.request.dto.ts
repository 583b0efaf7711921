import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AssignFromTriageRequestDto {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  leadDepartmentId!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'each of coHandlerDepartmentIds must be non-empty' })
  @MaxLength(100, { each: true, message: 'each of coHandlerDepartmentIds must be at most 100 characters' })
  coHandlerDepartmentIds!: string[];

  @ApiProperty({
    description: 'why these departments; shown to them and kept in the ledger',
    maxLength: 2000,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}

export class TicketIdParam {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  ticketId!: string;
}
