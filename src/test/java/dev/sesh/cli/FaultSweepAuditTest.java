package dev.sesh.cli;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sweep's "no plan executed twice" rule, read from audit log lines as JsonLinesAuditLog writes them. */
class FaultSweepAuditTest {
    static String frame(String id, boolean sent) {
        return "{\"time\":\"2026-01-01T00:00:00Z\",\"port\":\"sim:b\",\"plan_id\":\"" + id + "\",\"frame\":\"FS.Put [a.pem]\",\"actions\":[],\"sent\":" + sent + "}";
    }

    static String plan(String id, String title, String result) {
        return "{\"time\":\"2026-01-01T00:00:01Z\",\"plan_id\":\"" + id + "\",\"port\":\"sim:b\",\"board\":\"esp8266_1\",\"plan\":{\"title\":\""
                + title + "\",\"reversibility\":\"reversible\",\"lines\":[\"a.pem 591 bytes\"]},\"answer\":\"auto-approved\",\"result\":\"" + result + "\"}";
    }

    @Test
    void aPlanRecordedDoneAndSentAgainInTheRerunIsReported() {
        List<String> first = List.of(frame("p1", true), plan("p1", "put a.pem", "ok"));
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(frame("p1", true), plan("p1", "put a.pem", "ok")));   // the rerun's ids start at p1 again
        List<String> problems = FaultSweep.repeatedPlans("cell", first, all);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("plan executed twice (run 1 p1 recorded ok, then rerun p1 sent 1 change frames)"), problems.get(0));
    }

    @Test
    void aFailedPlanMayBeSentAgainAndAPlanThatSentNothingIsNotAnExecution() {
        List<String> first = List.of(frame("p1", true), plan("p1", "put a.pem", "failed"), plan("p2", "set 1 key", "ok"));
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(frame("p1", true), plan("p1", "put a.pem", "ok"), frame("p2", false), plan("p2", "set 1 key", "failed")));
        assertEquals(List.of(), FaultSweep.repeatedPlans("cell", first, all));
    }

    @Test
    void twoPlansOfOneRunWithTheSameTitleAndLinesAreCaughtToo() {
        List<String> all = List.of(frame("p1", true), plan("p1", "put a.pem", "ok"), frame("p2", true), plan("p2", "put a.pem", "ok"));
        assertEquals(1, FaultSweep.repeatedPlans("cell", all, all).size());
    }
}
