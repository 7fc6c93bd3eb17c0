package dev.sesh.device;

/** One config key whose live value differs from the defaults (levels 0..N), both shown as the plan shows values. */
public record ConfigDiffEntry(String key, String defaultValue, String liveValue) {}
