// The Azure ML view: every node comes from azureml/treeChildren.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { TreeChildrenRequest, TreeNode } from './protocol';

export class AzureMlTree implements vscode.TreeDataProvider<TreeNode> {
    private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    private readonly known = new Map<string, TreeNode>();

    constructor(private readonly client: LanguageClient) {}

    /** Refreshes one node (by id) or the whole tree. */
    refresh(nodeId?: string): void {
        this.changed.fire(nodeId ? this.known.get(nodeId) : undefined);
    }

    async getChildren(node?: TreeNode): Promise<TreeNode[]> {
        const request = node?.kind === 'more' ? { nodeId: node.pageOf, page: node.page } : { nodeId: node?.id };
        const children = await this.client.sendRequest(TreeChildrenRequest, request);
        children.forEach(child => this.known.set(child.id, child));
        return children;
    }

    getTreeItem(node: TreeNode): vscode.TreeItem {
        const item = new vscode.TreeItem(node.label,
            node.collapsible ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = node.description;
        item.tooltip = node.tooltip;
        item.contextValue = node.contextValue;
        if (node.resourceUri) {
            item.resourceUri = vscode.Uri.parse(node.resourceUri);
            if (!node.collapsible) {
                item.command = { command: 'vscode.open', title: 'Open', arguments: [item.resourceUri] };
            }
        }
        item.iconPath = iconFor(node);
        return item;
    }
}

function iconFor(node: TreeNode): vscode.ThemeIcon | undefined {
    switch (node.contextValue) {
        case 'azureml.run.running': return new vscode.ThemeIcon('play-circle', new vscode.ThemeColor('debugIcon.startForeground'));
        case 'azureml.run.completed': return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
        case 'azureml.run.failed': return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
        case 'azureml.run.canceled': return new vscode.ThemeIcon('circle-slash');
        case 'azureml.run.queued':
        case 'azureml.run.preparing': return new vscode.ThemeIcon('loading~spin');
        case 'azureml.experiment': return new vscode.ThemeIcon('beaker');
        case 'azureml.log': return new vscode.ThemeIcon('output');
        case 'azureml.image': return new vscode.ThemeIcon('package');
        case 'azureml.message': return new vscode.ThemeIcon('warning');
        case 'azureml.brokenRun': return new vscode.ThemeIcon('warning', new vscode.ThemeColor('testing.iconFailed'));
        case 'azureml.outputLink': return new vscode.ThemeIcon('link');
        case 'azureml.more': return new vscode.ThemeIcon('ellipsis');
        case 'azureml.signIn': return new vscode.ThemeIcon('account');
        case 'azureml.deployment.healthy': return new vscode.ThemeIcon('server-process', new vscode.ThemeColor('testing.iconPassed'));
        case 'azureml.deployment.starting': return new vscode.ThemeIcon('loading~spin');
        case 'azureml.deployment.unhealthy':
        case 'azureml.deployment.failed': return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
        case 'azureml.deployment.stopped': return new vscode.ThemeIcon('circle-slash');
        default: return undefined;
    }
}
