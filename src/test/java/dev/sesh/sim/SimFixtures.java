package dev.sesh.sim;

import dev.sesh.rpc.transport.PortSpec;

import java.util.Map;

/** Small builders for sim tests. */
final class SimFixtures {
    private SimFixtures() {}

    /** Options of an in-memory {@code sim:} port with one option set. */
    static SimOptions options(String key, String value) {
        return SimOptions.from(new PortSpec.Sim("", Map.of(key, value)));
    }
}
