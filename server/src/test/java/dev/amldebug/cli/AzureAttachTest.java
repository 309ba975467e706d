package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.bridge.target.BridgeTarget;
import dev.amldebug.bridge.target.PathMapping;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import dev.amldebug.server.azure.GuideAttach;
import dev.amldebug.server.debug.HostTarget;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The address choice and the messages of `azure attach`, with no Azure ML and no Docker. */
class AzureAttachTest {
    @Test
    void aPublicAddressFromTheLogIsRefusedWithoutAllowPublic() {
        assertThatThrownBy(() -> HostTarget.of("20.42.0.7", 5678, List.of(GuideAttach.GUIDE_MAPPING), false, false))
                .isInstanceOf(AmlDebugException.class).hasMessageContaining("public address").hasMessageContaining("--allow-public");
        assertThat(HostTarget.of("20.42.0.7", 5678, List.of(GuideAttach.GUIDE_MAPPING), true, false).host()).isEqualTo("20.42.0.7");
    }

    @Test
    void aPrivateAddressIsTakenAndTheGuidesMappingIsTheCurrentFolderToTheWorkingDirectory() {
        BridgeTarget target = HostTarget.of("10.0.0.4", 5678, List.of(GuideAttach.GUIDE_MAPPING), false, false);
        assertThat(target.pathMappings()).containsExactly(new PathMapping(Path.of("").toAbsolutePath().toString(), "."));
        assertThat(HostTarget.localRoot(List.of(GuideAttach.GUIDE_MAPPING))).isEqualTo(Path.of("").toAbsolutePath());
    }

    @Test
    void anUnreachableNodeIsExplainedAsAReachabilityNeed() {
        AmlDebugException error = GuideAttach.unreachable(BridgeTarget.of("10.0.0.4", 5678, List.of()));
        assertThat(error.kind()).isEqualTo(ErrorKind.ENVIRONMENT);
        assertThat(error.getMessage()).contains("10.0.0.4:5678").contains("must be reachable from this machine")
                .contains("virtual network").contains("VPN").contains("compute instance");
        assertThat(ConsoleAttach.unreachable(new IllegalStateException("wrapped",
                new RuntimeException("Could not reach debugpy at 10.0.0.4:5678 within 30 s")))).isTrue();
        assertThat(ConsoleAttach.unreachable(new RuntimeException("something else"))).isFalse();
    }
}
