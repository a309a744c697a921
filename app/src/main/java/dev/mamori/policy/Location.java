package dev.mamori.policy;

/** Where the person acts: on the company's premises or outside (telework, travel). */
public enum Location {
    INSIDE_OFFICE, OUTSIDE_OFFICE
}
