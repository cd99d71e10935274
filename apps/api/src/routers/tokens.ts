import { z } from 'zod';
import { createToken, listTokens, revokeToken, type TokenInfo } from '../auth/api-tokens.js';
import { ROLES } from '../db/schema/index.js';
import { adminProcedure, router } from '../trpc.js';

const tags = ['tokens'];

const tokenInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
});

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;
const asJson = (t: TokenInfo): z.infer<typeof tokenInfoSchema> => ({
  ...t,
  createdAt: t.createdAt.toISOString(),
  expiresAt: iso(t.expiresAt),
  lastUsedAt: iso(t.lastUsedAt),
});

export const tokensRouter = router({
  create: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/tokens',
        protect: true,
        tags,
        summary: 'A new API token; the answer holds it this once, only its hash is stored',
      },
      status: 201,
    })
    .input(
      z.object({
        name: z.string().trim().min(1).max(200),
        role: z.enum(ROLES),
        expiresInDays: z.number().int().min(1).max(3650).optional(),
      }),
    )
    .output(z.object({ id: z.string(), token: z.string() }))
    .mutation(({ ctx, input }) => createToken({ ctx, input })),

  list: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/tokens',
        protect: true,
        tags,
        summary: "The workspace's tokens: name, role, prefix and dates, never the token",
      },
    })
    .input(z.void())
    .output(z.array(tokenInfoSchema))
    .query(async ({ ctx }) => (await listTokens({ ctx })).map(asJson)),

  revoke: adminProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/tokens/{id}',
        protect: true,
        tags,
        summary:
          'Revokes a token at once; not the last admin token of a workspace without admin members',
      },
    })
    .input(z.object({ id: z.string().min(1).max(100) }))
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => revokeToken({ ctx, input })),
});
