package fr.atelier.workshops.hackathon;

import static fr.atelier.workshops.hackathon.HackathonFormat.*;

import fr.atelier.workshops.core.Decision;
import fr.atelier.workshops.core.Text;
import fr.atelier.workshops.hackathon.HackathonCommand.ClaimJury;
import fr.atelier.workshops.hackathon.HackathonCommand.InviteJury;
import fr.atelier.workshops.hackathon.HackathonCommand.Score;
import fr.atelier.workshops.hackathon.HackathonEvent.JuryClaimed;
import fr.atelier.workshops.hackathon.HackathonEvent.JuryInvited;
import fr.atelier.workshops.hackathon.HackathonEvent.Scored;
import fr.atelier.workshops.hackathon.HackathonState.Ballot;
import fr.atelier.workshops.hackathon.HackathonState.JurySeat;
import fr.atelier.workshops.hackathon.HackathonState.Stage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Jury seats, their links and the scores of jurors and the room. */
final class HackathonJury {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,100}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private HackathonJury() {}

    // ---- jury and votes ---------------------------------------------------------------------------------

    static Decision<HackathonEvent> invite(HackathonState s, InviteJury inv, long at) {
        if (s.jury().size() >= SEATS_MAX) {
            return Decision.reject("invalid", "Pas plus de " + SEATS_MAX + " places de jury.");
        }
        if (inv.tokenHash() == null || !HASH.matcher(inv.tokenHash()).matches()) {
            return Decision.reject("invalid", "Empreinte du lien jury invalide (SHA-256 en hexadécimal attendu).");
        }
        if (s.jury().stream().anyMatch(j -> j.tokenHash().equals(inv.tokenHash()))) {
            return Decision.reject("invalid", "Ce lien jury existe déjà.");
        }
        String label = Text.clean(inv.label()).replaceAll("\\s+", " ");
        if (label.length() > SEAT_LABEL_MAX) {
            return Decision.reject("invalid", "Le nom de la place de jury fait " + SEAT_LABEL_MAX + " caractères au plus.");
        }
        int n = s.seatCount() + 1;
        return Decision.accept(new JuryInvited(SEAT_PREFIX + n, label.isEmpty() ? "Jury " + n : label, inv.tokenHash(), at));
    }

    static Decision<HackathonEvent> claim(HackathonState s, String me, ClaimJury cj, long at) {
        if (cj.token() == null || !TOKEN.matcher(cj.token()).matches()) {
            return Decision.reject("invalid", "Lien jury illisible.");
        }
        byte[] hash = sha256(cj.token()).getBytes(StandardCharsets.US_ASCII);
        for (JurySeat seat : s.jury()) {
            if (MessageDigest.isEqual(hash, seat.tokenHash().getBytes(StandardCharsets.US_ASCII))) {
                if (me.equals(seat.holder())) {
                    return Decision.accept(List.of());
                }
                return Decision.accept(new JuryClaimed(seat.id(), me, seat.holder(), at));
            }
        }
        return Decision.reject("not_found", "Ce lien jury n'est pas (ou plus) valable : demandez-en un nouveau à l'animation.");
    }

    static Decision<HackathonEvent> score(HackathonState s, String me, Score sc, long at) {
        if (s.kit() == null) {
            return Decision.reject("wrong_phase", "Le vote n'est pas ouvert.");
        }
        if (s.stage() != Stage.PITCH && s.stage() != Stage.VOTE) {
            return Decision.reject("wrong_phase", "Le vote s'ouvre avec les pitchs.");
        }
        if (sc.teamId() == null || s.teams().team(sc.teamId()).isEmpty()) {
            return Decision.reject("not_found", "Cette équipe n'existe pas.");
        }
        if (!s.revealed(sc.teamId())) {
            return Decision.reject("wrong_phase", "Vous pourrez évaluer cette équipe après son pitch.");
        }
        JurySeat seat = s.seatOf(me).orElse(null);
        if (seat == null) {
            if (!s.settings().publicVote()) {
                return Decision.reject("forbidden", "Seul le jury vote pour ce hackathon.");
            }
            if (sc.teamId().equals(s.teams().teamIdOf(me))) {
                return Decision.reject("forbidden", "On ne vote pas pour sa propre équipe.");
            }
        }
        Map<String, Integer> scores = sc.scores() == null ? Map.of() : sc.scores();
        Map<String, Integer> clean = new LinkedHashMap<>();
        for (HackathonKit.Criterion c : s.kit().rubric()) {
            Integer v = scores.get(c.id());
            if (v == null) {
                return Decision.reject("invalid", "Notez chaque critère, y compris « " + c.label() + " ».");
            }
            if (v < SCORE_MIN || v > SCORE_MAX) {
                return Decision.reject("invalid", "Chaque note va de " + SCORE_MIN + " à " + SCORE_MAX + ".");
            }
            clean.put(c.id(), v);
        }
        if (scores.size() != clean.size()) {
            return Decision.reject("invalid", "Critère inconnu dans la grille.");
        }
        boolean jury = seat != null;
        String voter = jury ? seat.id() : me;
        Ballot current = s.ballots().get(Ballot.key(jury, voter, sc.teamId()));
        if (current != null && current.scores().equals(clean)) {
            return Decision.accept(List.of());
        }
        return Decision.accept(new Scored(voter, jury, me, sc.teamId(), clean, at));
    }
}
