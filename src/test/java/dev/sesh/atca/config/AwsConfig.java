package dev.sesh.atca.config;

import dev.sesh.testing.Vectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The reference's aws test config in its three forms, for tests. */
final class AwsConfig {
    private AwsConfig() {}

    static String yaml() { return read("atca-aws-test.yaml"); }

    static String hexFile() { return read("atca-aws-test.hex"); }

    /** The bytes mos encodes from the YAML (vector config_zone.aws_test_yaml_bytes). */
    static ConfigZone yamlBytes() { return ConfigZone.of(Vectors.hex("config_zone", "aws_test_yaml_bytes")); }

    /** The real 508A's image after ATCA.SetConfig with the aws YAML, before any lock. */
    static ConfigZone chipImage() { return ConfigZone.of(Vectors.hex("config_zone", "chip_image_after_setconfig")); }

    static String read(String name) {
        try {
            return Files.readString(Vectors.referenceDir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
