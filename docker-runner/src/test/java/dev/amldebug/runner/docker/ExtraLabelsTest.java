package dev.amldebug.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExtraLabelsTest {
    @AfterEach
    void clearProperty() {
        System.clearProperty(ExtraLabels.PROPERTY);
    }

    @Test
    void readsKeyValuePairsSeparatedByCommasIgnoringBlanks() {
        assertThat(ExtraLabels.parse(" team=ml , owner = me,,empty=,url=http://x/?a=b ", ExtraLabels.VARIABLE))
                .containsExactly(Map.entry("team", "ml"), Map.entry("owner", "me"), Map.entry("empty", ""),
                        Map.entry("url", "http://x/?a=b"));
    }

    @Test
    void noValueOrABlankOneMeansNoLabels() {
        assertThat(ExtraLabels.parse(null, ExtraLabels.VARIABLE)).isEmpty();
        assertThat(ExtraLabels.parse("  ", ExtraLabels.VARIABLE)).isEmpty();
    }

    @Test
    void anEntryWithoutAKeyIsBadInputNamingItsSource() {
        for (String value : new String[] {"team", "=ml", "my team=ml"}) {
            assertThatThrownBy(() -> ExtraLabels.parse("a=b," + value, ExtraLabels.VARIABLE))
                    .isInstanceOfSatisfying(AmlDebugException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT))
                    .hasMessage("AML_DEBUG_LABELS: '" + value + "' is not KEY=VALUE; write the labels to add to"
                            + " aml-debug's containers, networks and images as key=value pairs separated by commas.");
        }
    }

    @Test
    void aKeyGivenTwiceIsBadInput() {
        assertThatThrownBy(() -> ExtraLabels.parse("team=a,team=b", ExtraLabels.VARIABLE))
                .isInstanceOf(AmlDebugException.class).hasMessageContaining("the label 'team' is given twice");
    }

    @Test
    void thePropertyIsReadAtEachCreationAndAddedToAmlDebugsOwnLabels() {
        System.setProperty(ExtraLabels.PROPERTY, "dev.amldebug.test=1");
        assertThat(ExtraLabels.with(Map.of("dev.amldebug.managed", "true")))
                .containsOnly(Map.entry("dev.amldebug.managed", "true"), Map.entry("dev.amldebug.test", "1"));

        System.setProperty(ExtraLabels.PROPERTY, "dev.amldebug.test=2");
        assertThat(ExtraLabels.with(Map.of())).containsOnly(Map.entry("dev.amldebug.test", "2"));
    }

    @Test
    void anEmptyPropertyStandsInForTheVariableWithNoLabels() {
        System.setProperty(ExtraLabels.PROPERTY, "");

        assertThat(ExtraLabels.with(Map.of("dev.amldebug.managed", "true"))).containsOnlyKeys("dev.amldebug.managed");
    }

    @Test
    void anExtraLabelMayNotReplaceOneAmlDebugSetsItself() {
        System.setProperty(ExtraLabels.PROPERTY, "dev.amldebug.run-id=other");

        assertThatThrownBy(() -> ExtraLabels.with(Map.of("dev.amldebug.run-id", "r1")))
                .isInstanceOf(AmlDebugException.class)
                .hasMessage("The system property aml-debug.labels: 'dev.amldebug.run-id' is a label aml-debug sets itself;"
                        + " leave it out and give labels of your own.");
    }
}
