package dev.sesh.shell;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretAwareHistoryTest {
    @Test
    void hexLiteralOf32BytesIsSecret() {
        assertTrue(SecretAwareHistory.holdsSecret("atca write 4 " + "ab".repeat(32)));
        assertTrue(SecretAwareHistory.holdsSecret("x = bytes('0x" + "0F".repeat(32) + "')"));
    }

    @Test
    void spacedHexOf32BytesIsSecret() {
        assertTrue(SecretAwareHistory.holdsSecret("i2c write 0x60 " + "de ".repeat(31) + "de"));
    }

    @Test
    void base64Of32BytesIsSecret() {
        assertTrue(SecretAwareHistory.holdsSecret("call ATCA.SetKey {\"slot\":4,\"key\":\"q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k=\"}"));
    }

    @Test
    void passwordGivenToAConfigKeyIsSecret() {
        assertTrue(SecretAwareHistory.holdsSecret("config set wifi.sta.pass=Tr0ub4dor&3"));
        assertTrue(SecretAwareHistory.holdsSecret("config set wifi.ap.pass = hunter2"));
        assertTrue(SecretAwareHistory.holdsSecret("config.set(['wifi.sta.pass': 'hunter2'])"));
        assertFalse(SecretAwareHistory.holdsSecret("config get wifi.sta.pass"));
        assertFalse(SecretAwareHistory.holdsSecret("config set wifi.sta.ssid=lab"));
    }

    @Test
    void ordinaryCommandsAreKept() {
        assertFalse(SecretAwareHistory.holdsSecret("call Sys.GetInfo"));
        assertFalse(SecretAwareHistory.holdsSecret("i2c write 0x50 00 01 02 03"));
        assertFalse(SecretAwareHistory.holdsSecret("config set http.ssl_cert=ecc.crt.pem http.ssl_key=ATCA:0"));
        assertFalse(SecretAwareHistory.holdsSecret("atca sign 0 " + "ab".repeat(31)));
    }

    @Test
    void secretLineNeverReachesTheHistoryList() {
        SecretAwareHistory h = new SecretAwareHistory();
        h.add("info");
        h.add("atca write 8 " + "cd".repeat(32));
        h.add("status");
        assertTrue(h.size() == 2, "only the two plain lines are kept, got " + h.size());
    }
}
