package org.coordscope.ingest.model;

import java.time.Instant;
import java.util.List;

/**
 * One post (tweet, retweet, share) in the canonical shape every reader produces.
 *
 * @param id            the post's id, unique within the dataset
 * @param author        the posting account (at least its id; profile fields when the row carries them)
 * @param createdAt     when it was posted (required)
 * @param retweetOf     the retweeted post's id, or null
 * @param retweetOfAuthor the retweeted post's author id, or null when the source does not say
 * @param quoteOf       the quoted post's id, or null
 * @param replyTo       the replied-to post's id, or null
 * @param replyToAuthor the replied-to account's id, or null
 * @param hashtags      hashtags as written (without '#'); case-folding happens in the writer
 * @param urls          shared URLs as given (expanded where the source has them); normalised by the writer
 * @param domains       shared domains given on their own (shares format), besides those of {@code urls}
 * @param imageHashes   shared image hashes (shares format)
 * @param mentionIds    mentioned accounts' ids, when the source gives ids
 * @param mentionNames  mentioned screen names, when the source gives only names (parsed from text)
 * @param source        where it came from, {@code file:line}, so evidence can point back at the row
 */
public record PostRecord(
        String id,
        AccountRecord author,
        Instant createdAt,
        String text,
        String lang,
        String client,
        String retweetOf,
        String retweetOfAuthor,
        String quoteOf,
        String replyTo,
        String replyToAuthor,
        List<String> hashtags,
        List<String> urls,
        List<String> domains,
        List<String> imageHashes,
        List<String> mentionIds,
        List<String> mentionNames,
        String source) {

    public PostRecord {
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
        urls = urls == null ? List.of() : List.copyOf(urls);
        domains = domains == null ? List.of() : List.copyOf(domains);
        imageHashes = imageHashes == null ? List.of() : List.copyOf(imageHashes);
        mentionIds = mentionIds == null ? List.of() : List.copyOf(mentionIds);
        mentionNames = mentionNames == null ? List.of() : List.copyOf(mentionNames);
    }

    /** The same post with another description of its author. */
    public PostRecord withAuthor(AccountRecord other) {
        return new PostRecord(
                id,
                other,
                createdAt,
                text,
                lang,
                client,
                retweetOf,
                retweetOfAuthor,
                quoteOf,
                replyTo,
                replyToAuthor,
                hashtags,
                urls,
                domains,
                imageHashes,
                mentionIds,
                mentionNames,
                source);
    }
}
