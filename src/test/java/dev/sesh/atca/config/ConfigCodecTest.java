package dev.sesh.atca.config;

import dev.sesh.SeshException;
import dev.sesh.bytes.Bytes;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigCodecTest {
    private static ConfigZone yaml(String text) { return ConfigCodec.YAML.decode(text, "t.yaml"); }

    @Test void awsYamlEncodesToTheHexFileByteForByte() {
        ConfigZone fromYaml = ConfigCodec.YAML.decode(AwsConfig.yaml(), "atca-aws-test.yaml");
        ConfigZone fromHex = ConfigCodec.HEX.decode(AwsConfig.hexFile(), "atca-aws-test.hex");
        assertEquals(fromHex.bytes(), fromYaml.bytes());
        assertEquals(AwsConfig.yamlBytes(), fromYaml);
    }

    @Test void yamlToHexToYamlToHexIsStable() {
        String hex1 = ConfigCodec.HEX.encode(ConfigCodec.YAML.decode(AwsConfig.yaml(), "a.yaml"));
        ConfigZone back = ConfigCodec.HEX.decode(hex1, "a.hex");
        String yaml2 = ConfigCodec.YAML.encode(back);
        String hex2 = ConfigCodec.HEX.encode(ConfigCodec.YAML.decode(yaml2, "b.yaml"));
        assertEquals(hex1, hex2);
        assertEquals(yaml2, ConfigCodec.YAML.encode(ConfigCodec.YAML.decode(yaml2, "c.yaml")));
    }

    @Test void hexIsMosFormatFourPerLineTrailingSeparatorKeptButOnTheLastByte() {
        String hex = ConfigCodec.HEX.encode(AwsConfig.yamlBytes());
        String[] lines = hex.split("\n", -1);
        assertEquals(33, lines.length);
        assertEquals("0x00, 0x00, 0x00, 0x00, ", lines[0]);
        assertEquals("0x00, 0x00, 0x60, 0x02, ", lines[1]);
        assertEquals("0x13, 0x00, 0x3c, 0x00", lines[31]);
        assertEquals("", lines[32]);
    }

    @Test void hexReadsEveryPairOfHexDigitsAsMosDoes() {
        String spaced = AwsConfig.hexFile();
        String compact = AwsConfig.yamlBytes().bytes().hex();
        assertEquals(AwsConfig.yamlBytes(), ConfigCodec.HEX.decode(compact, "c.hex"));
        assertEquals(AwsConfig.yamlBytes(), ConfigCodec.HEX.decode(spaced.replace("\n", "\r\n"), "c.hex"));
        // mos's rule: hex-looking letter pairs in a comment are bytes too, so the count no longer fits.
        SeshException e = assertThrows(SeshException.class, () -> ConfigCodec.HEX.decode("# decoded\n" + spaced, "x.hex"));
        assertEquals("x.hex: expected 128 bytes, got 130", e.getMessage());
    }

    @Test void jsonRoundTripKeepsEveryByte() {
        for (ConfigZone z : new ConfigZone[] {AwsConfig.yamlBytes(), AwsConfig.chipImage(), mosGolden()}) {
            String json = ConfigCodec.JSON.encode(z);
            assertEquals(z, ConfigCodec.JSON.decode(json, "z.json"));
        }
    }

    @Test void jsonUsesGoFieldNamesBase64SerialAndTwoSpaceIndent() {
        String json = ConfigCodec.JSON.encode(AwsConfig.chipImage());
        assertTrue(json.startsWith("{\n  \"SerialNum\": \"ASNSqtG783ju\",\n  \"Revision\": 20480,\n"), json.substring(0, 80));
        assertTrue(json.contains("\n  \"SlotInfo\": [\n    {\n      \"Num\": 0,\n      \"SlotConfig\": {\n        \"PrivateKeySlotConfig\": {\n"));
        assertTrue(json.contains("\"KeyType\": \"ECC\""));
        assertTrue(json.endsWith("  ]\n}\n"));
    }

    @Test void jsonKeysMatchCaseInsensitivelyAsGoDoes() {
        String json = ConfigCodec.JSON.encode(AwsConfig.chipImage()).replace("\"Revision\"", "\"revision\"").replace("\"NoMAC\"", "\"NoMac\"");
        assertEquals(AwsConfig.chipImage(), ConfigCodec.JSON.decode(json, "z.json"));
    }

    @Test void mosGoldenConfigRoundTripsThroughYaml() {
        ConfigZone golden = mosGolden();
        String yaml = ConfigCodec.YAML.encode(golden);
        assertEquals(golden, yaml(yaml));
        assertTrue(yaml.startsWith("serialnum:\n- 1\n- 35\n- 82\n- 170\n- 209\n- 187\n- 243\n- 120\n- 238\nrevision: 20480\nreserved13: 192\n"), yaml.substring(0, 120));
        assertTrue(yaml.contains("\nlockvalue: Locked\nlockconfig: Locked\nslotlocked: 65535\n"));
    }

    @Test void yamlWriterPrintsMosShapesAndOtherForNonEcc() {
        String yaml = ConfigCodec.YAML.encode(AwsConfig.yamlBytes());
        assertTrue(yaml.contains("slotinfo:\n- num: 0\n  slotconfig:\n    privatekeyslotconfig:\n      extsignenable: true\n"));
        assertTrue(yaml.contains("- num: 4\n  slotconfig:\n    readkey: 15\n    nomac: false\n"));
        assertTrue(yaml.contains("    keytype: Other\n"));
        assertTrue(!yaml.contains("NonECC"));
        assertTrue(yaml.contains("chipmode:\n  selectorwriteonce: false\n  ttlenable: false\n  watchdogduration: 1s\n"));
        assertTrue(yaml.endsWith("x509format:\n- publicposition: 0\n  templatelength: 0\n- publicposition: 0\n  templatelength: 0\n"
                + "- publicposition: 0\n  templatelength: 0\n- publicposition: 0\n  templatelength: 0\n"));
    }

    @Test void a608VariantRoundTripsWithAesSlots() {
        // The upstream 608 variant (atecc.md 5.6): slot 4 80 00, slot 5 C4 44 AES, slot 14 83 6F, slot 15 0F 00 AES.
        ConfigZone z = AwsConfig.yamlBytes()
                .withSlotConfig(4, SlotConfig.of(0x0080))
                .withSlotConfig(5, SlotConfig.of(0x44C4)).withKeyConfig(5, KeyConfig.of(0x0038))
                .withSlotConfig(14, SlotConfig.of(0x6F83))
                .withSlotConfig(15, SlotConfig.of(0x000F)).withKeyConfig(15, KeyConfig.of(0x0038));
        String yaml = ConfigCodec.YAML.encode(z);
        assertTrue(yaml.contains("keytype: AES"));
        assertEquals(z, yaml(yaml));
        assertEquals(z, ConfigCodec.JSON.decode(ConfigCodec.JSON.encode(z), "z.json"));
    }

    @Test void twoHundredRandomExpressibleZonesRoundTripInEveryFormat() {
        long seed = 20261125L;
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            ConfigZone z = randomExpressible(r);
            for (ConfigCodec c : new ConfigCodec[] {ConfigCodec.YAML, ConfigCodec.JSON, ConfigCodec.HEX}) {
                assertEquals(z, c.decode(c.encode(z), "r." + c.name()), "seed " + seed + " zone " + i + " " + c.name());
            }
        }
    }

    /** Random bytes, then the few bits mos's struct cannot hold set to values it can. */
    static ConfigZone randomExpressible(Random r) {
        byte[] b = new byte[128];
        r.nextBytes(b);
        b[14] &= 1;
        b[19] &= 7;
        b[86] = (byte) (r.nextBoolean() ? 0x55 : 0x00);
        b[87] = (byte) (r.nextBoolean() ? 0x55 : 0x00);
        for (int n = 0; n < 16; n++) b[97 + 2 * n] &= ~0x20;
        return ConfigZone.of(Bytes.of(b));
    }

    @Test void missingKeysMeanZero() {
        StringBuilder sb = new StringBuilder("slotinfo:\n");
        for (int n = 0; n < 16; n++) sb.append("- slotconfig:\n    readkey: 0\n");
        sb.append("x509format:\n- {}\n- {}\n- {}\n- {}\n");
        ConfigZone z = yaml(sb.toString());
        assertEquals(ConfigZone.of(Bytes.of(new byte[128])), z);
    }

    @Test void anUnknownKeyIsAnErrorNamingTheKeyAndItsLine() {
        String broken = AwsConfig.yaml().replaceFirst("    lockable: true\n", "    lockabel: true\n");
        int line = lineOf(broken, "lockabel");
        SeshException e = assertThrows(SeshException.class, () -> yaml(broken));
        assertEquals("t.yaml line " + line + ": unknown key 'lockabel' in slotinfo[0].keyconfig", e.getMessage());
        assertEquals(SeshException.USAGE, e.exitCode());
        SeshException top = assertThrows(SeshException.class, () -> yaml(AwsConfig.yaml() + "colour: blue\n"));
        assertTrue(top.getMessage().endsWith(": unknown key 'colour'"), top.getMessage());
    }

    @Test void badValuesNameTheFieldAndLine() {
        String yaml = AwsConfig.yaml();
        assertMessage("t.yaml line " + lineOf(yaml, "i2caddress") + ": i2caddress: 300 is outside 0..255",
                yaml.replace("i2caddress: 192", "i2caddress: 300"));
        assertMessage("t.yaml line " + lineOf(yaml, "watchdogduration") + ": unknown watchdog duration '5s' (1s or 10s)",
                yaml.replace("watchdogduration: 1s", "watchdogduration: 5s"));
        String kt = yaml.replaceFirst("keytype: ECC", "keytype: RSA");
        assertMessage("t.yaml line " + lineOf(kt, "RSA") + ": slot 0: unknown key type 'RSA' (ECC, AES, Other or NonECC)", kt);
        assertMessage("t.yaml line " + lineOf(yaml, "lockvalue") + ": unknown lock mode 'Open' (Locked or Unlocked)",
                yaml.replace("lockvalue: Unlocked", "lockvalue: Open"));
        String b = yaml.replaceFirst("issecret: true", "issecret: maybe");
        assertMessage("t.yaml line " + lineOf(b, "maybe") + ": slotinfo[0].slotconfig.issecret: expected true or false, got 'maybe'", b);
    }

    @Test void numbersMayBeWrittenInTheYaml11FormsYamlV2Reads() {
        String yaml = AwsConfig.yaml();
        for (String form : new String[] {"0xC0", "0xc0", "0300", "0o300", "0b11000000", "1_92", "+192"}) {
            assertEquals(AwsConfig.yamlBytes(), yaml(yaml.replace("i2caddress: 192", "i2caddress: " + form)), form);
        }
        assertThrows(SeshException.class, () -> yaml(yaml.replace("i2caddress: 192", "i2caddress: -1")));
        assertThrows(SeshException.class, () -> yaml(yaml.replace("i2caddress: 192", "i2caddress: 19.2")));
    }

    @Test void slotShapesFollowMosRules() {
        String yaml = AwsConfig.yaml();
        String noPriv = yaml.replaceFirst("    privatekeyslotconfig:\n      extsignenable: true\n      intsignenable: true\n      ecdhenable: true\n      ecdhtonextslot: false\n", "    readkey: 7\n");
        SeshException e = assertThrows(SeshException.class, () -> yaml(noPriv));
        assertTrue(e.getMessage().contains("slot 0 is private (keyconfig.private) but has no privatekeyslotconfig"), e.getMessage());
        String noRead = yaml.replaceFirst("    readkey: 15\n", "");
        e = assertThrows(SeshException.class, () -> yaml(noRead));
        assertTrue(e.getMessage().contains("slot 4: no readkey"), e.getMessage());
        String fifteen = yaml.substring(0, yaml.indexOf("- num: 15\n")) + yaml.substring(yaml.indexOf("counter0:"));
        e = assertThrows(SeshException.class, () -> yaml(fifteen));
        assertTrue(e.getMessage().contains("slotinfo must list exactly 16 entries, got 15"), e.getMessage());
        String order = yaml.replace("- num: 3\n", "- num: 9\n");
        e = assertThrows(SeshException.class, () -> yaml(order));
        assertTrue(e.getMessage().contains("slotinfo entry 3 says num: 9"), e.getMessage());
    }

    @Test void malformedYamlAndJsonAreOneLineErrors() {
        SeshException e = assertThrows(SeshException.class, () -> yaml("slotinfo: [\n"));
        assertTrue(e.getMessage().startsWith("t.yaml line "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
        e = assertThrows(SeshException.class, () -> ConfigCodec.JSON.decode("{\"Revision\": ", "z.json"));
        assertTrue(e.getMessage().startsWith("z.json line 1: "), e.getMessage());
        assertThrows(SeshException.class, () -> yaml(""));
        assertThrows(SeshException.class, () -> yaml("- 1\n- 2\n"));
    }

    @Test void mangledInputsFailOnlyWithOneLineSeshExceptions() {
        long seed = 77;
        Random r = new Random(seed);
        String[] sources = {AwsConfig.yaml(), ConfigCodec.JSON.encode(AwsConfig.chipImage())};
        ConfigCodec[] codecs = {ConfigCodec.YAML, ConfigCodec.JSON};
        String junk = "{}[]:-,\"' \n\t#&*!|>%@`0xZ";
        for (int i = 0; i < 600; i++) {
            int which = i % 2;
            StringBuilder t = new StringBuilder(sources[which]);
            for (int k = 0, edits = 1 + r.nextInt(4); k < edits; k++) {
                int at = r.nextInt(t.length());
                switch (r.nextInt(3)) {
                    case 0 -> t.deleteCharAt(at);
                    case 1 -> t.insert(at, junk.charAt(r.nextInt(junk.length())));
                    default -> t.delete(at, Math.min(t.length(), at + r.nextInt(40)));
                }
            }
            try {
                codecs[which].decode(t.toString(), "m");
            } catch (SeshException e) {
                assertTrue(!e.getMessage().contains("\n") && !e.hint().isEmpty(), "seed " + seed + " case " + i + ": " + e.getMessage());
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + " case " + i + " threw " + e + " for:\n" + t, e);
            }
        }
    }

    @Test void jsonOfTheWrongShapeIsRefused() {
        assertThrows(SeshException.class, () -> ConfigCodec.JSON.decode("{\"SlotInfo\": {}}", "z.json"));
        assertThrows(SeshException.class, () -> ConfigCodec.JSON.decode("[1, 2]", "z.json"));
        String json = ConfigCodec.JSON.encode(AwsConfig.chipImage());
        SeshException e = assertThrows(SeshException.class, () -> ConfigCodec.JSON.decode(json.replace("\"SerialNum\": \"ASNSqtG783ju\"", "\"SerialNum\": \"AS\""), "z.json"));
        assertTrue(e.getMessage().startsWith("z.json SerialNum: serialnum must have 9 bytes"), e.getMessage());
    }

    @Test void legacyNonEccReadsAsOtherAndReservedKeyTypesAreNumbers() {
        ConfigZone factoryLike = ConfigZone.of(Bytes.of(new byte[128])).withLocks(false, false);
        String yaml = ConfigCodec.YAML.encode(factoryLike);
        assertTrue(yaml.contains("    keytype: 0\n"));
        assertEquals(factoryLike, yaml(yaml));
    }

    @Test void bitsMosCannotExpressAreRefusedNotDropped() {
        ConfigZone divider = AwsConfig.yamlBytes().withChipMode(ChipMode.of(0x28));
        SeshException e = assertThrows(SeshException.class, () -> ConfigCodec.YAML.encode(divider));
        assertTrue(e.getMessage().contains("clock-divider bits are 0x28"), e.getMessage());
        assertThrows(SeshException.class, () -> ConfigCodec.JSON.encode(AwsConfig.yamlBytes().withByte(87, 0x12)));
        assertEquals(divider, ConfigCodec.HEX.decode(ConfigCodec.HEX.encode(divider), "d.hex"));
    }

    @Test void codecIsChosenByExtensionLikeMos() {
        assertSame(ConfigCodec.YAML, ConfigCodec.forFile("a.YML"));
        assertSame(ConfigCodec.JSON, ConfigCodec.forFile("dir/a.json"));
        assertSame(ConfigCodec.HEX, ConfigCodec.forFile("atca-aws-test.hex"));
        assertSame(ConfigCodec.HEX, ConfigCodec.forFile("config.txt"));
        assertThrows(SeshException.class, () -> ConfigCodec.forFormat("toml"));
    }

    static ConfigZone mosGolden() { return ConfigZone.of(Vectors.hex("config_zone", "mos_golden_config_from_config_test_go")); }

    private static void assertMessage(String expected, String yaml) {
        assertEquals(expected, assertThrows(SeshException.class, () -> yaml(yaml)).getMessage());
    }

    /** The 1-based number of the first line that is not a comment and contains {@code needle}. */
    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (!lines[i].startsWith("#") && lines[i].contains(needle)) return i + 1;
        throw new IllegalArgumentException(needle);
    }
}
