package fr.atelier.server.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a coordinators' key created at first start to the operator without writing it into the log
 * (logs are collected and kept: issue 19): the link goes into {@code coordination-key.txt} in the data
 * folder, readable by its owner only, and the log says where it is.
 */
public final class CoordinationKeyFile {
    public static final String NAME = "coordination-key.txt";
    private static final Logger LOG = LoggerFactory.getLogger(CoordinationKeyFile.class);

    private CoordinationKeyFile() {}

    public static void hand(Path dataDir, String baseUrl, String key) {
        Path file = dataDir.resolve(NAME);
        String text = "Espace coordination / Coordinators' space (notez ce lien puis effacez ce fichier / keep this link, then delete this file):\n"
                + baseUrl + "/coordination#k=" + key + "\n";
        try {
            Files.createDirectories(dataDir);
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, text);
            LOG.warn("Espace coordination : clé créée ; son lien est dans {} (notez-le puis effacez le fichier)"
                    + " / coordinators' key created: its link is in that file (keep it, then delete the file)", file);
        } catch (IOException e) {
            LOG.warn("Espace coordination : clé créée mais impossible d'écrire {} ({}) : donnez ATELIER_COORDINATOR_KEY ou créez un"
                    + " administrateur (java -jar atelier.jar admin invite …) / coordinators' key created but {} could not be written:"
                    + " set ATELIER_COORDINATOR_KEY or create an administrator", file, e.getMessage(), file);
        }
    }
}
