package fr.atelier.server;

/** {@code java -jar atelier.jar}: one node, configured from ATELIER_* environment variables. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        AtelierServer server = AtelierServer.start(Config.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "atelier-shutdown"));
    }
}
