import { Inject, Injectable } from '@nestjs/common';
import { AuthUser, TokenService } from '@ticketing/auth';
import { newId } from '@ticketing/contracts';
import { EntityManager } from 'typeorm';
import { IdentitySettings } from '../../identity.env';
import { IDENTITY_SETTINGS } from '../../identity.tokens';
import { UserResponseDto } from '../../users/user.response.dto';
import { SessionResponseDto } from '../auth.response.dto';
import { RefreshTokens } from './refresh-tokens';

export const toAuthUser = (u: UserResponseDto): AuthUser => ({
  id: u.id,
  role: u.role,
  name: u.displayName,
  ...(u.enterpriseId ? { enterpriseId: u.enterpriseId } : {}),
  ...(u.departmentId ? { departmentId: u.departmentId } : {}),
  ...(u.gridIds.length ? { gridIds: u.gridIds } : {}),
  ...(u.mustChangePassword ? { passwordChangeRequired: true } : {}),
});

/** An access token with the user's current role and scope, plus a refresh token in `familyId`. */
@Injectable()
export class SessionIssuer {
  constructor(
    private readonly tokens: TokenService,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async issue(
    m: EntityManager,
    user: UserResponseDto,
    familyId: string = newId(),
  ): Promise<SessionResponseDto> {
    const refresh = await RefreshTokens.issue(m, user.id, familyId, this.settings.refreshTokenTtlDays);
    const access = this.tokens.sign(toAuthUser(user));
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshToken: refresh.token,
      refreshTokenExpiresAt: refresh.expiresAt.toISOString(),
      user,
    };
  }
}
