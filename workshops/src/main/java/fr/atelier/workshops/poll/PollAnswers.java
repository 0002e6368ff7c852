package fr.atelier.workshops.poll;

import fr.atelier.workshops.core.Actor;
import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Text;
import fr.atelier.workshops.poll.PollCommand.Answer;
import fr.atelier.workshops.poll.PollCommand.Choose;
import fr.atelier.workshops.poll.PollCommand.MarkAnswered;
import fr.atelier.workshops.poll.PollCommand.Moderate;
import fr.atelier.workshops.poll.PollCommand.Rank;
import fr.atelier.workshops.poll.PollCommand.Upvote;
import fr.atelier.workshops.poll.PollCommand.Write;
import fr.atelier.workshops.poll.PollEvent.Answered;
import fr.atelier.workshops.poll.PollEvent.MarkedAnswered;
import fr.atelier.workshops.poll.PollEvent.Moderated;
import fr.atelier.workshops.poll.PollEvent.Picked;
import fr.atelier.workshops.poll.PollEvent.Upvoted;
import fr.atelier.workshops.poll.PollEvent.Written;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What phones send to the open question, one rule set per type, and the facilitator's moderation of texts. */
final class PollAnswers {
    /** A word of the cloud: a word or a short expression. */
    static final int WORD_MAX = 30;
    static final int OPEN_MAX = 280;
    static final int QA_MAX = 200;
    /** Texts one phone may send to one question. */
    static final int WORDS_PER_PHONE = 3;
    static final int OPEN_PER_PHONE = 3;
    static final int QA_PER_PHONE = 5;

    private PollAnswers() {}

    /** The open question {@code questionId} of the right kind, or the refusal. */
    private static Decision<PollEvent> notOpen(PollState s, String questionId, Set<PollKind> kinds) {
        Poll current = s.current();
        if (current == null || !current.id().equals(questionId)) {
            return Decision.reject("not_found", "Cette question n'est plus d'actualité.");
        }
        if (current.status() != Poll.Status.OPEN) {
            return Decision.reject("wrong_phase", "Trop tard : la question est fermée.");
        }
        if (!kinds.contains(current.kind())) {
            return Decision.reject("invalid", "Cette réponse ne convient pas à ce type de question.");
        }
        return null;
    }

    static Decision<PollEvent> answer(PollState s, Actor.Participant me, Answer a, long at) {
        Decision<PollEvent> refused = notOpen(s, a.questionId(), Set.of(PollKind.SINGLE, PollKind.SCALE));
        if (refused != null) {
            return refused;
        }
        Poll current = s.current();
        if (a.option() == null || a.option() < 0 || a.option() >= current.options().size()) {
            return Decision.reject("invalid", "Réponse inconnue.");
        }
        if (a.option().equals(current.answers().get(me.id()))) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new Answered(current.id(), me.id(), a.option(), at));
    }

    static Decision<PollEvent> choose(PollState s, Actor.Participant me, Choose c, long at) {
        Decision<PollEvent> refused = notOpen(s, c.questionId(), Set.of(PollKind.MULTIPLE));
        if (refused != null) {
            return refused;
        }
        Poll current = s.current();
        if (c.options() == null || c.options().isEmpty()) {
            return Decision.reject("invalid", "Choisissez au moins une réponse.");
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer o : c.options()) {
            if (o == null || o < 0 || o >= current.options().size() || !seen.add(o)) {
                return Decision.reject("invalid", "Réponse inconnue ou choisie deux fois.");
            }
        }
        List<Integer> sorted = new ArrayList<>(seen);
        sorted.sort(null);
        return same(current, me, sorted) ? Decision.accept(List.of()) : Decision.accept(new Picked(current.id(), me.id(), sorted, at));
    }

    static Decision<PollEvent> rank(PollState s, Actor.Participant me, Rank r, long at) {
        Decision<PollEvent> refused = notOpen(s, r.questionId(), Set.of(PollKind.RANKING));
        if (refused != null) {
            return refused;
        }
        Poll current = s.current();
        int n = current.options().size();
        Set<Integer> seen = new HashSet<>();
        boolean permutation = r.order() != null && r.order().size() == n;
        for (int i = 0; permutation && i < n; i++) {
            Integer o = r.order().get(i);
            permutation = o != null && o >= 0 && o < n && seen.add(o);
        }
        if (!permutation) {
            return Decision.reject("invalid", "Classez chacune des " + n + " propositions une fois et une seule.");
        }
        return same(current, me, r.order()) ? Decision.accept(List.of()) : Decision.accept(new Picked(current.id(), me.id(), List.copyOf(r.order()), at));
    }

    private static boolean same(Poll current, Actor.Participant me, List<Integer> list) {
        return list.equals(current.picks().get(me.id()));
    }

    static Decision<PollEvent> write(PollState s, Actor.Participant me, Write w, long at) {
        Decision<PollEvent> refused = notOpen(s, w.questionId(), Set.of(PollKind.WORDS, PollKind.OPEN, PollKind.QA));
        if (refused != null) {
            return refused;
        }
        Poll current = s.current();
        String text = Text.clean(w.text());
        int max = switch (current.kind()) {
            case WORDS -> WORD_MAX;
            case OPEN -> OPEN_MAX;
            default -> QA_MAX;
        };
        if (text.isEmpty() || text.codePointCount(0, text.length()) > max) {
            return Decision.reject("too_long", current.kind() == PollKind.WORDS
                    ? "Un mot ou une courte expression : " + max + " caractères au plus."
                    : "Écrivez de 1 à " + max + " caractères.");
        }
        if (current.kind() == PollKind.WORDS && text.contains("\n")) {
            return Decision.reject("invalid", "Un mot ou une courte expression, sur une ligne.");
        }
        String key = Text.foldForComparison(text);
        List<String> mine = current.authored().getOrDefault(me.id(), List.of());
        for (String id : mine) {
            if (current.entries().get(id).key().equals(key)) {
                return Decision.accept(List.of()); // the same word twice counts once
            }
        }
        int limit = switch (current.kind()) {
            case WORDS -> WORDS_PER_PHONE;
            case OPEN -> OPEN_PER_PHONE;
            default -> QA_PER_PHONE;
        };
        if (mine.size() >= limit) {
            return Decision.reject("limit_reached", "Vous avez déjà envoyé " + limit + " réponses à cette question.");
        }
        String entryId = "e" + (current.entries().size() + 1);
        if (current.kind() == PollKind.QA) {
            return Decision.accept(new PollEvent.Submitted(current.id(), entryId, me.id(), text, key, at));
        }
        return Decision.accept(new Written(current.id(), entryId, me.id(), text, key, current.kind() == PollKind.OPEN, at));
    }

    static Decision<PollEvent> upvote(PollState s, Actor.Participant me, Upvote u, long at) {
        Decision<PollEvent> refused = notOpen(s, u.questionId(), Set.of(PollKind.QA));
        if (refused != null) {
            return refused;
        }
        Poll current = s.current();
        Poll.Entry e = u.entryId() == null ? null : current.entries().get(u.entryId());
        if (e == null || e.visibility() != Poll.Visibility.SHOWN) {
            return Decision.reject("not_found", "Cette question n'est pas affichée.");
        }
        if (e.author().equals(me.id())) {
            return Decision.reject("invalid", "Vous ne pouvez pas soutenir votre propre question.");
        }
        if (current.votedFor(e.id(), me.id())) {
            return Decision.reject("already_voted", "Vous soutenez déjà cette question : une voix par personne.");
        }
        return Decision.accept(new Upvoted(current.id(), e.id(), me.id(), at));
    }

    // ---- the facilitator's moderation ---------------------------------------------------------

    private static Poll.Entry entry(PollState s, String questionId, String entryId) {
        Poll current = s.current();
        if (current == null || !current.id().equals(questionId) || entryId == null) {
            return null;
        }
        return current.entries().get(entryId);
    }

    static Decision<PollEvent> moderate(PollState s, Moderate m, long at) {
        Poll.Entry e = entry(s, m.questionId(), m.entryId());
        if (e == null) {
            return Decision.reject("not_found", "Réponse inconnue.");
        }
        if (m.shown() == null) {
            return Decision.reject("invalid", "Précisez s'il faut afficher ou masquer la réponse.");
        }
        Poll.Visibility wanted = m.shown() ? Poll.Visibility.SHOWN : Poll.Visibility.HIDDEN;
        return e.visibility() == wanted ? Decision.accept(List.of())
                : Decision.accept(new Moderated(s.current().id(), e.id(), m.shown(), at));
    }

    static Decision<PollEvent> markAnswered(PollState s, MarkAnswered m, long at) {
        Poll.Entry e = entry(s, m.questionId(), m.entryId());
        if (e == null || s.current().kind() != PollKind.QA) {
            return Decision.reject("not_found", "Question du public inconnue.");
        }
        if (m.answered() == null) {
            return Decision.reject("invalid", "Précisez si la question est traitée.");
        }
        return e.answered() == m.answered() ? Decision.accept(List.of())
                : Decision.accept(new MarkedAnswered(s.current().id(), e.id(), m.answered(), at));
    }
}
