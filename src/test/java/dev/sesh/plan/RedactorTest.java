package dev.sesh.plan;

import java.util.List;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactorTest {

    @Test
    void hidesSetKeyKeyAndWriteKeyAsByteCounts() {
        String key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        assertEquals("{\"method\":\"ATCA.SetKey\",\"params\":{\"key\":\"<redacted 32 bytes>\",\"slot\":4,\"wkey\":\"<redacted 32 bytes>\",\"wkslot\":1}}",
                new Redactor().json("{\"method\":\"ATCA.SetKey\",\"params\":{\"key\":\"" + key + "\",\"slot\":4,\"wkey\":\"" + key + "\",\"wkslot\":1}}"));
    }

    @Test
    void hidesWifiPasswordInNestedConfig() {
        assertEquals("{\"params\":{\"config\":{\"wifi\":{\"sta\":{\"pass\":\"<redacted 6 bytes>\",\"ssid\":\"lab\"}}}}}",
                new Redactor().json("{\"params\":{\"config\":{\"wifi\":{\"sta\":{\"pass\":\"s3cret\",\"ssid\":\"lab\"}}}}}"));
    }

    @Test
    void hidesI2cWriteDataToChipAddressOnly() {
        assertEquals("{\"method\":\"I2C.Write\",\"params\":{\"addr\":96,\"data_hex\":\"<redacted 3 bytes>\"}}",
                new Redactor().json("{\"method\":\"I2C.Write\",\"params\":{\"addr\":96,\"data_hex\":\"030711\"}}"));
        assertEquals("{\"method\":\"I2C.Write\",\"params\":{\"addr\":80,\"data_hex\":\"0011\"}}",
                new Redactor().json("{\"method\":\"I2C.Write\",\"params\":{\"addr\":80,\"data_hex\":\"0011\"}}"));
    }

    @Test
    void appliesCallerRule() {
        assertEquals("{\"params\":{\"digest\":\"<redacted 4 bytes>\"}}",
                new Redactor((m, parent, field) -> field.equals("digest")).json("{\"params\":{\"digest\":\"AAECAw==\"}}"));
    }

    @Test
    void showsNothingOfTextThatIsNotJson() {
        assertEquals("<not JSON, 13 chars>", new Redactor().json("{\"key\":\"abcd\""));
    }

    @Test
    void configKeyIsAPathNotASecretButAPasswordValueIs() {
        String get = new Redactor().json("{\"id\":1,\"method\":\"Config.Get\",\"params\":{\"key\":\"wifi.ap.pass\"}}");
        org.junit.jupiter.api.Assertions.assertTrue(get.contains("wifi.ap.pass"), get);
        String set = new Redactor().json("{\"id\":2,\"method\":\"Config.Set\",\"params\":{\"key\":\"wifi.sta.pass\",\"value\":\"s3cret\"}}");
        org.junit.jupiter.api.Assertions.assertTrue(set.contains("wifi.sta.pass") && !set.contains("s3cret"), set);
        String plain = new Redactor().json("{\"id\":3,\"method\":\"Config.Set\",\"params\":{\"key\":\"http.listen_addr\",\"value\":\":443\"}}");
        org.junit.jupiter.api.Assertions.assertTrue(plain.contains(":443"), plain);
        String setKey = new Redactor().json("{\"id\":4,\"method\":\"ATCA.SetKey\",\"params\":{\"slot\":4,\"key\":\"q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k=\"}}");
        org.junit.jupiter.api.Assertions.assertTrue(setKey.contains("<redacted 32 bytes>"), setKey);
    }

    // Issue 16 rows 5 and 9: by what the firmware reads, not by exact spelling.
    @Test
    void fieldNamesMethodsAndAddressesMatchAsTheFirmwareReadsThem() {
        String hex = "03".repeat(40);
        for (String frame : List.of(
                "{\"method\":\"I2C.Write\",\"params\":{\"addr\":96,\"DATA_HEX\":\"" + hex + "\"}}",
                "{\"method\":\"i2c.write\",\"params\":{\"addr\":\"0x60\",\"data_hex\":\"" + hex + "\"}}",
                "{\"method\":\"I2C.Write\",\"params\":{\"addr\":96.0,\"data_hex\":\"" + hex + "\"}}",
                "{\"method\":\"I2C.Write\",\"params\":{\"Addr\":\"96\",\"Data_Hex\":\"" + hex + "\"}}",
                "{\"method\":\"ATCA.SetKey\",\"params\":{\"slot\":4,\"KEY\":\"" + hex + "\",\"WKey\":\"" + hex + "\"}}")) {
            String shown = new Redactor().json(frame);
            assertFalse(shown.contains(hex), shown);
            assertTrue(shown.contains("<redacted"), shown);
        }
    }

    @Test
    void fsPutOfAKeyFileIsHiddenInEveryChunkButOtherFilesShow() {
        String pem = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIGstn0DIHnOl0PS34pw2odheD3tDwqkWjX5bMPShyNYp\n-----END EC PRIVATE KEY-----\n";
        String b64 = Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
        Redactor r = new Redactor();
        String first = r.json("{\"method\":\"FS.Put\",\"params\":{\"filename\":\"k.pem.tmp\",\"offset\":0,\"data\":\"" + b64 + "\"}}");
        String later = r.json("{\"method\":\"FS.Put\",\"params\":{\"filename\":\"k.pem.tmp\",\"offset\":99,\"data\":\"QUJD\"}}");
        assertFalse(first.contains(b64.substring(0, 20)), first);
        assertTrue(later.contains("<redacted 3 bytes>"), later);
        String secret32 = Base64.getEncoder().encodeToString(new byte[32]);
        assertTrue(new Redactor().json("{\"method\":\"FS.Put\",\"params\":{\"filename\":\"wk\",\"data\":\"" + secret32 + "\"}}").contains("<redacted 32 bytes>"));
        String hex = Base64.getEncoder().encodeToString(("ab".repeat(32) + "\n").getBytes(StandardCharsets.US_ASCII));
        assertTrue(new Redactor().json("{\"method\":\"FS.Put\",\"params\":{\"filename\":\"wk.hex\",\"data\":\"" + hex + "\"}}").contains("<redacted"));
        String conf = Base64.getEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.US_ASCII));
        assertTrue(new Redactor().json("{\"method\":\"FS.Put\",\"params\":{\"filename\":\"conf9.json\",\"data\":\"" + conf + "\"}}").contains(conf));
    }

    @Test
    void callParamsHideSecretFieldsInAnyCase() {
        String p = Redactor.params("{\"addr\":96,\"DATA_HEX\":\"0011\",\"Key\":\"q83v\",\"key2\":1}");
        assertEquals("{\"addr\":96,\"DATA_HEX\":\"(redacted)\",\"Key\":\"(redacted)\",\"key2\":1}", p);
        assertEquals("{\"key\":\"(redacted)\",\"value\":\"(redacted)\"}", Redactor.params("{\"key\":\"wifi.sta.pass\",\"value\":\"pw\"}"));
    }

    @Test
    void errorTextLosesArgumentValuesButKeepsTheReason() {
        String groovy = "No signature of method: dev.sesh.atca.Atecc.writeKey() is applicable for argument types: (Integer, String) values: [4, 4a1c9e0b7d3f62a85517c0e4b9d2f36e]\nPossible solutions: writeKey(int, SecretBytes)";
        String shown = Redactor.errorText(groovy);
        assertFalse(shown.contains("4a1c9e0b"), shown);
        assertTrue(shown.contains("argument types: (Integer, String)") && shown.contains("Possible solutions"), shown);
        assertFalse(Redactor.errorText("Cannot cast object '[74, 28, -98, 11, 125, 63, 98, -88]' with class 'byte[]'").contains("125"));
        assertEquals("bad <64 hex digits> here", Redactor.errorText("bad " + "ab".repeat(32) + " here"));
    }
}
