import * as assert from 'assert';
import { defaultWorkspace } from '../src/defaultWorkspace';

const ID = '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';

describe('azureML.defaultWorkspaceId', () => {
    it('is a workspace ARM id, trimmed, whatever the case of its provider', () => {
        assert.deepStrictEqual(defaultWorkspace(` ${ID}/ `), { workspaceId: ID });
        assert.deepStrictEqual(defaultWorkspace(ID.replace('Microsoft.MachineLearningServices', 'microsoft.machinelearningservices')),
            { workspaceId: ID.replace('Microsoft.MachineLearningServices', 'microsoft.machinelearningservices') });
    });

    it('unset or blank means no default', () => {
        assert.deepStrictEqual(defaultWorkspace(undefined), {});
        assert.deepStrictEqual(defaultWorkspace('  '), {});
    });

    it('anything else is said in a sentence and ignored', () => {
        const result = defaultWorkspace('/subscriptions/0000/resourceGroups/rg');
        assert.strictEqual(result.workspaceId, undefined);
        assert.match(result.problem ?? '', /^azureML\.defaultWorkspaceId '.*' is not a workspace id .*: correct it in Settings/);
    });
});
