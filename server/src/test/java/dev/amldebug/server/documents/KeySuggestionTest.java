package dev.amldebug.server.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class KeySuggestionTest {
    private static final Set<String> JOB = Set.of("code", "command", "environment", "inputs", "outputs", "experiment_name",
            "environment_variables", "compute", "display_name");

    @Test
    void aTypoMeansTheNearestKey() {
        assertThat(KeySuggestion.nearest("comand", JOB)).hasValue("command");
        assertThat(KeySuggestion.nearest("enviroment", JOB)).hasValue("environment");
        assertThat(KeySuggestion.nearest("Inputs", JOB)).hasValue("inputs");
        assertThat(KeySuggestion.nearest("ouptuts", JOB)).as("two letters swapped").hasValue("outputs");
    }

    @Test
    void aKeyFarFromEveryKnownOneHasNoSuggestion() {
        assertThat(KeySuggestion.nearest("resources_limits", JOB)).isEmpty();
        assertThat(KeySuggestion.nearest("xyz", JOB)).isEmpty();
    }
}
