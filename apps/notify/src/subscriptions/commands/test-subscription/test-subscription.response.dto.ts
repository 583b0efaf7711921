import { ApiProperty } from '@nestjs/swagger';

export class TestSubscriptionResponseDto {
  @ApiProperty({
    description:
      'the receiver accepted it (robots: errcode 0; webhook: 2xx; e-mail: the SMTP server accepted it)',
  })
  delivered!: boolean;

  @ApiProperty({ nullable: true, type: String, example: 'robot error 93000: invalid webhook url' })
  error!: string | null;

  @ApiProperty()
  durationMs!: number;
}
