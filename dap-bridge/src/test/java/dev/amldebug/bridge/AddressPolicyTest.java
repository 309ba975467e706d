package dev.amldebug.bridge;

import dev.amldebug.bridge.target.AddressPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.errors.ErrorKind;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {
    @Test
    void loopbackAndPrivateAddressesAreAllowed() {
        for (String host : new String[] {"127.0.0.1", "localhost", "::1", "10.0.0.4", "172.16.5.1", "192.168.1.20",
                "fd12:3456::1"}) {
            assertThatCode(() -> AddressPolicy.check(host, false)).as(host).doesNotThrowAnyException();
        }
    }

    @Test
    void publicAddressNeedsExplicitPermission() {
        assertThatThrownBy(() -> AddressPolicy.check("8.8.8.8", false)).isInstanceOf(AmlDebugException.class)
                .extracting(e -> ((AmlDebugException) e).kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThatThrownBy(() -> AddressPolicy.check("8.8.8.8", false))
                .hasMessageContaining("8.8.8.8 (8.8.8.8) is a public address").hasMessageContaining("--allow-public");
        assertThatCode(() -> AddressPolicy.check("8.8.8.8", true)).doesNotThrowAnyException();
    }

    @Test
    void theCloudMetadataAddressAndLinkLocalOnesAreRefused() {
        for (String host : new String[] {"169.254.169.254", "169.254.1.1", "fe80::1"}) {
            assertThatThrownBy(() -> AddressPolicy.check(host, false)).as(host).hasMessageContaining("link-local");
        }
        assertThatThrownBy(() -> AddressPolicy.check("169.254.169.254", false)).hasMessageContaining("metadata");
    }

    @Test
    void theWildcardAddressIsNamedForWhatItIs() {
        assertThatThrownBy(() -> AddressPolicy.check("0.0.0.0", false)).hasMessageContaining("wildcard address")
                .hasMessageNotContaining("public");
    }

    @Test
    void portsOutsideTcpsRangeAreRefused() {
        assertThat(AddressPolicy.checkPort(5678)).isEqualTo(5678);
        for (int port : new int[] {0, -1, 65536, 70000}) {
            assertThatThrownBy(() -> AddressPolicy.checkPort(port)).isInstanceOf(AmlDebugException.class)
                    .hasMessage("Port " + port + " is not a TCP port: give a number from 1 to 65535.");
        }
    }
}
