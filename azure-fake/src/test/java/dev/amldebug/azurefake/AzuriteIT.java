package dev.amldebug.azurefake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.amldebug.azurefake.http.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AzuriteIT {
    @RegisterExtension
    static FakeAzureMlExtension azure = new FakeAzureMlExtension(FakeAzureMlOptions.defaults().withAzuriteAtStart());

    private final HttpClient blobs = HttpClient.newHttpClient();

    private HttpResponse<String> read(String url, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("x-ms-version", "2021-08-06");
        if (range != null) {
            request.header("Range", range);
        }
        return blobs.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aGrowingLogIsReadThroughItsSasUrlWithRangesOnlyForTheNewBytes() throws Exception {
        FakeAzureMl fake = azure.fake();
        FakeClient client = new FakeClient(fake);
        String w = fake.workspace().armId();
        fake.appendLog("job-0000", "user_logs/std_log.txt", "epoch 1\n".getBytes(StandardCharsets.UTF_8));

        JsonNode details = client.json("/history/v1.0" + w + "/runs/job-0000/details");
        String url = details.at("/logFiles/user_logs~1std_log.txt").asText();
        assertThat(url).contains("sig=").startsWith("http://127.0.0.1:");
        fake.resetBlobCounters();

        assertThat(read(url, "bytes=0-").body()).isEqualTo("epoch 1\n");
        HttpResponse<String> none = read(url, "bytes=8-");
        assertThat(none.statusCode()).as(none.headers().map() + " " + none.body()).isEqualTo(416);
        fake.appendLog("job-0000", "user_logs/std_log.txt", "epoch 2\n".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> more = read(url, "bytes=8-");
        assertThat(more.statusCode()).isEqualTo(206);
        assertThat(more.body()).isEqualTo("epoch 2\n");

        assertThat(fake.blobRanges()).containsExactly("bytes=0-", "bytes=8-", "bytes=8-");
        assertThat(fake.blobBytesServed()).isGreaterThanOrEqualTo(16).isLessThan(16 + 400);
    }

    @Test
    void outputsAreListedByTheArtifactsContentInfoAndPendingUploadsGetAWritableContainer() throws Exception {
        FakeAzureMl fake = azure.fake();
        FakeClient client = new FakeClient(fake);
        String w = fake.workspace().armId();
        fake.uploadOutput("job-0001", "outputs/model.pkl", new byte[] {1, 2, 3});
        JsonNode listing = client.json("/artifact/v2.0" + w + "/artifacts/prefix/contentinfo/ExperimentRun/dcid.job-0001?path=outputs/");
        assertThat(listing.get("value")).extracting(v -> v.get("path").asText()).containsExactly("outputs/model.pkl");
        assertThat(read(listing.get("value").get(0).get("contentUri").asText(), null).statusCode()).isEqualTo(200);

        HttpResponse<String> started = client.send("POST", w + "/codes/aml-debug-code/versions/abc/startPendingUpload?api-version=2024-10-01",
                "{\"pendingUploadType\": \"TemporaryBlobReference\"}");
        JsonNode upload = Json.parse(started.body().getBytes());
        String sas = upload.at("/blobReferenceForConsumption/credential/sasUri").asText();
        String blobUrl = sas.replace("?", "/train.py?");
        HttpResponse<String> put = blobs.send(HttpRequest.newBuilder(URI.create(blobUrl)).header("x-ms-blob-type", "BlockBlob")
                .header("x-ms-version", "2021-08-06").PUT(HttpRequest.BodyPublishers.ofString("print(1)")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(fake.blobs().blobNames(upload.get("pendingUploadId").asText())).containsExactly("train.py");
        assertThat(fake.pendingUploads()).isEqualTo(1);
    }
}
