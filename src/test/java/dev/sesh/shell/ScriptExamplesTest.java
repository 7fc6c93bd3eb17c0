package dev.sesh.shell;

import dev.sesh.testing.ShellHarness;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.Plan;
import dev.sesh.script.Bindings;
import dev.sesh.script.GroovyFacade;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example scripts that change a chip, run through the console's registry against the
 * simulated board on a virtual clock (chip execution times, flash and the reboot cost no wall
 * time), with a gate that approves every plan and records it.
 */
class ScriptExamplesTest {
    @TempDir Path dir;

    final VirtualClock clock = new VirtualClock();
    final List<Plan> plans = new CopyOnWriteArrayList<>();
    final ChangeGate approveAll = new ChangeGate() {
        @Override public <T> T apply(Plan plan, Supplier<T> action) {
            plans.add(plan);
            return action.get();
        }
    };
    ShellHarness shell;

    SeshSystemRegistry console() {
        shell = ShellHarness.over(ShellHarness.simulatedBoard(approveAll, clock));
        Session session = shell.session;
        Bindings bindings = Bindings.builder(session.out(), clock)
                .bind("board", session::board)
                .bind("i2c", () -> session.board().i2c())
                .bind("fs", () -> session.board().fs())
                .bind("config", () -> session.board().config())
                .bind("atca", session::atca)
                .bind("x509", dev.sesh.x509.X509Toolkit::new)
                .build();
        return new SeshSystemRegistry(session, new ScriptConsole(session, GroovyFacade.startNow(bindings)));
    }

    @AfterEach
    void close() { if (shell != null) shell.close(); }

    String takeOut() { return shell.takeOut(); }

    @Test
    void provisionAwsProvisionsThenSkipsEveryStepOnASecondRun() throws IOException {
        SeshSystemRegistry console = console();
        Path key = dir.resolve("ecc.key.pem");
        Path cert = dir.resolve("ecc.crt.pem");
        Path writeKey = dir.resolve("slot4.key");
        assertEquals(0, console.execute("x509 keygen " + key), shell.err());
        assertEquals(0, console.execute("x509 selfsign " + key + " " + cert + " --subject CN=sesh-test --days 30"), shell.err());
        Files.writeString(writeKey, "5a".repeat(32) + "\n");
        takeOut();
        String run = "run scripts/examples/provision-aws.groovy " + Vectors.referenceDir().resolve("atca-aws-test.yaml")
                + " " + key + " " + cert + " " + writeKey;

        assertEquals(0, console.execute(run), shell.err());
        String first = takeOut();
        for (String done : List.of("- config zone locked", "- data zone locked", "- slot 0 written", "- fs: ecc.crt.pem written",
                "- config: set ", "- check: slot 0 signed a fresh digest")) {
            assertTrue(first.contains(done), done + " missing in\n" + first);
        }
        assertTrue(first.endsWith("provisioned\n"), first);
        int changes = plans.size();
        assertTrue(changes >= 7, "config write, 2 locks, 2 key writes, put, config set: " + plans);

        assertEquals(0, console.execute(run), shell.err());
        String second = takeOut();
        for (String skipped : List.of("- config zone: already locked", "- data zone: already locked",
                "- slots 4 and 0: slot 0 already holds ecc.key.pem", "- fs: ecc.crt.pem already on the board", "- config: already set",
                "- check: slot 0 signed a fresh digest")) {
            assertTrue(second.contains(skipped), skipped + " missing in\n" + second);
        }
        assertEquals(changes, plans.size(), "a second run asks for nothing");
    }
}
