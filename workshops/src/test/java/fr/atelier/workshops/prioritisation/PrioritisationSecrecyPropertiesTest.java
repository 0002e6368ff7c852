package fr.atelier.workshops.prioritisation;

/** Runs {@link PrioritisationSecrecyProperties} under Maven Surefire, whose default includes want a {@code *Test} name. */
class PrioritisationSecrecyPropertiesTest extends PrioritisationSecrecyProperties {}
