package dev.sesh.rpc.frame;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RedactTest {

    @Test
    void hidesSetKeyKeyAndWriteKeyAsByteCounts() {
        String key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        assertEquals("{\"method\":\"ATCA.SetKey\",\"params\":{\"key\":\"<redacted 32 bytes>\",\"slot\":4,\"wkey\":\"<redacted 32 bytes>\",\"wkslot\":1}}",
                Redact.json("{\"method\":\"ATCA.SetKey\",\"params\":{\"key\":\"" + key + "\",\"slot\":4,\"wkey\":\"" + key + "\",\"wkslot\":1}}"));
    }

    @Test
    void hidesWifiPasswordInNestedConfig() {
        assertEquals("{\"params\":{\"config\":{\"wifi\":{\"sta\":{\"pass\":\"<redacted 6 bytes>\",\"ssid\":\"lab\"}}}}}",
                Redact.json("{\"params\":{\"config\":{\"wifi\":{\"sta\":{\"pass\":\"s3cret\",\"ssid\":\"lab\"}}}}}"));
    }

    @Test
    void hidesI2cWriteDataToChipAddressOnly() {
        assertEquals("{\"method\":\"I2C.Write\",\"params\":{\"addr\":96,\"data_hex\":\"<redacted 3 bytes>\"}}",
                Redact.json("{\"method\":\"I2C.Write\",\"params\":{\"addr\":96,\"data_hex\":\"030711\"}}"));
        assertEquals("{\"method\":\"I2C.Write\",\"params\":{\"addr\":80,\"data_hex\":\"0011\"}}",
                Redact.json("{\"method\":\"I2C.Write\",\"params\":{\"addr\":80,\"data_hex\":\"0011\"}}"));
    }

    @Test
    void appliesCallerRule() {
        assertEquals("{\"params\":{\"digest\":\"<redacted 4 bytes>\"}}",
                Redact.json("{\"params\":{\"digest\":\"AAECAw==\"}}", (m, parent, field) -> field.equals("digest")));
    }

    @Test
    void showsNothingOfTextThatIsNotJson() {
        assertEquals("<not JSON, 13 chars>", Redact.json("{\"key\":\"abcd\""));
    }

    @Test
    void configKeyIsAPathNotASecretButAPasswordValueIs() {
        String get = Redact.json("{\"id\":1,\"method\":\"Config.Get\",\"params\":{\"key\":\"wifi.ap.pass\"}}");
        org.junit.jupiter.api.Assertions.assertTrue(get.contains("wifi.ap.pass"), get);
        String set = Redact.json("{\"id\":2,\"method\":\"Config.Set\",\"params\":{\"key\":\"wifi.sta.pass\",\"value\":\"s3cret\"}}");
        org.junit.jupiter.api.Assertions.assertTrue(set.contains("wifi.sta.pass") && !set.contains("s3cret"), set);
        String plain = Redact.json("{\"id\":3,\"method\":\"Config.Set\",\"params\":{\"key\":\"http.listen_addr\",\"value\":\":443\"}}");
        org.junit.jupiter.api.Assertions.assertTrue(plain.contains(":443"), plain);
        String setKey = Redact.json("{\"id\":4,\"method\":\"ATCA.SetKey\",\"params\":{\"slot\":4,\"key\":\"q83vASNFZ4mrze8BI0VniavN7wEjRWeJq83vASNFZ4k=\"}}");
        org.junit.jupiter.api.Assertions.assertTrue(setKey.contains("<redacted 32 bytes>"), setKey);
    }
}
