package fr.atelier.workshops.cards;

/** Runs {@link CardsSecrecyProperties} under Maven Surefire, whose default includes want a {@code *Test} name. */
class CardsSecrecyPropertiesTest extends CardsSecrecyProperties {}
