package dev.buyonce.bench;

/** One started service: its HTTP address, its own database and its process id (0 where unknown). */
record Service(String url, Http http, Database db, long pid) {

    /** The service run.sh passed as {@code --<name>-url}, {@code --<name>-db} and {@code --<name>-pid}, or null. */
    static Service named(BenchConfig config, String name) {
        if (!config.values().containsKey(name + "-url")) {
            return null;
        }
        String url = config.require(name + "-url");
        return new Service(url, new Http(url), new Database(config.require(name + "-db")), config.pid(name));
    }
}
