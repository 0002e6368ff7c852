package fr.atelier.workshops.cards;

/** A SPRO partner: the "door to open", with its missions and publics. */
public record StructureCard(String id, String name, String missions, String publics) {}
