package dev.sesh.sim.http;

import dev.sesh.bytes.VirtualClock;
import dev.sesh.testing.HttpsBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plain HTTP server every boot of the article's app starts on device port 80 (http.listen_addr default). */
class HttpServiceTest {
    private final HttpsBoard b = new HttpsBoard(new VirtualClock());
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach void powerOff() { b.close(); }

    private String url() {
        var m = HttpService.MAPPING.matcher(b.log());
        String url = null;
        while (m.find()) if (m.group(1).equals("80")) url = m.group(2);
        assertTrue(url != null, b.log());
        return url;
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher p = body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        return client.send(HttpRequest.newBuilder(URI.create(url() + path)).method(method, p).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test void everyBootStartsThePlainServerOnPort80() {
        assertTrue(b.log().contains("HTTP server started on [80]\n"), b.log());
        assertTrue(url().startsWith("http://127.0.0.1:"), url());
    }

    @Test void getRootIsThePageWithIdAndUptime() throws Exception {
        HttpResponse<String> r = send("GET", "/", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<h1>" + b.board.identity().defaultDeviceId() + "</h1>"), r.body());
        assertTrue(r.body().contains(", up 0 s"), r.body());
    }

    @Test void unknownPathIs404AndOptionsIs400() throws Exception {
        assertEquals(404, send("GET", "/nope", null).statusCode());
        HttpResponse<String> r = send("OPTIONS", "/rpc", null);
        assertEquals(400, r.statusCode());
        assertEquals("Invalid request", r.body());
    }

    @Test void restPostTakesParamsAndAnswersTheResult() throws Exception {
        HttpResponse<String> r = send("POST", "/rpc/Config.Get", "{\"key\":\"http.listen_addr\"}");
        assertEquals(200, r.statusCode());
        assertEquals("\"80\"\r\n", r.body());
    }

    @Test void restGetInsertsQueryValuesRaw() throws Exception {
        HttpResponse<String> r = send("GET", "/rpc/Config.Get?key=%22device.id%22", null);
        assertEquals(200, r.statusCode());
        assertEquals("\"" + b.board.identity().defaultDeviceId() + "\"\r\n", r.body());
    }

    @Test void restErrorIsTheErrorObjectWithItsStatus() throws Exception {
        HttpResponse<String> r = send("POST", "/rpc/No.Such", "");
        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("No handler for No.Such"), r.body());
        HttpResponse<String> other = send("POST", "/rpc/FS.Get", "{\"filename\":\"nope.txt\"}");
        assertEquals(500, other.statusCode(), other.body());
        assertTrue(other.body().startsWith("{\"code\":400,"), other.body());
    }

    @Test void aRebootKeepsTheHostPort() {
        String before = url();
        int boots = b.board.boots();
        b.call("Config.Set", "{\"config\":{\"debug\":{\"level\":2}},\"save\":true,\"reboot\":true}");
        b.serve("x.pem"); // a second config change, then the reboot; x.pem only concerns port 443
        assertEquals(boots + 1, b.board.boots());
        assertEquals(before, url());
    }

    @Test void disabledServerLogsNothingAndListensNowhere() {
        b.call("Config.Set", "{\"config\":{\"http\":{\"enable\":false}},\"save\":true,\"reboot\":true}");
        int lines = b.log().split("HTTP server started").length;
        int boots = b.board.boots();
        b.serve("x.pem"); // another change, then the reboot
        assertEquals(boots + 1, b.board.boots());
        assertEquals(lines, b.log().split("HTTP server started").length, b.log());
    }

    @Test void listenAddrNamesItsPortInEveryForm() {
        assertEquals(OptionalInt.of(443), ListenAddr.port(":443"));
        assertEquals(OptionalInt.of(443), ListenAddr.port("0.0.0.0:443"));
        assertEquals(OptionalInt.of(80), ListenAddr.port("80"));
        assertEquals(OptionalInt.of(8080), ListenAddr.port("tcp://:8080"));
        assertEquals(OptionalInt.empty(), ListenAddr.port(":http"));
        assertEquals(OptionalInt.empty(), ListenAddr.port("70000"));
    }

    @Test void requestHeadIsReadUpToTheBlankLineAndItsSizeCounted() throws IOException {
        String raw = "POST /rpc HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}GET / HTTP/1.0\r\n\r\n";
        ByteArrayInputStream in = new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1));
        HttpExchange first = HttpExchange.read(in).orElseThrow();
        assertEquals("POST", first.method());
        assertEquals("{}", new String(first.body(), StandardCharsets.UTF_8));
        assertEquals(raw.indexOf("GET"), first.size());
        HttpExchange second = HttpExchange.read(in).orElseThrow();
        assertEquals("/", second.path());
        assertEquals(Optional.empty(), HttpExchange.read(in));
    }

    @Test void oversizedBodyIsRefusedWith413() {
        String raw = "POST /rpc HTTP/1.1\r\nContent-Length: " + (HttpExchange.MAX_BODY + 1) + "\r\n\r\n";
        HttpExchange.BadRequest e = assertThrows(HttpExchange.BadRequest.class,
                () -> HttpExchange.read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1))));
        assertEquals(413, e.status);
    }

    @Test void ecdhSlotsComeFromTheMaskLowestFirst() throws InterruptedException {
        EcdhSlots s = new EcdhSlots(0x0c);
        assertEquals(2, s.take());
        assertEquals(3, s.take());
        s.give(2);
        assertEquals(2, s.take());
        assertTrue(new EcdhSlots(0).isEmpty());
    }
}
