package org.coordscope.security;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.exceptions.ClientException;
import org.springframework.stereotype.Component;

/**
 * The {@code (:User {username, usernameKey, passwordHash, roles, enabled, createdAt})} nodes. {@code username} is
 * unique, and so is {@code usernameKey}, the name in lower case, so {@code ADMIN} cannot be added beside {@code admin}
 * (cypher/schema.cypher); users from before the key existed are compared by {@code toLower(username)}. Reads through
 * {@code executeRead}, writes through {@code executeWrite}.
 */
@Component
class UserStore {

    /** A user with its hash, for authentication only. */
    record StoredUser(UserInfo info, String passwordHash) {}

    private static final String FIELDS = """
            u {.username, .roles, .enabled, createdAt: toString(u.createdAt)} AS user, u.passwordHash AS hash""";

    private final Driver driver;

    UserStore(Driver driver) {
        this.driver = driver;
    }

    Optional<StoredUser> find(String username) {
        try (var session = driver.session()) {
            return session
                    .executeRead(tx -> tx.run(
                                    "MATCH (u:User {username: $username}) RETURN " + FIELDS,
                                    Map.of("username", username))
                            .list(UserStore::stored))
                    .stream()
                    .findFirst();
        }
    }

    List<UserInfo> list() {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run("MATCH (u:User) RETURN " + FIELDS + " ORDER BY u.username")
                    .list(r -> stored(r).info()));
        }
    }

    /** Creates a user; false when the name is taken, in any case. */
    boolean create(String username, String passwordHash, List<String> roles) {
        try (var session = driver.session()) {
            return session.executeWrite(
                    tx -> tx.run("""
                    OPTIONAL MATCH (taken:User) WHERE taken.usernameKey = toLower($username)
                                                   OR toLower(taken.username) = toLower($username)
                    WITH count(taken) AS taken WHERE taken = 0
                    CREATE (u:User {username: $username, usernameKey: toLower($username), passwordHash: $hash,
                                    roles: $roles, enabled: true, createdAt: datetime()})
                    RETURN count(u) AS n""", Map.of("username", username, "hash", passwordHash, "roles", roles))
                                    .single()
                                    .get("n")
                                    .asLong()
                            > 0);
        } catch (ClientException e) {
            if ("Neo.ClientError.Schema.ConstraintValidationFailed".equals(e.code())) {
                return false;
            }
            throw e;
        }
    }

    /** Creates or takes over {@code username} as an enabled admin with this password (the first start). */
    void upsertAdmin(String username, String passwordHash) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    MERGE (u:User {username: $username})
                    ON CREATE SET u.createdAt = datetime()
                    SET u.usernameKey = toLower($username), u.passwordHash = $hash, u.enabled = true,
                        u.roles = CASE WHEN 'admin' IN coalesce(u.roles, []) THEN u.roles
                                       ELSE coalesce(u.roles, []) + 'admin' END""", Map.of("username", username, "hash", passwordHash))
                    .consume());
        }
    }

    boolean setEnabled(String username, boolean enabled) {
        return update("SET u.enabled = $value", username, enabled);
    }

    boolean setPasswordHash(String username, String passwordHash) {
        return update("SET u.passwordHash = $value", username, passwordHash);
    }

    long enabledAdmins() {
        try (var session = driver.session()) {
            return session.executeRead(
                    tx -> tx.run("MATCH (u:User {enabled: true}) WHERE 'admin' IN u.roles RETURN count(u) AS n")
                            .single()
                            .get("n")
                            .asLong());
        }
    }

    private boolean update(String set, String username, Object value) {
        try (var session = driver.session()) {
            return session.executeWrite(tx -> tx.run(
                                    "MATCH (u:User {username: $username}) " + set + " RETURN count(u) AS n",
                                    Map.of("username", username, "value", value))
                            .single()
                            .get("n")
                            .asLong())
                    > 0;
        }
    }

    private static StoredUser stored(Record r) {
        var u = r.get("user");
        return new StoredUser(
                new UserInfo(
                        u.get("username").asString(),
                        u.get("roles").isNull() ? List.of() : u.get("roles").asList(v -> v.asString()),
                        u.get("enabled").asBoolean(false),
                        u.get("createdAt").asString(null)),
                r.get("hash").asString(null));
    }
}
