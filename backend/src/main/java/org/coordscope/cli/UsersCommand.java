package org.coordscope.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.coordscope.security.Role;
import org.coordscope.security.UserInfo;
import org.coordscope.security.UserService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "users",
        mixinStandardHelpOptions = true,
        description = {
            "Manage the server's users on a local store (no sign-in needed: whoever can read the store" + " owns it).",
            "  users list",
            "  users add NAME --role investigator|admin [--password-stdin]",
            "  users disable NAME | users enable NAME",
            "  users reset NAME [--password-stdin]",
            "Without --password-stdin a strong password is generated and printed once."
        })
class UsersCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store = new StoreOptions();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ACTION", description = "list, add, disable, enable or reset")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME", description = "The user name")
    String name;

    @Option(
            names = "--role",
            paramLabel = "ROLE",
            split = ",",
            description = "add: investigator (explore, queries, exports) or admin (also import, detect, users)")
    List<String> roles;

    @Option(names = "--password-stdin", description = "add, reset: read the password from the first line of stdin")
    boolean passwordStdin;

    @Override
    public Integer call() throws IOException {
        if (!List.of("list", "add", "disable", "enable", "reset").contains(action)) {
            throw new IllegalArgumentException("users list, add, disable, enable or reset, not '" + action + "'.");
        }
        if (!action.equals("list") && name == null) {
            throw new IllegalArgumentException("users " + action + " needs the user NAME.");
        }
        if (roles != null) {
            roles.forEach(Role::of); // a wrong role fails before the store is opened
        }
        String password = passwordStdin ? readPassword() : null;
        PrintWriter out = spec.commandLine().getOut();
        try (var context = Contexts.services(store, spec.commandLine().getErr())) {
            UserService users = context.getBean(UserService.class);
            switch (action) {
                case "list" -> {
                    out.printf("%-24s %-22s %-9s %s%n", "USER", "ROLES", "ENABLED", "CREATED");
                    for (UserInfo u : users.list()) {
                        out.printf(
                                "%-24s %-22s %-9s %s%n",
                                u.username(), String.join(",", u.roles()), u.enabled() ? "yes" : "no", u.createdAt());
                    }
                }
                case "add" -> handOver(out, "Added", users.add(name, password, roles));
                case "reset" -> handOver(out, "Reset the password of", users.resetPassword(name, password));
                default -> {
                    boolean enable = action.equals("enable");
                    users.setEnabled(name, enable);
                    out.printf("%s user '%s'.%n", enable ? "Enabled" : "Disabled", name);
                }
            }
            out.flush();
            return 0;
        }
    }

    private static void handOver(PrintWriter out, String what, UserService.Credentials c) {
        out.printf(
                "%s user '%s' (%s).%n",
                what, c.user().username(), String.join(", ", c.user().roles()));
        if (c.password() != null) {
            out.printf("Generated password: %s%n(shown only this once: hand it over safely)%n", c.password());
        }
    }

    private static String readPassword() throws IOException {
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new IllegalArgumentException("--password-stdin: stdin had no password line.");
        }
        return line;
    }
}
