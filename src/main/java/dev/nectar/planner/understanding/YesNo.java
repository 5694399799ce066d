package dev.nectar.planner.understanding;

/** The answer a message gives to a pending question or confirmation. */
public enum YesNo {
    YES, NO
}
