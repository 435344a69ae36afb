package org.coordscope.ingest.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.coordscope.ingest.model.AccountRecord;
import org.coordscope.ingest.model.BadRow;
import org.coordscope.ingest.model.PostRecord;
import org.coordscope.ingest.model.RecordSink;

/** Keeps everything a reader pushes, in order, for small fixtures. */
public final class CollectingSink implements RecordSink {

    public final List<AccountRecord> accounts = new ArrayList<>();
    public final List<PostRecord> posts = new ArrayList<>();
    public final List<BadRow> badRows = new ArrayList<>();
    /** "account", "post" or "bad", in call order. */
    public final List<String> events = new ArrayList<>();

    @Override
    public void account(AccountRecord account) {
        accounts.add(account);
        events.add("account");
    }

    @Override
    public void post(PostRecord post) {
        posts.add(post);
        events.add("post");
    }

    @Override
    public void badRow(BadRow badRow) {
        badRows.add(badRow);
        events.add("bad");
    }

    public Map<String, PostRecord> postsById() {
        return posts.stream().collect(Collectors.toMap(PostRecord::id, Function.identity(), (a, b) -> a));
    }

    public PostRecord post(String id) {
        return posts.stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no post " + id + " among "
                        + posts.stream().map(PostRecord::id).toList()));
    }

    public AccountRecord account(String id) {
        return accounts.stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no account " + id));
    }
}
