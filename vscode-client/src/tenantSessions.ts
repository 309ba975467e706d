// VS Code's Microsoft sign-in as the Azure Resources extension does it: a session for the default (organizations)
// tenant, the tenants the account can use, then a session per tenant (silently; those that need the user are listed).
import { Tenant, TenantToken, TreeNode } from './protocol';

/** What VS Code's Microsoft sign-in is asked for: a token for Azure Resource Manager. */
export const ARM_SCOPES = ['https://management.azure.com/.default'];

export interface Session { accessToken: string; account: { label: string } }
export interface SessionOptions { createIfNone?: boolean; silent?: boolean }
/** vscode.authentication.getSession('microsoft', ...), injected. */
export type GetSession = (scopes: string[], options: SessionOptions) => Promise<Session | undefined>;
/** The server's azureml.azure.tenants: the tenants the account of a token can use. */
export type ListTenants = (token: string) => Promise<Tenant[]>;

/** tokens: one per tenant signed in to (secrets: for the server only); needSignIn: tenants that need the user. */
export interface TenantSessions { account: string; tokens: TenantToken[]; needSignIn: Tenant[] }

/** The scopes of a session for one tenant. */
export function tenantScopes(tenantId: string): string[] {
    return [...ARM_SCOPES, `VSCODE_TENANT:${tenantId}`];
}

/** signInTo: the tenant the user asked to sign in to; silent: nothing may ask the user (at start-up). */
export interface SignInRequest { signInTo?: string; silent?: boolean }

/**
 * A token per tenant of the account. The default session is created if there is none (unless silent); the tenants'
 * sessions are only looked up (silent), except the one of signInTo. Undefined when there is no default session (the
 * user cancelled, or nobody is signed in to VS Code and nothing may ask).
 */
export async function tenantSessions(getSession: GetSession, listTenants: ListTenants, request: SignInRequest = {}): Promise<TenantSessions | undefined> {
    if (request.signInTo) {
        await getSession(tenantScopes(request.signInTo), { createIfNone: true });
    }
    const first = await getSession(ARM_SCOPES, request.silent ? { silent: true } : { createIfNone: true });
    if (!first) {
        return undefined;
    }
    const tokens: TenantToken[] = [];
    const needSignIn: Tenant[] = [];
    for (const tenant of await listTenants(first.accessToken)) {
        const session = await getSession(tenantScopes(tenant.tenantId), { silent: true }).catch(() => undefined);
        if (session) {
            tokens.push({ tenantId: tenant.tenantId, token: session.accessToken, tenantName: tenant.displayName });
        } else {
            needSignIn.push(tenant);
        }
    }
    if (tokens.length === 0) {
        tokens.push({ token: first.accessToken });
    }
    return { account: first.account.label, tokens, needSignIn };
}

/** The id of the tree node that offers to sign in to a tenant. */
export function tenantNodeId(tenant: Tenant): string {
    return `azure/tenant-sign-in/${tenant.tenantId}`;
}

/** "Sign in to tenant X" nodes, at the end of the Azure root's children. */
export function tenantSignInNodes(tenants: Tenant[]): TreeNode[] {
    return tenants.map(tenant => ({ id: tenantNodeId(tenant), label: `Sign in to tenant ${tenant.displayName}`,
        description: tenant.defaultDomain, kind: 'azureTenantSignIn', contextValue: 'azureml.azureTenantSignIn',
        collapsible: false, tooltip: `Its subscriptions show once you sign in to it (${tenant.tenantId}).` }));
}
