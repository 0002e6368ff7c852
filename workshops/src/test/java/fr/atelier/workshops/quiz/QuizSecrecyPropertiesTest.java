package fr.atelier.workshops.quiz;

/** Runs {@link QuizSecrecyProperties} under Maven Surefire, whose default includes want a {@code *Test} name. */
class QuizSecrecyPropertiesTest extends QuizSecrecyProperties {}
