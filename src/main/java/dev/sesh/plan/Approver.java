package dev.sesh.plan;

/** The part of a gate that shows a plan and obtains an answer: a terminal question, or the --yes policy. */
@FunctionalInterface
public interface Approver {
    Decision decide(Plan plan);
}
