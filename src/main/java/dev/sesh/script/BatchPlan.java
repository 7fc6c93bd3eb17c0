package dev.sesh.script;

import dev.sesh.plan.Change;
import dev.sesh.plan.Plan;
import dev.sesh.plan.Target;

import java.util.List;
import java.util.OptionalInt;

/**
 * A plan for several boards at once, built step by step in a script
 * ({@code boards.plan(title, ports)}) and approved once with {@code boards.batch(plan) { ... }}.
 * Each step adds one change line; call a step once per board that needs it, so the question shows
 * every board's work. Inside the batch each board's own plans run without asking again when every
 * action they take was listed here (docs/scripting.md, "The guard at the link").
 */
public final class BatchPlan {
    private final Plan.Builder builder;
    private final List<String> ports;

    BatchPlan(String title, List<String> ports) {
        this.ports = List.copyOf(ports);
        String where = ports.size() == 1 ? ports.get(0) : ports.size() + " boards";
        this.builder = Plan.builder(title, Target.board(where, "")).boards(ports.size());
    }

    /** The ports of the boards this plan is for. */
    public List<String> ports() { return ports; }

    /** A line under the plan, e.g. what one board still needs. */
    public BatchPlan note(String line) { builder.note(line); return this; }

    /** A device config key set (Config.Set and save). */
    public BatchPlan configKey(String key, String from, String to) { builder.change(new Change.ConfigKeyChange(key, from, to, false)); return this; }

    /** A board reboot. */
    public BatchPlan reboot() { builder.change(new Change.Reboot()); return this; }

    /** The chip's config zone written from {@code file} ({@code who} names the board). */
    public BatchPlan configZone(String who, String file) { builder.change(new Change.ConfigZoneChange(who, "config zone", "as read", file)); return this; }

    /** The config zone locked with the summary CRC the chip's zone will have. */
    public BatchPlan lockConfig(int crc) { builder.change(Change.Lock.config(crc)); return this; }

    /** The data and OTP zones locked. */
    public BatchPlan lockData() { builder.change(Change.Lock.data(OptionalInt.empty())); return this; }

    /** Data written in the clear into {@code slot} ({@code what} describes it, never the bytes). */
    public BatchPlan slotWrite(int slot, String what) { builder.change(new Change.SlotWrite(slot, what, Change.WriteMode.CLEAR, -1, false)); return this; }

    /** A new private key made inside the chip in {@code slot}; any key there now is gone. */
    public BatchPlan genKey(int slot) { builder.change(new Change.KeyGen(slot, true)); return this; }

    Plan build() { return builder.build(); }

    @Override public String toString() { return build().title(); }
}
