package dev.amldebug.server.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GuideAddressTest {
    @Test
    void findsTheAddressTheGuidesScriptPrints() {
        assertThat(GuideAddress.in("ip_address: 10.0.0.4")).contains("10.0.0.4");
        assertThat(GuideAddress.in("ip_address:10.0.0.4\r")).contains("10.0.0.4");
        assertThat(GuideAddress.in("2024-11-30 INFO ip_address: 172.18.0.2 (node 0)")).contains("172.18.0.2");
        assertThat(GuideAddress.in("ip_address: fd00::12")).contains("fd00::12");
    }

    @Test
    void otherLinesNameNoAddress() {
        assertThat(GuideAddress.in("epoch 1 loss 0.3")).isEmpty();
        assertThat(GuideAddress.in("my_ip_address: 10.0.0.4")).isEmpty();
        assertThat(GuideAddress.in("ip_address: unknown")).isEmpty();
    }

    @Test
    void theFirstOfSeveralLinesWins() {
        assertThat(GuideAddress.first("starting\nip_address: 10.0.0.5\nip_address: 10.0.0.6\n")).contains("10.0.0.5");
    }
}
