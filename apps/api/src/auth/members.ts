import { and, asc, eq } from 'drizzle-orm';
import type { WorkspaceContext } from '../context.js';
import type { Database } from '../db/database.js';
import { memberships, users, type Role } from '../db/schema/index.js';
import { ApiError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { forgetActors } from './actor-cache.js';
import { hashPassword } from './password.js';
import { normalizeEmail } from './sign-in.js';
import { lockWorkspace, otherAdminMembers, type Transaction } from './workspace-admins.js';

/** What a member-managing service needs: the services and an acting member or token. */

export interface Member {
  userId: string;
  email: string;
  role: Role;
}

export interface NewMember {
  email: string;
  /** Needed when the email has no account yet; an existing account keeps its own password. */
  password?: string | undefined;
  role: Role;
}

/** The workspace's members, by email. */
export async function listMembers({ ctx }: { ctx: WorkspaceContext }): Promise<Member[]> {
  return ctx.services.db
    .select({ userId: users.id, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, ctx.actor.workspaceId))
    .orderBy(asc(users.email));
}

export function addMember({
  ctx,
  input,
}: {
  ctx: WorkspaceContext;
  input: NewMember;
}): Promise<Member & { createdUser: boolean }> {
  return addMembership(ctx.services.db, ctx.actor.workspaceId, input);
}

/**
 * Makes `email` a member of the workspace with `role`, creating the account when there is none.
 * Shared by `members.add` and `tessera admin create-user`.
 */
export async function addMembership(
  db: Database,
  workspaceId: string,
  input: NewMember,
): Promise<Member & { createdUser: boolean }> {
  const email = normalizeEmail(input.email);
  // Hashed before the transaction: scrypt is slow and needs no lock.
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    let [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
    const createdUser = !user;
    if (user && passwordHash) {
      throw new ApiError(
        'CONFLICT',
        `${email} already has an account: add them without a password; they keep their own`,
      );
    }
    if (!user) {
      if (!passwordHash) {
        throw new ApiError('INVALID', `${email} has no account yet: give a password to create it`, {
          issues: [{ path: ['password'], message: 'needed for a new account' }],
        });
      }
      [user] = await tx
        .insert(users)
        .values({ id: newId('user'), email, passwordHash })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (!user) throw new ApiError('CONFLICT', `${email} was created meanwhile: try again`);
    }
    const [added] = await tx
      .insert(memberships)
      .values({ workspaceId, userId: user.id, role: input.role })
      .onConflictDoNothing()
      .returning();
    if (!added) {
      throw new ApiError(
        'CONFLICT',
        `${email} is already a member of this workspace: change their role instead`,
      );
    }
    return { userId: user.id, email, role: input.role, createdUser };
  });
}

/** Changes a member's role; the last admin cannot be demoted. */
export async function setMemberRole({
  ctx,
  input,
}: {
  ctx: WorkspaceContext;
  input: { userId: string; role: Role };
}): Promise<Member> {
  const { workspaceId } = ctx.actor;
  const changed = await ctx.services.db.transaction(async (tx) => {
    const member = await lockedMember(tx, workspaceId, input.userId);
    if (member.role === 'admin' && input.role !== 'admin') {
      await keepAnAdmin(tx, workspaceId, member, 'demote');
    }
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, member.userId)));
    return { ...member, role: input.role };
  });
  forgetActors(ctx.services.db);
  return changed;
}

/** Takes a member out of the workspace (their account stays); the last admin cannot leave. */
export async function removeMember({
  ctx,
  input,
}: {
  ctx: WorkspaceContext;
  input: { userId: string };
}): Promise<Member> {
  const { workspaceId } = ctx.actor;
  const removed = await ctx.services.db.transaction(async (tx) => {
    const member = await lockedMember(tx, workspaceId, input.userId);
    if (member.role === 'admin') await keepAnAdmin(tx, workspaceId, member, 'remove');
    // Their sessions in this workspace stop at once: authentication joins on the membership.
    await tx
      .delete(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, member.userId)));
    return member;
  });
  forgetActors(ctx.services.db);
  return removed;
}

async function lockedMember(tx: Transaction, workspaceId: string, userId: string): Promise<Member> {
  await lockWorkspace(tx, workspaceId);
  const [member] = await tx
    .select({ userId: users.id, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  if (!member) throw notFound('member', userId);
  return member;
}

async function keepAnAdmin(
  tx: Transaction,
  workspaceId: string,
  member: Member,
  action: 'demote' | 'remove',
): Promise<void> {
  if ((await otherAdminMembers(tx, workspaceId, member.userId)) > 0) return;
  throw new ApiError(
    'CONFLICT',
    `cannot ${action} ${member.email}: they are the workspace's last admin; make another member admin first`,
  );
}
