import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ChangePasswordDto, LoginDto, LogoutDto, RefreshDto } from '@simpul/contracts';
import type { Actor } from '../common/auth/actor';
import { CurrentActor, Public } from '../common/auth/decorators';
import { ApiBodyOf } from '../common/http/openapi';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { LoginThrottlerGuard } from './login-throttler.guard';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  /** `/login` is the engineering system's path; both take `email` or `username`. */
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post(['api/auth/login', 'login'])
  @HttpCode(200)
  @ApiBodyOf(LoginDto)
  login(@Body() dto: LoginDto, @Req() req: { id?: unknown }) {
    return this.auth.login(dto, req.id === undefined ? undefined : String(req.id));
  }

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('api/auth/refresh')
  @HttpCode(200)
  @ApiBodyOf(RefreshDto)
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @ApiBearerAuth()
  @Post('api/auth/logout')
  @HttpCode(200)
  @ApiBodyOf(LogoutDto)
  logout(@CurrentActor() actor: Actor, @Body() dto: LogoutDto) {
    return this.auth.logout(actor, dto);
  }

  @ApiBearerAuth()
  @Get('api/auth/me')
  me(@CurrentActor() actor: Actor) {
    return this.auth.me(actor);
  }

  @ApiBearerAuth()
  @Post('api/auth/change-password')
  @HttpCode(200)
  @ApiBodyOf(ChangePasswordDto)
  async changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto) {
    await this.users.changeOwnPassword(actor, dto);
    return { changed: true };
  }
}
