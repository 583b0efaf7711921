import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RefreshTokenOrmEntity } from '../../infrastructure/refresh-token.orm-entity';
import { hashRefreshToken, RefreshTokens } from '../../infrastructure/refresh-tokens';

@Injectable()
export class LogoutHandler {
  constructor(@InjectDataSource('identity') private readonly ds: DataSource) {}

  /** Ends the login the token belongs to. An unknown token is already as good as logged out. */
  async execute(refreshToken: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const row = await m.findOneBy(RefreshTokenOrmEntity, { tokenHash: hashRefreshToken(refreshToken) });
      if (row) await RefreshTokens.revokeFamily(m, row.familyId);
    });
  }
}
