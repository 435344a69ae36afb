package org.coordscope.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing (issue 19), per user name and per remote address. Each key may fail a few times
 * freely; every further failure makes it wait twice as long before its next try ({@code firstDelay}, by default
 * 1 s, then 2 s, 4 s, … up to {@code maxDelay}), and a try while it waits is refused unchecked ({@code 429} with {@code Retry-After}), so a
 * guesser gains nothing by hurrying. A user name's failures are forgotten at its next successful sign-in; an
 * address's only once it has not failed for {@code window}, so one's own account cannot clear an address that
 * sprays other names. Kept in memory: a restart forgets, and so does a key quiet for {@code window}.
 */
final class SignInThrottle {

    /**
     * @param freePerUser    failures a user name may have before it must wait
     * @param freePerAddress failures one remote address may have, over all names, before it must wait
     * @param firstDelay     the wait after the first failure past the free ones
     * @param window         failures older than this (since a key's last one) are forgotten
     * @param maxDelay       the longest wait
     */
    record Settings(int freePerUser, int freePerAddress, Duration firstDelay, Duration window, Duration maxDelay) {}

    /** What a failure did: how long the keys must now wait, and whether this failure started the waiting. */
    record Outcome(long waitSeconds, boolean startedWaiting) {}

    /** Keys past this many are pruned of quiet ones, so a spray of made-up names cannot fill the memory. */
    private static final int PRUNE_ABOVE = 10_000;

    private static final class Failures {
        int count;
        Instant last;
        Instant blockedUntil = Instant.MIN;
    }

    private final Settings settings;
    private final Clock clock;
    private final Map<String, Failures> byKey = new ConcurrentHashMap<>();

    SignInThrottle(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Seconds to wait before this name may try again from this address; 0 when it may try now. */
    long retryAfter(String username, String address) {
        Instant now = clock.instant();
        return Math.max(wait(userKey(username), now), address == null ? 0 : wait(addressKey(address), now));
    }

    /** A failed try: counts it against the name and the address. */
    Outcome failed(String username, String address) {
        Instant now = clock.instant();
        if (byKey.size() > PRUNE_ABOVE) {
            byKey.values().removeIf(f -> f.last.plus(settings.window()).isBefore(now));
        }
        boolean startedUser = count(userKey(username), settings.freePerUser(), now);
        boolean startedAddress = address != null && count(addressKey(address), settings.freePerAddress(), now);
        return new Outcome(retryAfter(username, address), startedUser || startedAddress);
    }

    /** A successful sign-in: the name's failures are forgotten (the address's are not). */
    void succeeded(String username) {
        byKey.remove(userKey(username));
    }

    private boolean count(String key, int free, Instant now) {
        boolean[] started = {false};
        byKey.compute(key, (k, f) -> {
            if (f == null || f.last.plus(settings.window()).isBefore(now)) {
                f = new Failures();
            }
            f.count++;
            f.last = now;
            if (f.count > free) {
                started[0] = f.count == free + 1;
                long seconds = Math.min(
                        settings.maxDelay().toSeconds(),
                        Math.max(1, settings.firstDelay().toSeconds()) << Math.min(30, f.count - free - 1));
                f.blockedUntil = now.plusSeconds(seconds);
            }
            return f;
        });
        return started[0];
    }

    private long wait(String key, Instant now) {
        Failures f = byKey.get(key);
        if (f == null || !f.blockedUntil.isAfter(now)) {
            return 0;
        }
        long millis = Duration.between(now, f.blockedUntil).toMillis();
        return (millis + 999) / 1000;
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
