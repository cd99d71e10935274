import { z } from 'zod';
import { addMember, listMembers, removeMember, setMemberRole } from '../auth/members.js';
import { newPasswordSchema } from '../auth/password.js';
import { ROLES } from '../db/schema/index.js';
import { adminProcedure, router } from '../trpc.js';

const tags = ['members'];
const role = z.enum(ROLES);
const userId = z.string().min(1).max(100);
const memberSchema = z.object({ userId: z.string(), email: z.string(), role });

export const membersRouter = router({
  list: adminProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/members',
        protect: true,
        tags,
        summary: 'The members of the workspace, by email',
      },
    })
    .input(z.void())
    .output(z.array(memberSchema))
    .query(({ ctx }) => listMembers({ ctx })),

  add: adminProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/members',
        protect: true,
        tags,
        summary:
          'Adds a member; creates their account when the email has none (then a password is needed)',
      },
      status: 201,
    })
    .input(
      z.object({
        email: z.email().max(320),
        password: newPasswordSchema.optional(),
        role,
      }),
    )
    .output(memberSchema.extend({ createdUser: z.boolean() }))
    .mutation(({ ctx, input }) => addMember({ ctx, input })),

  setRole: adminProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/members/{userId}',
        protect: true,
        tags,
        summary: "Changes a member's role; the last admin cannot be demoted",
      },
    })
    .input(z.object({ userId, role }))
    .output(memberSchema)
    .mutation(({ ctx, input }) => setMemberRole({ ctx, input })),

  remove: adminProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/members/{userId}',
        protect: true,
        tags,
        summary: 'Takes a member out of the workspace (their account stays); not the last admin',
      },
    })
    .input(z.object({ userId }))
    .output(memberSchema)
    .mutation(({ ctx, input }) => removeMember({ ctx, input })),
});
