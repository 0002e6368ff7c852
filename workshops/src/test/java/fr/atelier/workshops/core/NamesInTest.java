package fr.atelier.workshops.core;

import static org.assertj.core.api.Assertions.assertThat;

import fr.atelier.workshops.hackathon.HackathonCommand;
import fr.atelier.workshops.quiz.QuizCommand;
import org.junit.jupiter.api.Test;

/** Which commands carry a name the room will see: those go through the name filter at the edge. */
class NamesInTest {
    static final NameFilter FILTER = NameFilterTest.FILTER;

    @Test
    void nicknamesAndTeamNamesAreChecked() {
        assertThat(NamesIn.problem(new PlatformCommand.RenameParticipant("p1", "Connard"), FILTER)).isEqualTo(NameFilter.REFUSAL);
        assertThat(NamesIn.problem(new ActivityCommand(new QuizCommand.CreateTeam("Les Enculés")), FILTER)).isEqualTo(NameFilter.REFUSAL);
        assertThat(NamesIn.problem(new ActivityCommand(new QuizCommand.RenameTeam("t1", "Pute")), FILTER)).isEqualTo(NameFilter.REFUSAL);
        assertThat(NamesIn.problem(new ActivityCommand(new HackathonCommand.CreateTeam("Salope")), FILTER)).isEqualTo(NameFilter.REFUSAL);
        assertThat(NamesIn.problem(new ActivityCommand(new HackathonCommand.RenameTeam("t1", "Sh1t")), FILTER)).isEqualTo(NameFilter.REFUSAL);
    }

    @Test
    void ordinaryNamesAndOtherCommandsPass() {
        assertThat(NamesIn.problem(new PlatformCommand.RenameParticipant("p1", "Conan"), FILTER)).isNull();
        assertThat(NamesIn.problem(new ActivityCommand(new QuizCommand.CreateTeam("Les Cassandres")), FILTER)).isNull();
        assertThat(NamesIn.problem(new PlatformCommand.Leave(), FILTER)).isNull();
        assertThat(NamesIn.problem(new PlatformCommand.RenameParticipant("p1", "Connard"), NameFilter.NONE)).isNull();
    }
}
