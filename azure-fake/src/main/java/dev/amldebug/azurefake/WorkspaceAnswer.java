package dev.amldebug.azurefake;

import dev.amldebug.azurefake.http.Response;
import dev.amldebug.azurefake.workspace.FakeWorkspace;

/** Answers a call in the workspace its path names, once that workspace is found. */
@FunctionalInterface
interface WorkspaceAnswer {
    Response apply(FakeWorkspace ws) throws Exception;
}
