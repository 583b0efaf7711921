import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CreateTemplateRequestDto {
  @ApiProperty({ maxLength: 100, example: '已受理告知' })
  @IsString({ message: 'title must be text' })
  @IsNotEmpty({ message: 'title is required' })
  @MaxLength(100, { message: 'title must be at most 100 characters' })
  title!: string;

  @ApiProperty({
    maxLength: 2000,
    example: '{enterprise}：您反映的诉求（{number}）已受理，我们将在{deadline}前答复。',
    description: 'placeholders: {enterprise} {number} {deadline}; any other {word} is refused',
  })
  @IsString({ message: 'body must be text' })
  @IsNotEmpty({ message: 'body is required' })
  @MaxLength(2000, { message: 'body must be at most 2000 characters' })
  body!: string;
}
