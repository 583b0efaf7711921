import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { UserResponseDto } from '../users/user.response.dto';

export class SessionResponseDto {
  @ApiProperty({ description: 'HS256 bearer token for every service' }) accessToken!: string;
  @ApiProperty() accessTokenExpiresAt!: string;
  @ApiProperty({ description: 'opaque; single use: every refresh returns a new one' }) refreshToken!: string;
  @ApiProperty() refreshTokenExpiresAt!: string;
  @ApiProperty({ type: UserResponseDto }) user!: UserResponseDto;
}

export class RefreshTokenRequestDto {
  @ApiProperty({ minLength: 20, maxLength: 200 })
  @IsString({ message: 'refreshToken must be text' })
  @Length(20, 200, { message: 'refreshToken must be the token returned by login or refresh' })
  refreshToken!: string;
}
