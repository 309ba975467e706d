package dev.amldebug.server.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import dev.amldebug.runner.docker.DockerUnavailableException;
import dev.amldebug.runner.run.RunNotFoundException;
import dev.amldebug.runner.yaml.SpecException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.junit.jupiter.api.Test;

class LspErrorsTest {
    @Test
    void badInputIsInvalidParamsWithTheSentence() {
        ResponseError error = LspErrors.toResponseError(new CompletionException(
                new SpecException(Path.of("job.yml"), 3, 1, "unknown key 'comand'")));
        assertThat(error.getCode()).isEqualTo(ResponseErrorCode.InvalidParams.getValue());
        assertThat(error.getMessage()).isEqualTo("job.yml:3:1: unknown key 'comand'");
        assertThat(error.getData()).isEqualTo(Map.of("kind", "BAD_INPUT"));
    }

    @Test
    void notFoundIsInvalidParamsToo() {
        ResponseError error = LspErrors.toResponseError(new RunNotFoundException("x_1_2", Path.of("/w/.azureml/runs")));
        assertThat(error.getCode()).isEqualTo(ResponseErrorCode.InvalidParams.getValue());
        assertThat(error.getData()).isEqualTo(Map.of("kind", "NOT_FOUND"));
    }

    @Test
    void anEnvironmentProblemIsAnInternalErrorCodeWithItsSentence() {
        ResponseError error = LspErrors.toResponseError(new DockerUnavailableException("Docker is not running.", null));
        assertThat(error.getCode()).isEqualTo(ResponseErrorCode.InternalError.getValue());
        assertThat(error.getMessage()).isEqualTo("Docker is not running.");
        assertThat(error.getData()).isEqualTo(Map.of("kind", "ENVIRONMENT"));
    }

    @Test
    void aNumberFormatExceptionIsOurBugNotTheUsersInput() {
        ResponseError error = LspErrors.toResponseError(new CompletionException(new NumberFormatException("For input \"x\"")));
        assertThat(error.getCode()).isEqualTo(ResponseErrorCode.InternalError.getValue());
        assertThat(error.getMessage()).startsWith("aml-debug failed unexpectedly").contains("please report it")
                .doesNotContain("java.lang");
        assertThat(error.getData()).isEqualTo(Map.of("kind", ErrorKind.INTERNAL.name()));
    }

    @Test
    void anyKindOfOursKeepsItsMessage() {
        ResponseError error = LspErrors.toResponseError(AmlDebugException.notFound("No tree node 'x'. Refresh the tree."));
        assertThat(error.getMessage()).isEqualTo("No tree node 'x'. Refresh the tree.");
    }
}
