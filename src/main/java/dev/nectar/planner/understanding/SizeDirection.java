package dev.nectar.planner.understanding;

/** Which way the buyer now needs to go: the item was too small → {@code BIGGER}, too big → {@code SMALLER}. */
public enum SizeDirection {
    BIGGER, SMALLER
}
