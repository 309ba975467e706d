import * as assert from 'assert';
import { ARM_SCOPES, GetSession, SessionOptions, tenantScopes, tenantSessions, tenantSignInNodes } from '../src/tenantSessions';
import { Tenant } from '../src/protocol';

const HOME: Tenant = { tenantId: 'home-id', displayName: 'Contoso', defaultDomain: 'contoso.example' };
const GUEST: Tenant = { tenantId: 'guest-id', displayName: 'Fabrikam', defaultDomain: 'fabrikam.example' };

/** VS Code's sign-in as a table: a session per scope list (joined); silent asks get only what exists already. */
function signIn(existing: Record<string, string>, interactive: Record<string, string> = {}) {
    const calls: { scopes: string[]; options: SessionOptions }[] = [];
    const getSession: GetSession = (scopes, options) => {
        calls.push({ scopes, options });
        const key = scopes.join(' ');
        if (!existing[key] && options.createIfNone && interactive[key]) {
            existing[key] = interactive[key];
        }
        const token = existing[key];
        return Promise.resolve(token ? { accessToken: token, account: { label: 'dev@contoso.example' } } : undefined);
    };
    return { getSession, calls };
}

describe('tenantSessions', () => {
    it('gets the default session, lists its tenants and takes a token per tenant silently', async () => {
        const { getSession, calls } = signIn({ [ARM_SCOPES.join(' ')]: 'default-token',
            [tenantScopes('home-id').join(' ')]: 'home-token', [tenantScopes('guest-id').join(' ')]: 'guest-token' });
        const listed: string[] = [];
        const sessions = await tenantSessions(getSession, token => {
            listed.push(token);
            return Promise.resolve([HOME, GUEST]);
        });
        assert.deepStrictEqual(listed, ['default-token']);
        assert.deepStrictEqual(sessions, { account: 'dev@contoso.example', needSignIn: [], tokens: [
            { tenantId: 'home-id', token: 'home-token', tenantName: 'Contoso' },
            { tenantId: 'guest-id', token: 'guest-token', tenantName: 'Fabrikam' }] });
        assert.deepStrictEqual(calls[0], { scopes: ARM_SCOPES, options: { createIfNone: true } });
        assert.deepStrictEqual(calls.slice(1).map(c => c.options), [{ silent: true }, { silent: true }]);
        assert.deepStrictEqual(calls[2].scopes, ['https://management.azure.com/.default', 'VSCODE_TENANT:guest-id']);
    });

    it('lists a tenant without a session (or whose silent sign-in fails) to sign in to, and never prompts for it', async () => {
        const { getSession, calls } = signIn({ [ARM_SCOPES.join(' ')]: 'default-token', [tenantScopes('home-id').join(' ')]: 'home-token' });
        const failing: GetSession = (scopes, options) => scopes.includes('VSCODE_TENANT:broken')
            ? Promise.reject(new Error('interaction required')) : getSession(scopes, options);
        const sessions = await tenantSessions(failing, () => Promise.resolve([HOME, GUEST, { tenantId: 'broken', displayName: 'Broken' }]));
        assert.deepStrictEqual(sessions?.tokens.map(t => t.tenantId), ['home-id']);
        assert.deepStrictEqual(sessions?.needSignIn.map(t => t.tenantId), ['guest-id', 'broken']);
        assert.ok(calls.every(c => c.scopes.length === 1 || c.options.silent), 'a tenant session was asked for interactively');
    });

    it('signs in to the tenant asked for interactively, then takes every token again', async () => {
        const guestKey = tenantScopes('guest-id').join(' ');
        const { getSession, calls } = signIn({ [ARM_SCOPES.join(' ')]: 'default-token', [tenantScopes('home-id').join(' ')]: 'home-token' },
            { [guestKey]: 'guest-token' });
        const sessions = await tenantSessions(getSession, () => Promise.resolve([HOME, GUEST]), { signInTo: 'guest-id' });
        assert.deepStrictEqual(calls[0], { scopes: tenantScopes('guest-id'), options: { createIfNone: true } });
        assert.deepStrictEqual(sessions?.tokens.map(t => t.token), ['home-token', 'guest-token']);
        assert.deepStrictEqual(sessions?.needSignIn, []);
    });

    it('at start-up asks nothing: no VS Code session, no sign-in; a session, its tenants silently', async () => {
        const none = signIn({});
        assert.strictEqual(await tenantSessions(none.getSession, () => Promise.resolve([HOME]), { silent: true }), undefined);
        assert.deepStrictEqual(none.calls, [{ scopes: ARM_SCOPES, options: { silent: true } }]);
        const some = signIn({ [ARM_SCOPES.join(' ')]: 'default-token', [tenantScopes('home-id').join(' ')]: 'home-token' });
        const sessions = await tenantSessions(some.getSession, () => Promise.resolve([HOME, GUEST]), { silent: true });
        assert.deepStrictEqual(sessions?.tokens.map(t => t.tenantId), ['home-id']);
        assert.ok(some.calls.every(c => c.options.silent && !c.options.createIfNone));
    });

    it('hands over the default token when the account lists no tenant, and nothing when the user cancels', async () => {
        const { getSession } = signIn({ [ARM_SCOPES.join(' ')]: 'default-token' });
        assert.deepStrictEqual((await tenantSessions(getSession, () => Promise.resolve([])))?.tokens, [{ token: 'default-token' }]);
        assert.strictEqual(await tenantSessions(signIn({}).getSession, () => Promise.reject(new Error('not called'))), undefined);
    });

    it('offers a "Sign in to tenant" node per tenant, which the tree clicks into the tenant sign-in', () => {
        assert.deepStrictEqual(tenantSignInNodes([GUEST]).map(n => [n.id, n.label, n.contextValue, n.collapsible]),
            [['azure/tenant-sign-in/guest-id', 'Sign in to tenant Fabrikam', 'azureml.azureTenantSignIn', false]]);
    });
});
