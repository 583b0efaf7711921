import { AuthUser, TokenService } from '@ticketing/auth';
import { DEFAULT_DEPARTMENTS, newId, Role } from '@ticketing/contracts';
import { RunningService, startService } from '@ticketing/platform';
import { callService, createTestDatabase } from '@ticketing/testing';
import { Client } from 'pg';
import { creditCodeCheckCharacter } from '../src/directory/domain/credit-code';
import { IdentityEnv } from '../src/identity.env';
import { IdentityModule } from '../src/identity.module';

const SECRET = 'y'.repeat(40);
const tokens = new TokenService(SECRET);
const API = '/api/v1/identity';

interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
}

/** A credit code with a correct check character, different for each n. */
const creditCode = (n: number) => {
  const body = `91520203MA6${String(n).padStart(6, '0')}`;
  return body + creditCodeCheckCharacter(body);
};

describe('identity: enterprise self-registration and one-time reset links', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService | undefined;
  let pg: Client;
  let admin: string;
  let committee: string;
  let seq = 0;

  const start = (extra: Record<string, string> = {}) =>
    startService({
      service: 'identity',
      env: IdentityEnv,
      modules: [IdentityModule],
      environment: {
        DATABASE_URL: db.url,
        PORT: '0',
        JWT_SECRET: SECRET,
        LOG_LEVEL: 'warn',
        LOGIN_RATE_LIMIT: '1000',
        ...extra,
      },
    });

  const call = (
    method: string,
    path: string,
    opts: { token?: string; body?: unknown } = {},
  ): Promise<Reply> =>
    callService(running!.url, {
      method,
      path: `${API}${path}`,
      token: opts.token ?? null,
      body: opts.body,
      rawStrings: false,
    });

  const count = async (table: string, where = 'true', params: unknown[] = []) =>
    Number(
      (await pg.query(`SELECT count(*)::int AS n FROM identity.${table} WHERE ${where}`, params)).rows[0].n,
    );

  const tokenFor = (role: Role, over: Partial<AuthUser> = {}) =>
    tokens.sign({
      id: newId(),
      role,
      name: `test ${role}`,
      ...(role === 'enterprise' ? { enterpriseId: newId() } : {}),
      ...(role === 'department' ? { departmentId: DEFAULT_DEPARTMENTS[0].id } : {}),
      ...(role === 'instructor' ? { gridIds: [newId()] } : {}),
      ...over,
    }).token;

  const fields = (r: Reply) => (r.body?.errors ?? []).map((e: { field: string }) => e.field);

  const application = (over: Record<string, unknown> = {}) => {
    seq += 1;
    return {
      enterpriseName: `六枝特区第${seq}茶业有限公司`,
      creditCode: creditCode(seq),
      contactName: '杨秀英',
      phone: '15185890633',
      username: `applicant-${seq}`,
      password: 'Apply2026x',
      ...over,
    };
  };

  const login = (username: string, password: string) =>
    call('POST', '/auth/login', { body: { username, password } });

  beforeAll(async () => {
    db = await createTestDatabase('identity_registration');
    running = await start();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    const adminId = (await pg.query(`SELECT id FROM identity.user_account WHERE username = 'admin'`)).rows[0]
      .id;
    const committeeId = (await pg.query(`SELECT id FROM identity.user_account WHERE username = 'committee'`))
      .rows[0].id;
    admin = tokens.sign({ id: adminId, role: 'admin', name: '系统管理员' }).token;
    committee = tokens.sign({ id: committeeId, role: 'committee', name: '综合党委' }).token;
  });

  afterAll(async () => {
    await pg?.end();
    await running?.close();
    await db?.drop();
  });

  describe('self-registration', () => {
    it('keeps an application pending (no login yet); the committee approves it: enterprise and user announced; the applicant logs in', async () => {
      const asked = application();
      const submitted = await call('POST', '/registrations', { body: asked });
      expect(submitted.status).toBe(201);
      expect(submitted.body).toMatchObject({
        status: 'pending',
        username: asked.username,
        creditCode: asked.creditCode,
      });
      expect(JSON.stringify(submitted.body)).not.toMatch(/password/i);
      expect((await login(asked.username, asked.password)).status).toBe(401);

      const listed = await call('GET', '/registrations', { token: committee });
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(submitted.body.id);

      const outboxBefore = await count('outbox');
      const approved = await call('POST', `/registrations/${submitted.body.id}/approve`, {
        token: committee,
      });
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved' });
      const { enterpriseId, userId } = approved.body;
      expect(
        await count('enterprise', 'id = $1 AND credit_code = $2', [enterpriseId, asked.creditCode]),
      ).toBe(1);
      expect(
        await count('user_account', `id = $1 AND role = 'enterprise' AND enterprise_id = $2`, [
          userId,
          enterpriseId,
        ]),
      ).toBe(1);
      const events = (
        await pg.query(`SELECT type, key FROM identity.outbox ORDER BY seq OFFSET $1`, [outboxBefore])
      ).rows.map((r: { type: string; key: string }) => [r.type, r.key]);
      expect(events).toEqual([
        ['directory.enterprise-upserted', enterpriseId],
        ['directory.user-upserted', userId],
      ]);
      expect(
        (
          await pg.query(
            `SELECT action, actor_role FROM identity.registration_history WHERE registration_id = $1 ORDER BY seq`,
            [submitted.body.id],
          )
        ).rows,
      ).toEqual([
        { action: 'registration.submitted', actor_role: null },
        { action: 'registration.approved', actor_role: 'committee' },
      ]);
      expect(await count('registration', 'id = $1 AND password_hash IS NULL', [submitted.body.id])).toBe(1);

      const session = await login(asked.username, asked.password);
      expect(session.status).toBe(200);
      expect(session.body.user).toMatchObject({
        role: 'enterprise',
        enterpriseId,
        mustChangePassword: false,
      });

      const again = await call('POST', `/registrations/${submitted.body.id}/approve`, { token: admin });
      expect(again.status).toBe(409);
      expect(await count('enterprise', 'credit_code = $1', [asked.creditCode])).toBe(1);
    });

    it('the admin rejects with a reason; the applicant cannot log in, and may apply again', async () => {
      const asked = application();
      const submitted = await call('POST', '/registrations', { body: asked });
      const noReason = await call('POST', `/registrations/${submitted.body.id}/reject`, {
        token: admin,
        body: {},
      });
      expect([noReason.status, fields(noReason)]).toEqual([400, ['reason']]);
      const rejected = await call('POST', `/registrations/${submitted.body.id}/reject`, {
        token: admin,
        body: { reason: '信用代码与营业执照不符' },
      });
      expect([rejected.status, rejected.body.status, rejected.body.reason]).toEqual([
        200,
        'rejected',
        '信用代码与营业执照不符',
      ]);
      expect((await login(asked.username, asked.password)).status).toBe(401);
      expect(await count('enterprise', 'credit_code = $1', [asked.creditCode])).toBe(0);
      const listed = await call('GET', '/registrations?status=rejected', { token: admin });
      expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(submitted.body.id);
      expect((await call('POST', '/registrations', { body: asked })).status).toBe(201);
    });

    it('a registered or applied-for credit code, a taken username: 409 naming the field, nothing written', async () => {
      const first = application();
      expect((await call('POST', '/registrations', { body: first })).status).toBe(201);
      const before = await count('registration');
      const seeded = (await pg.query(`SELECT credit_code FROM identity.enterprise LIMIT 1`)).rows[0]
        .credit_code;
      for (const [body, field] of [
        [application({ creditCode: seeded }), 'creditCode'],
        [application({ creditCode: first.creditCode }), 'creditCode'],
        [application({ username: 'admin' }), 'username'],
        [application({ username: first.username }), 'username'],
      ] as const) {
        const r = await call('POST', '/registrations', { body });
        expect([r.status, fields(r)]).toEqual([409, [field]]);
      }
      expect(await count('registration')).toBe(before);
    });

    it('bad input: 400 naming each field, nothing written', async () => {
      const before = await count('registration');
      const wrongCheck = application();
      wrongCheck.creditCode =
        wrongCheck.creditCode.slice(0, 17) + (wrongCheck.creditCode.endsWith('0') ? '1' : '0');
      const r = await call('POST', '/registrations', {
        body: {
          ...wrongCheck,
          enterpriseName: 'x',
          phone: '12',
          username: 'A B',
          password: 'short',
          contactName: '',
        },
      });
      expect(r.status).toBe(400);
      expect(r.headers.get('content-type')).toMatch(/problem\+json/);
      expect(fields(r).sort()).toEqual([
        'contactName',
        'creditCode',
        'enterpriseName',
        'password',
        'phone',
        'username',
      ]);
      expect((await call('POST', '/registrations', { body: {} })).status).toBe(400);
      expect(await count('registration')).toBe(before);
      expect((await call('GET', '/registrations?status=maybe', { token: admin })).status).toBe(400);
      expect((await call('POST', '/registrations/not-a-uuid/approve', { token: admin })).status).toBe(400);
      expect((await call('POST', `/registrations/${newId()}/approve`, { token: admin })).status).toBe(404);
    });

    it('only the committee and the admin list, approve and reject; anyone may apply', async () => {
      const submitted = await call('POST', '/registrations', { body: application() });
      const id = submitted.body.id;
      for (const role of ['enterprise', 'instructor', 'department'] as const) {
        const t = tokenFor(role);
        expect((await call('GET', '/registrations', { token: t })).status).toBe(403);
        expect((await call('POST', `/registrations/${id}/approve`, { token: t })).status).toBe(403);
        expect(
          (await call('POST', `/registrations/${id}/reject`, { token: t, body: { reason: '不予受理' } }))
            .status,
        ).toBe(403);
      }
      expect((await call('GET', '/registrations')).status).toBe(401);
      expect((await call('POST', `/registrations/${id}/approve`)).status).toBe(401);
      expect(await count('registration', `id = $1 AND status = 'pending'`, [id])).toBe(1);
    });
  });

  describe('one-time reset links', () => {
    const issue = (userId: string, token = admin) => call('POST', `/users/${userId}/reset-link`, { token });
    const tokenOf = (link: string) => new URL(link, 'http://x').searchParams.get('token')!;

    it("the admin issues a link; the user sets a password with it once, and the user's sessions end", async () => {
      const userId = (await pg.query(`SELECT id FROM identity.user_account WHERE username = 'instructor'`))
        .rows[0].id;
      const s = await login('instructor', 'Demo@2026');
      expect(s.status).toBe(200);
      const issued = await issue(userId);
      expect(issued.status).toBe(201);
      expect(issued.body.link).toMatch(/^\/reset-password\?token=/);
      const token = tokenOf(issued.body.link);
      expect(await count('password_reset_link', 'user_id = $1', [userId])).toBe(1);
      expect(
        (
          await pg.query(
            `SELECT count(*)::int AS n FROM identity.password_reset_link WHERE token_hash LIKE $1`,
            [`%${token}%`],
          )
        ).rows[0].n,
      ).toBe(0);
      // Nothing changes until it is used.
      expect((await login('instructor', 'Demo@2026')).status).toBe(200);

      const done = await call('POST', '/password-resets', { body: { token, newPassword: 'Forgot2026x' } });
      expect(done.status).toBe(204);
      expect(
        (await call('POST', '/auth/refresh', { body: { refreshToken: s.body.refreshToken } })).status,
      ).toBe(401);
      const revoked = (
        await pg.query(
          `SELECT envelope->'payload'->>'reason' AS reason FROM identity.outbox
            WHERE type = 'directory.sessions-revoked' AND key = $1 ORDER BY seq`,
          [userId],
        )
      ).rows.map((r: { reason: string }) => r.reason);
      expect(revoked).toContain('password-reset');
      expect((await login('instructor', 'Demo@2026')).status).toBe(401);
      const after = await login('instructor', 'Forgot2026x');
      expect([after.status, after.body.user.mustChangePassword]).toEqual([200, false]);

      const twice = await call('POST', '/password-resets', { body: { token, newPassword: 'Again2026x' } });
      expect([twice.status, fields(twice)]).toEqual([400, ['token']]);
      expect(twice.body.detail).toMatch(/already been used/);
      expect((await login('instructor', 'Forgot2026x')).status).toBe(200);
    });

    it('an expired or unknown token, a weak password: 400 naming the field, nothing changed', async () => {
      const userId = (await pg.query(`SELECT id FROM identity.user_account WHERE username = 'dept-ecology'`))
        .rows[0].id;
      const token = tokenOf((await issue(userId)).body.link);
      const weak = await call('POST', '/password-resets', { body: { token, newPassword: 'short' } });
      expect([weak.status, fields(weak)]).toEqual([400, ['newPassword']]);
      const unknown = await call('POST', '/password-resets', {
        body: { token: 'z'.repeat(43), newPassword: 'Forgot2026x' },
      });
      expect([unknown.status, fields(unknown)]).toEqual([400, ['token']]);
      expect((await call('POST', '/password-resets', { body: {} })).status).toBe(400);
      await pg.query(
        `UPDATE identity.password_reset_link SET issued_at = now() - interval '25 hours', expires_at = now() - interval '1 hour' WHERE user_id = $1`,
        [userId],
      );
      const expired = await call('POST', '/password-resets', { body: { token, newPassword: 'Forgot2026x' } });
      expect([expired.status, fields(expired)]).toEqual([400, ['token']]);
      expect(expired.body.detail).toMatch(/expired/);
      expect(await count('password_reset_link', 'user_id = $1 AND used_at IS NULL', [userId])).toBe(1);
      expect((await login('dept-ecology', 'Demo@2026')).status).toBe(200);
    });

    it('only the admin issues links; an unknown user is a 404 and a bad id a 400', async () => {
      const userId = (await pg.query(`SELECT id FROM identity.user_account WHERE username = 'committee'`))
        .rows[0].id;
      const before = await count('password_reset_link');
      for (const role of ['committee', 'enterprise', 'instructor', 'department'] as const)
        expect((await issue(userId, tokenFor(role))).status).toBe(403);
      expect((await call('POST', `/users/${userId}/reset-link`)).status).toBe(401);
      expect((await issue(newId())).status).toBe(404);
      expect((await issue('nope')).status).toBe(400);
      expect(await count('password_reset_link')).toBe(before);
    });

    it('the public endpoints count with the login attempts of the address (429 with Retry-After)', async () => {
      await running!.close();
      running = await start({ LOGIN_RATE_LIMIT: '2' });
      await pg.query('DELETE FROM identity.login_attempt');
      const statuses: number[] = [];
      let last: Reply | undefined;
      for (const path of ['/registrations', '/password-resets', '/registrations']) {
        last = await call('POST', path, { body: {} });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([400, 400, 429]);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
});
