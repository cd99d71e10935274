import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { apiTokens, workspaces } from '../db/schema/index.js';
import { newId } from '../ids.js';
import { describeToken, issueToken } from './token-secret.js';

export interface BootstrapResult {
  workspaceId: string;
  /** The admin token made now, when the operator did not choose one: printed once. */
  printedToken: string | null;
}

/**
 * First start on an empty database: workspace `default` and an admin API token, the operator's
 * `TESSERA_BOOTSTRAP_TOKEN` when set (so scripts and tests can call a fresh server) or a new
 * one printed once. Later starts change nothing, except that a bootstrap token not yet stored
 * is added, so setting one later works too.
 */
export async function bootstrap(
  db: Database,
  bootstrapToken: string | undefined,
): Promise<BootstrapResult> {
  return db.transaction(async (tx) => {
    let [workspace] = await tx.select().from(workspaces).where(eq(workspaces.name, 'default'));
    const fresh = !workspace;
    if (!workspace) {
      [workspace] = await tx
        .insert(workspaces)
        .values({ id: newId('workspace'), name: 'default' })
        .returning();
    }
    const workspaceId = workspace!.id;
    if (bootstrapToken) {
      const issued = describeToken(bootstrapToken);
      const [known] = await tx.select().from(apiTokens).where(eq(apiTokens.hash, issued.hash));
      if (!known) {
        await tx.insert(apiTokens).values({
          id: newId('token'),
          workspaceId,
          name: 'bootstrap (TESSERA_BOOTSTRAP_TOKEN)',
          role: 'admin',
          prefix: issued.prefix,
          hash: issued.hash,
        });
      }
      return { workspaceId, printedToken: null };
    }
    if (!fresh) return { workspaceId, printedToken: null };
    const issued = issueToken();
    await tx.insert(apiTokens).values({
      id: newId('token'),
      workspaceId,
      name: 'first admin',
      role: 'admin',
      prefix: issued.prefix,
      hash: issued.hash,
    });
    return { workspaceId, printedToken: issued.token };
  });
}
