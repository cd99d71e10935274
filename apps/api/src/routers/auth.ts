import { z } from 'zod';
import { ROLES } from '../db/schema/index.js';
import { firstAdminStatus, setUpFirstAdmin } from '../auth/first-admin.js';
import { newPasswordSchema } from '../auth/password.js';
import { describeCaller, signIn, signOut } from '../auth/sign-in.js';
import { authedProcedure, publicProcedure, router } from '../trpc.js';

const callerSchema = z.object({
  user: z.object({ id: z.string(), email: z.string() }).nullable(),
  workspace: z.object({ id: z.string(), name: z.string() }),
  role: z.enum(ROLES),
  csrfToken: z.string().nullable(),
});

// Sessions are for the web app, over /trpc only: they set and clear a cookie, which REST
// procedures cannot. Integrators use API tokens.
export const authRouter = router({
  signIn: publicProcedure
    .input(
      z.object({
        email: z.string().trim().min(3).max(320),
        // Any length is checked (and refused) the same way: the 10-character floor is for new
        // passwords, and a length error here would answer faster than a wrong password.
        password: z.string().min(1).max(1024),
        workspace: z.string().min(1).max(200).optional(),
      }),
    )
    .output(callerSchema)
    .mutation(({ ctx, input }) => signIn({ ctx, input })),

  // A new server has workspace `default` and an admin token, but nobody who can sign in: the
  // web app asks `status` and offers `setup`, which works only until the first member exists.
  status: publicProcedure
    .input(z.void())
    .output(z.object({ needsFirstAdmin: z.boolean() }))
    .query(({ ctx }) => firstAdminStatus({ ctx })),

  setup: publicProcedure
    .input(
      z.object({
        email: z.string().trim().pipe(z.email('must be an email address').max(320)),
        password: newPasswordSchema,
      }),
    )
    .output(callerSchema)
    .mutation(({ ctx, input }) => setUpFirstAdmin({ ctx, input })),

  signOut: authedProcedure
    .input(z.void())
    .output(z.object({ signedOut: z.literal(true) }))
    .mutation(async ({ ctx }) => {
      await signOut({ ctx });
      return { signedOut: true as const };
    }),

  me: authedProcedure
    .input(z.void())
    .output(callerSchema)
    .query(({ ctx }) => describeCaller({ ctx })),
});
