package fr.atelier.workshops.poll;

/** Runs {@link PollSecrecyProperties} under Maven Surefire, whose default includes want a {@code *Test} name. */
class PollSecrecyPropertiesTest extends PollSecrecyProperties {}
