package dev.amldebug.azurefake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeTenantsTest {
    private FakeAzureMl fake;
    private FakeClient client;

    @BeforeEach
    void start() throws IOException {
        fake = FakeAzureMl.start();
        client = new FakeClient(fake);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void listsEveryTenantOfTheAccountAsTenantsListDoes() throws Exception {
        JsonNode tenants = client.withToken(fake.guestToken()).json("/tenants?api-version=2022-12-01");
        assertThat(ids(tenants, "tenantId")).containsExactly(FakeToken.TENANT_ID, FakeToken.GUEST_TENANT_ID);
        JsonNode home = tenants.get("value").get(0);
        assertThat(home.get("id").asText()).isEqualTo("/tenants/" + FakeToken.TENANT_ID);
        assertThat(home.get("tenantCategory").asText()).isEqualTo("Home");
        assertThat(home.get("defaultDomain").asText()).isNotEmpty();
    }

    @Test
    void listsOnlyTheSubscriptionsOfTheTokensTenant() throws Exception {
        JsonNode home = client.json("/subscriptions?api-version=2022-12-01");
        JsonNode guest = client.withToken(fake.guestToken()).json("/subscriptions?api-version=2022-12-01");
        assertThat(ids(home, "subscriptionId")).containsExactly(fake.options().subscriptionId());
        assertThat(ids(guest, "subscriptionId")).containsExactly(fake.guestSubscriptionId());
        assertThat(guest.get("value").get(0).get("tenantId").asText()).isEqualTo(FakeToken.GUEST_TENANT_ID);
    }

    @Test
    void aSubscriptionRefusesATokenOfAnotherTenantAsResourceManagerDoes() throws Exception {
        String guestWorkspaces = "/subscriptions/" + fake.guestSubscriptionId()
                + "/providers/Microsoft.MachineLearningServices/workspaces?api-version=2024-10-01";
        HttpResponse<String> refused = client.get(guestWorkspaces);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("\"code\":\"InvalidAuthenticationTokenTenant\"")
                .contains("It must match the tenant 'https://sts.windows.net/" + FakeToken.GUEST_TENANT_ID + "/'");
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).contains("https://login.windows.net/" + FakeToken.GUEST_TENANT_ID));
        assertThat(client.withToken(fake.guestToken()).get(guestWorkspaces).statusCode()).isEqualTo(200);
        assertThat(client.withToken(fake.guestToken()).get(fake.workspace().armId() + "?api-version=2024-10-01").statusCode())
                .isEqualTo(401);
    }

    private static List<String> ids(JsonNode list, String field) {
        List<String> ids = new ArrayList<>();
        list.get("value").forEach(item -> ids.add(item.get(field).asText()));
        return ids;
    }
}
