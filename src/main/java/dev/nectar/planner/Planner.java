package dev.nectar.planner;

/**
 * Decides the next step of a turn: call a tool or reply. A planner reads the context and never touches a store or
 * a socket; the engine runs tools, gates writes on confirmation and persists the turn.
 */
public interface Planner {

    PlanStep next(PlanningContext ctx);
}
