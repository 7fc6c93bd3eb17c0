package dev.sesh.cli;

import dev.sesh.atca.Atecc;
import dev.sesh.bytes.VirtualClock;
import dev.sesh.device.Board;
import dev.sesh.plan.ChangeGate;
import dev.sesh.plan.Plan;
import dev.sesh.rpc.RpcClient;
import dev.sesh.rpc.RpcOptions;
import dev.sesh.rpc.transport.InProcessTransport;
import dev.sesh.script.Bindings;
import dev.sesh.script.GroovyFacade;
import dev.sesh.sim.SimBoard;
import dev.sesh.sim.SimFirmware;
import dev.sesh.sim.SimOptions;
import dev.sesh.testing.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/examples/provision-https.groovy: a factory-new simulated board to a page served with the
 * key in the chip, in one run, with the objects a script gets (board, atca, fs, config), every plan
 * approved as --yes-irreversible would, on a virtual clock so the reboots and chip times cost no
 * wall time.
 */
class ProvisionHttpsScriptTest {
    @TempDir Path dir;

    @Test void factoryNewBoardServesThePageWithTheChipsKey() throws Exception {
        VirtualClock clock = new VirtualClock();
        SimBoard sim = SimFirmware.open(SimOptions.defaults(), clock);
        InProcessTransport.Pair link = InProcessTransport.pair();
        sim.attachUntilClosed(link.device());
        List<String> plans = new ArrayList<>();
        ChangeGate yes = new ChangeGate() {
            @Override public <T> T apply(Plan plan, Supplier<T> action) {
                plans.add(plan.title());
                return action.get();
            }
        };
        try (Board board = new Board(new RpcClient(link.host(), RpcOptions.defaults().withClock(clock)), "sim:", "sim", yes, clock)) {
            Atecc atca = new Atecc(board, Optional.empty());
            StringWriter printed = new StringWriter();
            Bindings b = Bindings.builder(new PrintWriter(printed, true), clock)
                    .bind("board", () -> board).bind("atca", () -> atca).bind("fs", board::fs).bind("config", board::config)
                    .bind("x509", dev.sesh.x509.X509Toolkit::new).build();
            Path cert = dir.resolve("ecc.crt.pem");
            Path script = Path.of("scripts/examples/provision-https.groovy");
            int code = GroovyFacade.startNow(b).run(Files.readString(script), script.getFileName().toString(),
                    List.of(Vectors.referenceDir().resolve("atca-aws-test.yaml").toString(), cert.toString()));
            String out = printed.toString();
            assertEquals(0, code, out);
            assertTrue(out.contains("-> 200"), out);
            assertTrue(out.contains("<h1>esp8266_"), out);
            assertTrue(Files.readString(cert).startsWith("-----BEGIN CERTIFICATE-----"));
            assertTrue(plans.stream().anyMatch(p -> p.contains("LOCK the data")), plans.toString());
        }
    }
}
