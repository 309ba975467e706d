// What an azureml debug session asks the server for, and which run it debugs: pure, so that it is tested without
// VS Code. Besides the sessions the user starts (launch, attach by runId or host/port), a distributed run debugged
// through the debug hub has a child session per rank: its parent session sends startDebugging, VS Code starts an
// azureml attach of the configuration given there ({name: "rank 3 (node 1)", hubPort, hubTicket, rank, node, pid,
// pathMappings, justMyCode}), with no runId, and asks our descriptor factory for its adapter like any session's.
import { DebugAdapterEndpointParams } from './protocol';

/** The fields of an azureml launch or attach configuration that the extension reads. */
export interface AzureMlDebugConfiguration {
    request: string;
    runId?: unknown;
    hubTicket?: unknown;
}

/** Whether a configuration is a rank's child session, started by its hub's parent session (startDebugging). */
export function isRankSession(configuration: AzureMlDebugConfiguration): boolean {
    return configuration.request === 'attach' && typeof configuration.hubTicket === 'string';
}

/**
 * The azureml/debugAdapterEndpoint request for a session. An attach by runId gets that run's adapter (for a
 * distributed run, the hub's parent session). Everything else, a rank's child session included, gets the plain
 * adapter, which resolves the configuration when its launch or attach comes: the ticket of a child names the hub of
 * this server process (docs/protocol.md, "Child sessions").
 */
export function endpointParams(configuration: AzureMlDebugConfiguration): DebugAdapterEndpointParams {
    if (configuration.request !== 'attach' || isRankSession(configuration) || typeof configuration.runId !== 'string') {
        return {};
    }
    return { runId: configuration.runId };
}

/**
 * The run a session debugs, for the runs that a debugReady offer is no news to: an attach by runId (a rank's child
 * session belongs to its parent's run, which the parent stands for).
 */
export function debuggedRun(type: string, configuration: AzureMlDebugConfiguration): string | undefined {
    if (type !== 'azureml' || isRankSession(configuration) || typeof configuration.runId !== 'string') {
        return undefined;
    }
    return configuration.runId;
}
