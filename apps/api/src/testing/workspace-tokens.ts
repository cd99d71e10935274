import { eq } from 'drizzle-orm';
import { apiTokens, workspaces, type Role } from '../db/schema/index.js';
import { issueToken } from '../auth/token-secret.js';
import { newId } from '../ids.js';
import type { RunningServer } from '../start-server.js';

/** The `default` workspace's id: the test server's admin token's. */
export async function defaultWorkspaceId(server: RunningServer): Promise<string> {
  const [row] = await server.services.db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(eq(workspaces.name, 'default'));
  if (!row) throw new Error('the test server has no default workspace');
  return row.id;
}

/** A token of `role` in `workspaceId` (default: the `default` workspace), stored as the API would. */
export async function addToken(
  server: RunningServer,
  role: Role,
  workspaceId?: string,
): Promise<string> {
  const issued = issueToken();
  await server.services.db.insert(apiTokens).values({
    id: newId('token'),
    workspaceId: workspaceId ?? (await defaultWorkspaceId(server)),
    name: `test ${role}`,
    role,
    prefix: issued.prefix,
    hash: issued.hash,
  });
  return issued.token;
}

/** Another tenant with an admin token: what it sees of the first workspace must be nothing. */
export async function addWorkspace(
  server: RunningServer,
): Promise<{ workspaceId: string; token: string }> {
  const workspaceId = newId('workspace');
  await server.services.db.insert(workspaces).values({ id: workspaceId, name: workspaceId });
  return { workspaceId, token: await addToken(server, 'admin', workspaceId) };
}
