import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ConversationRequestDto } from '../../http/conversation.request.dto';

export class PostMessageRequestDto extends ConversationRequestDto {
  @ApiProperty({ maxLength: 4000 })
  @IsString({ message: 'text must be text' })
  @IsNotEmpty({ message: 'text is required' })
  @MaxLength(4000, { message: 'text must be at most 4000 characters' })
  text!: string;
}
