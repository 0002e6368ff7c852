package fr.atelier.workshops.hackathon;

import static fr.atelier.workshops.hackathon.HackathonFormat.*;

import fr.atelier.workshops.core.TeamEvent;
import fr.atelier.workshops.hackathon.HackathonEvent.ChallengeChosen;
import fr.atelier.workshops.hackathon.HackathonEvent.DeadlineExtended;
import fr.atelier.workshops.hackathon.HackathonEvent.DotChanged;
import fr.atelier.workshops.hackathon.HackathonEvent.FieldEdited;
import fr.atelier.workshops.hackathon.HackathonEvent.IdeaAdded;
import fr.atelier.workshops.hackathon.HackathonEvent.IdeaRemoved;
import fr.atelier.workshops.hackathon.HackathonEvent.JuryClaimed;
import fr.atelier.workshops.hackathon.HackathonEvent.JuryInvited;
import fr.atelier.workshops.hackathon.HackathonEvent.JuryRevoked;
import fr.atelier.workshops.hackathon.HackathonEvent.MemberJoined;
import fr.atelier.workshops.hackathon.HackathonEvent.MemberLeft;
import fr.atelier.workshops.hackathon.HackathonEvent.PitchOrderSet;
import fr.atelier.workshops.hackathon.HackathonEvent.PitchStarted;
import fr.atelier.workshops.hackathon.HackathonEvent.PresenceChanged;
import fr.atelier.workshops.hackathon.HackathonEvent.Scored;
import fr.atelier.workshops.hackathon.HackathonEvent.SetUp;
import fr.atelier.workshops.hackathon.HackathonEvent.StageChanged;
import fr.atelier.workshops.hackathon.HackathonEvent.TeamCreated;
import fr.atelier.workshops.hackathon.HackathonEvent.TeamRemoved;
import fr.atelier.workshops.hackathon.HackathonEvent.TeamRenamed;
import fr.atelier.workshops.hackathon.HackathonEvent.TeamsBalanced;
import fr.atelier.workshops.hackathon.HackathonEvent.TimeUp;
import fr.atelier.workshops.hackathon.HackathonState.Ballot;
import fr.atelier.workshops.hackathon.HackathonState.FieldValue;
import fr.atelier.workshops.hackathon.HackathonState.Idea;
import fr.atelier.workshops.hackathon.HackathonState.JurySeat;
import fr.atelier.workshops.hackathon.HackathonState.Presence;
import fr.atelier.workshops.hackathon.HackathonState.Stage;
import fr.atelier.workshops.hackathon.HackathonState.TeamWork;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hackathon's evolve: applies facts, decides nothing. */
final class HackathonEvolve {
    private HackathonEvolve() {}

    // ---- evolve -------------------------------------------------------------------------------------------

    static HackathonState evolve(HackathonState s, HackathonEvent e) {
        if (e instanceof FieldEdited f) {
            TeamWork w = s.workOf(f.teamId()).withField(f.field(), new FieldValue(f.text(), f.rev(), f.by(), f.at()));
            return s.withWork(f.teamId(), w.withPresence(f.by(), new Presence(f.field(), f.at() + PRESENCE_MS)));
        }
        if (e instanceof PresenceChanged p) {
            Presence presence = p.field() == null ? null : new Presence(p.field(), p.until());
            return s.withWork(p.teamId(), s.workOf(p.teamId()).withPresence(p.participantId(), presence));
        }
        if (e instanceof IdeaAdded a) {
            TeamWork w = s.workOf(a.teamId());
            return s.withWork(a.teamId(), w.withIdeas(HackathonState.append(w.ideas(), new Idea(a.ideaId(), a.text(), a.by(), a.at(), List.of()))))
                    .withIdeaCount(s.ideaCount() + 1);
        }
        if (e instanceof IdeaRemoved r) {
            TeamWork w = s.workOf(r.teamId());
            return s.withWork(r.teamId(), w.withIdeas(w.ideas().stream().filter(i -> !i.id().equals(r.ideaId())).toList()));
        }
        if (e instanceof DotChanged d) {
            TeamWork w = s.workOf(d.teamId());
            List<Idea> ideas = new ArrayList<>();
            for (Idea i : w.ideas()) {
                if (i.id().equals(d.ideaId())) {
                    List<String> dots = new ArrayList<>(i.dots());
                    dots.remove(d.participantId());
                    if (d.on()) {
                        dots.add(d.participantId());
                    }
                    i = new Idea(i.id(), i.text(), i.by(), i.at(), dots);
                }
                ideas.add(i);
            }
            return s.withWork(d.teamId(), w.withIdeas(ideas));
        }
        if (e instanceof Scored sc) {
            Map<String, Ballot> ballots = new LinkedHashMap<>(s.ballots());
            Ballot b = new Ballot(sc.voter(), sc.jury(), sc.teamId(), sc.scores(), sc.at());
            ballots.put(b.key(), b);
            return s.withBallots(ballots);
        }
        if (e instanceof SetUp su) {
            HackathonState next = s.withKit(su.kit(), su.settings());
            for (Map.Entry<String, TeamWork> w : s.work().entrySet()) {
                String ch = w.getValue().challengeId();
                if (ch != null && su.kit().challenge(ch).isEmpty()) {
                    next = next.withWork(w.getKey(), w.getValue().withChallenge(null));
                }
            }
            return next;
        }
        if (e instanceof TeamRemoved t) {
            HackathonState next = s.withTeams(s.teams().apply(t)).withoutWork(t.teamId());
            return next.withPitch(next.pitchOrder().stream().filter(id -> !id.equals(t.teamId())).toList(),
                    t.teamId().equals(next.pitching()) ? null : next.pitching(), next.pitchDeadline(), next.pitchTimeUp(), next.pitched());
        }
        if (e instanceof MemberJoined j) {
            return dropPresence(s, j.participantId()).withTeams(s.teams().apply(j));
        }
        if (e instanceof MemberLeft l) {
            return dropPresence(s, l.participantId()).withTeams(s.teams().apply(l));
        }
        if (e instanceof TeamCreated || e instanceof TeamRenamed || e instanceof TeamsBalanced) {
            return s.withTeams(s.teams().apply((TeamEvent) e));
        }
        if (e instanceof ChallengeChosen c) {
            return s.withWork(c.teamId(), s.workOf(c.teamId()).withChallenge(c.challengeId()));
        }
        if (e instanceof StageChanged sc) {
            HackathonState next = s.withStage(sc.stage(), sc.at(), sc.deadline(), sc.pitchOrder() == null ? s.pitchOrder() : sc.pitchOrder());
            if (sc.stage().ordinal() >= Stage.PITCH.ordinal()) {
                // Canvases are frozen: nobody is writing any more.
                for (Map.Entry<String, TeamWork> w : next.work().entrySet()) {
                    if (!w.getValue().presence().isEmpty()) {
                        TeamWork v = w.getValue();
                        next = next.withWork(w.getKey(), new TeamWork(v.challengeId(), v.fields(), v.ideas(), Map.of()));
                    }
                }
            }
            return next;
        }
        if (e instanceof DeadlineExtended d) {
            if ("pitch".equals(d.what())) {
                return s.withPitch(s.pitchOrder(), s.pitching(), d.deadline(), false, s.pitched());
            }
            return s.withDeadline(d.deadline(), false);
        }
        if (e instanceof TimeUp t) {
            if ("pitch".equals(t.what())) {
                return s.withPitch(s.pitchOrder(), s.pitching(), s.pitchDeadline(), true, s.pitched());
            }
            return s.withDeadline(s.deadline(), true);
        }
        if (e instanceof PitchOrderSet po) {
            return s.withPitch(po.order(), s.pitching(), s.pitchDeadline(), s.pitchTimeUp(), s.pitched());
        }
        if (e instanceof PitchStarted p) {
            List<String> done = p.teamId() == null || s.pitched().contains(p.teamId()) ? s.pitched()
                    : HackathonState.append(s.pitched(), p.teamId());
            return s.withPitch(s.pitchOrder(), p.teamId(), p.deadline(), false, done);
        }
        if (e instanceof JuryInvited j) {
            return s.withJury(HackathonState.append(s.jury(), new JurySeat(j.seatId(), j.label(), j.tokenHash(), null, j.at())),
                    s.seatCount() + 1, s.ballots());
        }
        if (e instanceof JuryRevoked r) {
            Map<String, Ballot> ballots = new LinkedHashMap<>(s.ballots());
            ballots.values().removeIf(b -> b.jury() && b.voter().equals(r.seatId()));
            return s.withJury(s.jury().stream().filter(j -> !j.id().equals(r.seatId())).toList(), s.seatCount(), ballots);
        }
        if (e instanceof JuryClaimed c) {
            List<JurySeat> seats = new ArrayList<>();
            for (JurySeat j : s.jury()) {
                if (j.id().equals(c.seatId())) {
                    seats.add(new JurySeat(j.id(), j.label(), j.tokenHash(), c.participantId(), j.at()));
                } else if (c.participantId().equals(j.holder())) {
                    seats.add(new JurySeat(j.id(), j.label(), j.tokenHash(), null, j.at()));
                } else {
                    seats.add(j);
                }
            }
            // A juror is nobody's teammate and casts no public vote.
            Map<String, Ballot> ballots = new LinkedHashMap<>(s.ballots());
            ballots.values().removeIf(b -> !b.jury() && b.voter().equals(c.participantId()));
            HackathonState next = dropPresence(s, c.participantId());
            return next.withTeams(next.teams().leave(c.participantId())).withJury(seats, s.seatCount(), ballots);
        }
        throw new IllegalStateException("unknown event " + e);
    }

    static HackathonState dropPresence(HackathonState s, String participantId) {
        String team = s.teams().teamIdOf(participantId);
        if (team == null || !s.workOf(team).presence().containsKey(participantId)) {
            return s;
        }
        return s.withWork(team, s.workOf(team).withPresence(participantId, null));
    }
}
