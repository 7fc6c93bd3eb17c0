package dev.sesh.plan;

/** The part of a gate that shows a plan and obtains an answer: a terminal question, or the --yes policy. */
@FunctionalInterface
public interface Approver {
    Decision decide(Plan plan);

    /**
     * Shows {@code plan}, which runs without a question because the batch titled {@code batchTitle}
     * covers it ({@link BatchScope}). Shows nothing by default.
     */
    default void showInBatch(Plan plan, String batchTitle) { }
}
