import { Body, Controller, Get, HttpCode, Ip, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChangePasswordDto, LoginDto, LogoutDto, RefreshDto } from '@simpul/contracts';
import type { Actor } from '../common/auth/actor';
import { CurrentActor, Public } from '../common/auth/decorators';
import { ApiBodyOf, ApiErrors } from '../common/http/openapi';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /** `/login` is the engineering system's path; both take `email` or `username`. */
  @Public()
  @Post(['api/auth/login', 'login'])
  @ApiOperation({ summary: 'Sign in with email (or username) and password' })
  @ApiErrors(429)
  @HttpCode(200)
  @ApiBodyOf(LoginDto)
  login(@Body() dto: LoginDto, @Ip() ip: string, @Req() req: { id?: unknown }) {
    return this.auth.login(dto, ip, req.id === undefined ? undefined : String(req.id));
  }

  @Public()
  @Post('api/auth/refresh')
  @ApiOperation({ summary: 'Exchange a refresh token for new tokens (rotates it)' })
  @ApiErrors(429)
  @HttpCode(200)
  @ApiBodyOf(RefreshDto)
  refresh(@Body() dto: RefreshDto, @Ip() ip: string) {
    return this.auth.refresh(dto.refreshToken, ip);
  }

  @ApiBearerAuth()
  @Post('api/auth/logout')
  @ApiOperation({ summary: 'Sign out: revoke one refresh token or every session' })
  @HttpCode(200)
  @ApiBodyOf(LogoutDto)
  logout(@CurrentActor() actor: Actor, @Body() dto: LogoutDto) {
    return this.auth.logout(actor, dto);
  }

  @ApiBearerAuth()
  @Get('api/auth/me')
  @ApiOperation({ summary: 'The signed-in user' })
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }

  @ApiBearerAuth()
  @Post('api/auth/change-password')
  @ApiOperation({ summary: 'Change my password (ends every session)' })
  @HttpCode(200)
  @ApiBodyOf(ChangePasswordDto)
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto) {
    await this.users.changeOwnPassword(actor, dto);
    return { changed: true };
  }
}
