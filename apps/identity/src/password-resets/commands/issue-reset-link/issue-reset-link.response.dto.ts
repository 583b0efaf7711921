import { ApiProperty } from '@nestjs/swagger';

export class ResetLinkResponseDto {
  @ApiProperty({
    example: '/reset-password?token=Yx3…',
    description:
      "the web app's reset page with the one-time token; the admin hands it to the user (it is not sent by e-mail)",
  })
  link!: string;
  @ApiProperty({ format: 'date-time', description: '24 hours after issue' }) expiresAt!: string;
}
