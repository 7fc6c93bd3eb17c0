package dev.sesh.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Snags a new user meets in the first hour (issue 18), each pinned as the user would see it. */
class FirstHourTest {
    @TempDir Path home;

    SeshRuns.Run run(String... args) { return SeshRuns.run(home, args).withoutCarriageReturns(); }

    @Test
    void missingInputFileOfAScriptIsNamedAndExits2() {
        SeshRuns.Run r = run("--port", "sim:", "run", "scripts/examples/provision-aws.groovy", "missing.yaml", "k.pem", "c.pem", "w.key");
        assertEquals("error: no such file: missing.yaml", r.errorLine(), r.err());
        assertEquals(2, r.code(), r.err());
    }
}
