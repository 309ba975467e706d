package dev.amldebug.server.debug;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.target.BridgeTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteTargetsTest {
    @Test
    void keepsTheNewestTargetsAndForgetsTheOldest() {
        RemoteTargets targets = new RemoteTargets();
        for (int i = 0; i <= RemoteTargets.KEPT; i++) {
            targets.put("azure:job-" + i, BridgeTarget.of("10.0.0.4", 5678, List.of()));
        }
        assertThat(targets.get("azure:job-0")).isEmpty();
        assertThat(targets.get("azure:job-1")).isPresent();
        assertThat(targets.get("azure:job-" + RemoteTargets.KEPT).orElseThrow().ownKeys()).containsAll(DapTargets.ATTACH_KEYS);
    }

    @Test
    void aSecondAttachToTheSameJobReplacesItsTargetAndKeepsItNewest() {
        RemoteTargets targets = new RemoteTargets();
        targets.put("azure:first", BridgeTarget.of("10.0.0.4", 5678, List.of()));
        for (int i = 1; i < RemoteTargets.KEPT; i++) {
            targets.put("azure:job-" + i, BridgeTarget.of("10.0.0.5", 5678, List.of()));
        }
        targets.put("azure:first", BridgeTarget.of("10.0.0.6", 5678, List.of()));
        targets.put("azure:one-more", BridgeTarget.of("10.0.0.7", 5678, List.of()));
        assertThat(targets.get("azure:first").orElseThrow().host()).isEqualTo("10.0.0.6");
        assertThat(targets.get("azure:job-1")).isEmpty();
    }
}
