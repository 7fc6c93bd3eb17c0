package dev.sesh.atca.config;

import dev.sesh.SeshException;
import dev.sesh.testing.Fuzz;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded fuzz of the config codec (YAML, JSON and hex readers) on mutated versions of the article's
 * config: a zone or a one-line SeshException that names the input (exit code 2), and a zone that was
 * read writes back and rereads as the same 128 bytes.
 */
class ConfigCodecFuzzTest {
    static final String INTERESTING = "{}[]:-,\"' \n\t#&*!|>%@`0xZ0123456789abcdefTrue";

    /**
     * A run of 1-24 whole lines of the document: parsing the whole 8 KB article config costs
     * milliseconds here, so most inputs are pieces of it (every reader path still runs; 1 in 50
     * inputs is the whole document, mutated, which exercises the field checks and the round trip).
     */
    static String window(java.util.SplittableRandom r, String doc) {
        String[] lines = doc.split("\n", -1);
        int from = r.nextInt(lines.length);
        int to = Math.min(lines.length, from + 1 + r.nextInt(24));
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, to));
    }

    @Test void readersAnswerAZoneOrOneLineSeshException() {
        ConfigZone aws = AwsConfig.chipImage();
        ConfigCodec[] codecs = {ConfigCodec.YAML, ConfigCodec.JSON, ConfigCodec.HEX};
        String[] sources = {AwsConfig.yaml(), ConfigCodec.JSON.encode(aws), ConfigCodec.HEX.encode(aws)};
        Fuzz.run("atca.config.ConfigCodec yaml/json/hex", r -> {
            int which = r.nextInt(codecs.length);
            String text = Fuzz.mutate(r, r.nextInt(50) == 0 ? sources[which] : window(r, sources[which]), 5, INTERESTING);
            ConfigZone z;
            try {
                z = codecs[which].decode(text, "fuzz." + codecs[which].name());
            } catch (SeshException e) {
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                assertTrue(e.getMessage().contains("fuzz." + codecs[which].name()), "names the file: " + e.getMessage());
                assertEquals(SeshException.USAGE, e.exitCode());
                throw e;
            }
            assertEquals(z, codecs[which].decode(codecs[which].encode(z), "again"), "round trip");
        }, List.of(SeshException.class));
    }
}
