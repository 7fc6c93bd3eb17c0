package dev.sesh.atca.config;

import java.util.Locale;

/** How bad a lint finding is. An error makes even a reversible plan need the typed phrase (issue 7). */
public enum Severity {
    ERROR, WARNING, INFO;

    /** "error", "warning", "info". */
    public String word() { return name().toLowerCase(Locale.ROOT); }
}
