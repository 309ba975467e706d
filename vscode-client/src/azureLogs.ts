// An Azure ML job's log in an output channel that follows it live (azureml.azure.followLog), one
// channel per log file. Opening a log again starts it over; whatever still follows stops on deactivate.
import * as vscode from 'vscode';
import { ServerCommands } from './commands';
import { LogStreams } from './logStreams';
import { Palette } from './palette';
import { AzureLogParams, FollowLogResult, TreeNode } from './protocol';

export class AzureLogChannels implements vscode.Disposable {
    private readonly streams = new LogStreams();
    /** By the log node's id: its channel, and the stream that feeds it now. */
    private readonly channels = new Map<string, vscode.OutputChannel>();
    private readonly following = new Map<string, string>();

    constructor(private readonly palette: Palette) {}

    /** Fed by azureml/azureLog. */
    deliver(params: AzureLogParams): void {
        this.streams.deliver(params);
    }

    async follow(node: TreeNode): Promise<void> {
        const started = await this.palette.execute<FollowLogResult>(ServerCommands.followLog, { nodeId: node.id });
        await this.stop(node.id);
        let channel = this.channels.get(node.id);
        if (!channel) {
            channel = vscode.window.createOutputChannel(`Azure ML ${started.job}: ${started.file}`);
            this.channels.set(node.id, channel);
        }
        channel.clear();
        channel.show(true);
        this.following.set(node.id, started.streamId);
        this.streams.open(started.streamId, channel);
    }

    /** Stops every stream still followed; the server stops polling the logs. */
    async stopAll(): Promise<void> {
        await Promise.all([...this.following.keys()].map(nodeId => this.stop(nodeId)));
    }

    private async stop(nodeId: string): Promise<void> {
        const streamId = this.following.get(nodeId);
        this.following.delete(nodeId);
        if (streamId && this.streams.close(streamId)) {
            await this.palette.execute(ServerCommands.stopLog, { streamId });
        }
    }

    dispose(): void {
        this.channels.forEach(channel => channel.dispose());
    }
}
