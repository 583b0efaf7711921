import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { ConversationRequestDto } from '../../http/conversation.request.dto';

export class ProvideInformationRequestDto extends ConversationRequestDto {
  @ApiProperty({ format: 'uuid', description: 'the open question (conversation.informationRequests[].id)' })
  @IsUUID('all', { message: 'requestId must be the id of the open question (uuid)' })
  requestId!: string;

  @ApiProperty({ maxLength: 4000 })
  @IsString({ message: 'answer must be text' })
  @IsNotEmpty({ message: 'answer is required' })
  @MaxLength(4000, { message: 'answer must be at most 4000 characters' })
  answer!: string;
}
