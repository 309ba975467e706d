package dev.amldebug.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class SentencesTest {
    @Test
    void wrappersAndClassNamesAreTakenOff() {
        Exception wrapped = new ExecutionException(new RuntimeException(
                "org.eclipse.lsp4j.jsonrpc.ResponseErrorException: Could not reach debugpy at 127.0.0.1:1"));
        assertThat(Sentences.of(wrapped)).isEqualTo("Could not reach debugpy at 127.0.0.1:1");
        assertThat(Sentences.of(new CompletionException(new IllegalStateException("boom")))).isEqualTo("boom");
    }

    @Test
    void aFailureWithoutWordsStillGetsASentence() {
        assertThat(Sentences.of(new NullPointerException())).isEqualTo("an unexpected error, with no message");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        assertThat(Sentences.of(new RuntimeException("train.py:3: e.g. this: that"))).isEqualTo("train.py:3: e.g. this: that");
    }
}
