package dev.amldebug.server.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import org.junit.jupiter.api.Test;

class NodeIdTest {
    @Test
    void aParsedIdNamesItsProviderAndPath() {
        NodeId id = NodeId.parse("local/runs/digits_1_a/outputs/model/weights.bin");
        assertThat(id.provider()).isEqualTo("local");
        assertThat(id.segment(0)).isEqualTo("runs");
        assertThat(id.segment(1)).isEqualTo("digits_1_a");
        assertThat(id.rest(3)).isEqualTo("model/weights.bin");
    }

    @Test
    void factoriesAndParsingRoundTrip() {
        NodeId built = NodeId.root("local").child("images", "aml-debug/env:0123456789ab");
        assertThat(built.toString()).isEqualTo("local/images/aml-debug/env:0123456789ab");
        assertThat(NodeId.parse(built.toString())).isEqualTo(built);
        assertThat(NodeId.parse("azureml")).isEqualTo(NodeId.root("azureml"));
        assertThat(NodeId.root("azureml").isRoot()).isTrue();
    }

    @Test
    void aMissingSegmentReadsAsEmpty() {
        assertThat(NodeId.parse("local/experiments").segment(1)).isEmpty();
        assertThat(NodeId.parse("local/experiments").rest(5)).isEmpty();
    }

    @Test
    void somethingThatIsNoIdIsNotFoundWithASentence() {
        assertThatThrownBy(() -> NodeId.parse("/runs")).isInstanceOfSatisfying(AmlDebugException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
            assertThat(e).hasMessage("No tree node '/runs'. Refresh the tree.");
        });
        assertThatThrownBy(() -> NodeId.parse("")).isInstanceOf(AmlDebugException.class);
    }
}
