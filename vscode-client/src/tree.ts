// The Azure ML view: every node comes from azureml/treeChildren.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { AZURE_ROOT_ID, azureClick } from './azure';
import { iconSpec } from './icons';
import { TreeChildrenRequest, TreeNode } from './protocol';

export class AzureMlTree implements vscode.TreeDataProvider<TreeNode> {
    private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    private readonly known = new Map<string, TreeNode>();
    /** What the Azure root's children become (AzureActions.azureRoot: "Sign in to tenant X" nodes added). */
    azureRoot: (children: TreeNode[]) => TreeNode[] = children => children;

    constructor(private readonly client: LanguageClient) {}

    /** Refreshes one node (by id) or the whole tree. */
    refresh(nodeId?: string): void {
        this.changed.fire(nodeId ? this.known.get(nodeId) : undefined);
    }

    async getChildren(node?: TreeNode): Promise<TreeNode[]> {
        const request = node?.kind === 'more' ? { nodeId: node.pageOf, page: node.page } : { nodeId: node?.id };
        const answered = await this.client.sendRequest(TreeChildrenRequest, request);
        const children = node?.id === AZURE_ROOT_ID ? this.azureRoot(answered) : answered;
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
        item.command ??= azureClick(node);
        item.iconPath = iconFor(node);
        return item;
    }
}

function iconFor(node: TreeNode): vscode.ThemeIcon | undefined {
    const spec = iconSpec(node.contextValue);
    return spec && new vscode.ThemeIcon(spec.id, spec.color ? new vscode.ThemeColor(spec.color) : undefined);
}
