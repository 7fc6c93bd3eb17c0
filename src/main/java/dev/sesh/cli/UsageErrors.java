package dev.sesh.cli;

import dev.sesh.SeshException;

/** A command of sesh's own command line that words picocli's parse errors for its users (one line and a hint). */
interface UsageErrors {
    /** The error to report when picocli could not parse this command's arguments ({@code picocliMessage}). */
    SeshException usageError(String picocliMessage);
}
