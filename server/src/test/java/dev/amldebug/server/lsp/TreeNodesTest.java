package dev.amldebug.server.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.server.lsp.Protocol.TreeNode;
import dev.amldebug.server.tree.Children;
import dev.amldebug.server.tree.Node;
import dev.amldebug.server.tree.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeNodesTest {
    private final NodeId runs = NodeId.parse("azureml/experiments/e1");

    @Test
    void aRunNodeCarriesItsRunIdAndStatusAsFields() {
        Node run = new Node(runs.child("r1"), "r1", "Completed", "run", "completed", true, null, null, "r1", null);
        TreeNode wire = TreeNodes.wire(run);
        assertThat(wire.id()).isEqualTo("azureml/experiments/e1/r1");
        assertThat(wire.runId()).isEqualTo("r1");
        assertThat(wire.contextValue()).isEqualTo("azureml.run.completed");
    }

    @Test
    void aFurtherPageBecomesALoadMoreNodeThatNamesItsParentAndPage() {
        Children page = new Children(List.of(Node.folder(runs.child("r1"), "r1", "run")), "token-2");
        List<TreeNode> wire = TreeNodes.wire(runs, page);
        assertThat(wire).hasSize(2);
        TreeNode more = wire.get(1);
        assertThat(more.kind()).isEqualTo("more");
        assertThat(more.pageOf()).isEqualTo("azureml/experiments/e1");
        assertThat(more.page()).isEqualTo("token-2");
        assertThat(more.id()).isNotEqualTo(more.pageOf());
    }

    @Test
    void theLastPageHasNoLoadMoreNode() {
        assertThat(TreeNodes.wire(runs, Children.all(List.of()))).isEmpty();
    }
}
