package dev.sesh.atca.config;

import dev.sesh.SeshException;

import java.util.Locale;

/**
 * Text forms of a config zone that stay interchangeable with {@code mos atca-get-config} /
 * {@code atca-set-config} (reference/atecc.md 5.4, 5.5; mos-rpc.md 5.2). Decoding failures are
 * {@link SeshException}s (bad input, exit 2) whose message names the source and, for YAML, the line.
 */
public sealed interface ConfigCodec permits ConfigCodec.Yaml, ConfigCodec.Json, ConfigCodec.Hex {
    Yaml YAML = new Yaml();
    Json JSON = new Json();
    Hex HEX = new Hex();

    /** "yaml", "json" or "hex". */
    String name();

    /** The zone {@code text} describes; {@code source} (a file name) is only used in messages. */
    ConfigZone decode(String text, String source);

    /** The zone as mos prints it in this format; ends with a newline. */
    String encode(ConfigZone zone);

    /** mos's choice by file name: {@code .yaml}/{@code .yml} YAML, {@code .json} JSON, anything else hex. */
    /** A config zone from {@code file}: mos's format by extension (.yaml/.yml, .json, else hex). Bad input is exit 2. */
    static ConfigZone readFile(String file) {
        String text;
        try {
            text = java.nio.file.Files.readString(java.nio.file.Path.of(file), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw dev.sesh.SeshException.badArg("no such file: " + file, "give the path of a config file (.yaml, .json or hex)");
        } catch (java.io.IOException e) {
            throw dev.sesh.SeshException.badArg("cannot read " + file + ": " + e.getMessage(), "check the file's permissions");
        }
        return forFile(file).decode(text, file);
    }

    static ConfigCodec forFile(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".yaml") || n.endsWith(".yml")) return YAML;
        if (n.endsWith(".json")) return JSON;
        return HEX;
    }

    /** "yaml", "json" or "hex" (any case). */
    static ConfigCodec forFormat(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "yaml", "yml" -> YAML;
            case "json" -> JSON;
            case "hex" -> HEX;
            default -> throw SeshException.badArg("unknown config format '" + format + "'", "use yaml, json or hex");
        };
    }

    /**
     * mos's YAML (Go yaml.v2 of its Config struct): keys in struct order, missing keys mean 0,
     * unlike mos an unknown key is an error naming the key and its line.
     */
    final class Yaml implements ConfigCodec {
        private Yaml() {}
        @Override public String name() { return "yaml"; }
        @Override public ConfigZone decode(String text, String source) { return MosStruct.decode(MosNode.parseYaml(text, source), source, false); }
        @Override public String encode(ConfigZone zone) { return MosYamlWriter.write(MosStruct.encode(zone)); }
    }

    /** mos's JSON (Go encoding/json of the same struct, 2-space indent; keys match case-insensitively on input). */
    final class Json implements ConfigCodec {
        private Json() {}
        @Override public String name() { return "json"; }
        @Override public ConfigZone decode(String text, String source) { return MosStruct.decode(MosNode.parseJson(text, source), source, true); }
        @Override public String encode(ConfigZone zone) { return GoJsonWriter.write(MosStruct.encode(zone)); }
    }

    /**
     * mos's hex: {@code 0x%02x} items joined by {@code ", "}, four per line, every line keeping its
     * trailing {@code ", "} except the last. Reading takes every pair of hex digits found anywhere,
     * as mos does, and needs exactly 128 of them.
     */
    final class Hex implements ConfigCodec {
        private Hex() {}
        @Override public String name() { return "hex"; }

        @Override public ConfigZone decode(String text, String source) {
            byte[] out = new byte[text.length() / 2];
            int n = 0;
            for (int i = 0; i + 1 < text.length(); i++) {
                int hi = Character.digit(text.charAt(i), 16), lo = Character.digit(text.charAt(i + 1), 16);
                if (hi >= 0 && lo >= 0 && isAscii(text.charAt(i)) && isAscii(text.charAt(i + 1))) {
                    out[n++] = (byte) (hi << 4 | lo);
                    i++;
                }
            }
            if (n != ConfigZone.SIZE) {
                throw SeshException.badArg(source + ": expected 128 bytes, got " + n,
                        "a hex config file holds 128 bytes as pairs of hex digits; any other pair of hex letters (also in comments) counts too");
            }
            return ConfigZone.of(dev.sesh.bytes.Bytes.of(out, 0, n));
        }

        @Override public String encode(ConfigZone zone) {
            StringBuilder sb = new StringBuilder(ConfigZone.SIZE * 6 + 32);
            for (int i = 0; i < ConfigZone.SIZE; i++) {
                sb.append(String.format("0x%02x", zone.get(i)));
                if (i < ConfigZone.SIZE - 1) sb.append(", ");
                if (i % 4 == 3) sb.append('\n');
            }
            return sb.toString();
        }

        private static boolean isAscii(char c) { return c < 128; }
    }
}
