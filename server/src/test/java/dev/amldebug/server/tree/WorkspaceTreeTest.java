package dev.amldebug.server.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.AmlDebugException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkspaceTreeTest {
    /** A provider that records what it was asked and answers in pages of two. */
    private static final class PagedProvider implements TreeProvider {
        final String name;
        final List<NodeId> asked = new ArrayList<>();
        boolean signedIn = true;

        PagedProvider(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Node root() {
            return Node.folder(NodeId.root(name), name, "workspace");
        }

        @Override
        public boolean signedIn() {
            return signedIn;
        }

        @Override
        public Children children(NodeId id, TreeRequest request) {
            asked.add(id);
            int from = request.page() == null ? 0 : Integer.parseInt(request.page());
            List<Node> page = List.of(Node.folder(id.child("n" + from), "n" + from, "item"),
                    Node.folder(id.child("n" + (from + 1)), "n" + (from + 1), "item"));
            return new Children(page, from + 2 < 5 ? String.valueOf(from + 2) : null);
        }
    }

    private final PagedProvider local = new PagedProvider("local");
    private final PagedProvider azure = new PagedProvider("azureml");
    private final WorkspaceTree tree = new WorkspaceTree(List.of(local, azure));

    @Test
    void theRootShowsEachProvidersTopNode() {
        assertThat(tree.roots()).extracting(node -> node.id().toString()).containsExactly("local", "azureml");
    }

    @Test
    void aRequestGoesToTheProviderItsIdNames() {
        tree.children(NodeId.parse("azureml/subscriptions/s1"), TreeRequest.firstPage());
        assertThat(azure.asked).containsExactly(NodeId.parse("azureml/subscriptions/s1"));
        assertThat(local.asked).isEmpty();
    }

    @Test
    void pagesFollowTheProvidersContinuation() {
        NodeId experiments = NodeId.parse("azureml/experiments");
        Children first = tree.children(experiments, TreeRequest.firstPage());
        Children second = tree.children(experiments, new TreeRequest(first.nextPage(), () -> false));
        Children last = tree.children(experiments, new TreeRequest(second.nextPage(), () -> false));
        assertThat(first.nodes()).extracting(Node::label).containsExactly("n0", "n1");
        assertThat(second.nodes()).extracting(Node::label).containsExactly("n2", "n3");
        assertThat(last.nextPage()).isNull();
    }

    @Test
    void aSignedOutProviderShowsASignInNodeAndIsNotAsked() {
        azure.signedIn = false;
        Children children = tree.children(NodeId.parse("azureml/experiments"), TreeRequest.firstPage());
        assertThat(children.nodes()).singleElement().satisfies(node -> {
            assertThat(node.kind()).isEqualTo("signIn");
            assertThat(node.tooltip()).contains("sign in");
        });
        assertThat(azure.asked).isEmpty();
    }

    @Test
    void anUnknownProviderIsNotFound() {
        assertThatThrownBy(() -> tree.children(NodeId.parse("cloud/x"), TreeRequest.firstPage()))
                .isInstanceOf(AmlDebugException.class).hasMessageContaining("No tree node 'cloud/x'");
    }
}
