package dev.sesh.atca;

import dev.sesh.atca.config.ConfigZone;
import dev.sesh.plan.Plan;
import dev.sesh.twin.Rehearsal;
import dev.sesh.twin.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds the rehearsal on a twin of the chip to an irreversible plan (issue 23): the step is applied
 * to the chip model loaded with the config zone the plan already read, every use of the slots is
 * tried there, and the outcome becomes the plan's last notes, shown before the typed phrase. No
 * board traffic. A reversible plan is returned as it is.
 */
final class Rehearsed {
    private Rehearsed() {}

    static Plan plan(Plan plan, ConfigZone zone, Step step) {
        if (!plan.isIrreversible()) return plan;
        List<String> notes = new ArrayList<>(plan.notes());
        notes.addAll(Rehearsal.run(zone.variant(), zone.bytes(), step).lines());
        return new Plan(plan.title(), plan.changes(), notes, plan.reversibility(), plan.phrase(), plan.target());
    }
}
