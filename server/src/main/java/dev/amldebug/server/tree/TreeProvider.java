package dev.amldebug.server.tree;

/**
 * A source of the Azure ML tree: the local run store, and later an Azure ML workspace. It owns
 * every node whose id names it; the {@link WorkspaceTree} routes requests to it.
 */
public interface TreeProvider {
    /** The first segment of the ids of this provider's nodes. */
    String name();

    /** The provider's own top node, shown at the root of the tree. */
    Node root();

    /** Whether the provider can list anything now; a signed-out one shows a sign-in node instead. */
    default boolean signedIn() {
        return true;
    }

    /** What a signed-out provider shows under {@code under}: a node that signs in when clicked. */
    default Node signInNode(NodeId under) {
        return new Node(under.child("sign-in"), "Sign in to see this", null, "signIn", null, false, null,
                "Signed out: sign in, then refresh the tree.", null, null);
    }

    /** The children of one of this provider's nodes. May be slow: runs off the message thread. */
    Children children(NodeId id, TreeRequest request);
}
