import { Inject, Injectable } from '@nestjs/common';
import { AuthUser, TokenService } from '@ticketing/auth';
import { newId } from '@ticketing/contracts';
import { IdentitySettings } from '../identity.env';
import { IDENTITY_SETTINGS } from '../identity.tokens';
import { UserResponseDto } from '../users/user.response.dto';
import { SessionResponseDto } from './auth.response.dto';
import { RefreshToken } from './domain/refresh-token';
import { RefreshTokenRepository } from './domain/refresh-token.repository';

export const toAuthUser = (u: UserResponseDto): AuthUser => ({
  id: u.id,
  role: u.role,
  name: u.displayName,
  ...(u.enterpriseId ? { enterpriseId: u.enterpriseId } : {}),
  ...(u.departmentId ? { departmentId: u.departmentId } : {}),
  ...(u.gridIds.length ? { gridIds: u.gridIds } : {}),
  ...(u.mustChangePassword ? { passwordChangeRequired: true } : {}),
});

/**
 * An access token with the user's current role and scope and its session (`familyId`, a new login
 * unless given), plus a refresh token of that family, stored in the caller's unit of work.
 */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly tokens: TokenService,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
    private readonly refreshTokens: RefreshTokenRepository,
  ) {}

  async issue(user: UserResponseDto, now: Date, familyId: string = newId()): Promise<SessionResponseDto> {
    const refresh = RefreshToken.issue(
      { id: newId(), familyId, userId: user.id },
      this.settings.refreshTokenTtlDays,
      now,
    );
    await this.refreshTokens.save(refresh.token);
    // The family is the login: a logout ends the access tokens of this session only.
    const access = this.tokens.sign({ ...toAuthUser(user), sessionId: familyId });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshToken: refresh.secret,
      refreshTokenExpiresAt: refresh.token.expiresAt.toISOString(),
      user,
    };
  }
}
