import { ApiProperty } from '@nestjs/swagger';
import { Role, Roles } from '@ticketing/contracts';

/** What a user answer is made of: the aggregate and the reader's rows both have these. */
export interface UserFields {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  enterpriseId: string | null;
  departmentId: string | null;
  gridIds: string[];
  mobile: string | null;
  email: string | null;
  active: boolean;
  mustChangePassword: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** Who a user is and what they may see; never a credential. */
export class UserResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'dept-hrss' }) username!: string;
  @ApiProperty({ example: '人社局 张敏' }) displayName!: string;
  @ApiProperty({ enum: Roles }) role!: Role;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) enterpriseId!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) departmentId!: string | null;
  @ApiProperty({ type: [String] }) gridIds!: string[];
  @ApiProperty({ nullable: true, type: String }) mobile!: string | null;
  @ApiProperty({ nullable: true, type: String }) email!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ description: 'set by an admin reset; the user should choose a new password' })
  mustChangePassword!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(u: UserFields): UserResponseDto {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      enterpriseId: u.enterpriseId,
      departmentId: u.departmentId,
      gridIds: u.gridIds,
      mobile: u.mobile,
      email: u.email,
      active: u.active,
      mustChangePassword: u.mustChangePassword,
      version: u.version,
      createdAt: u.createdAt.toISOString(),
      updatedAt: u.updatedAt.toISOString(),
    };
  }
}

export class UserPageDto {
  @ApiProperty({ type: [UserResponseDto] }) items!: UserResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
