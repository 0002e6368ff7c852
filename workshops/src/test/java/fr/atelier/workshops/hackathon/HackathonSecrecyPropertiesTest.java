package fr.atelier.workshops.hackathon;

/** Runs {@link HackathonSecrecyProperties} under Maven Surefire, whose default includes want a {@code *Test} name. */
class HackathonSecrecyPropertiesTest extends HackathonSecrecyProperties {}
