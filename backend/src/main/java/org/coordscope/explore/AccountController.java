package org.coordscope.explore;

import org.coordscope.web.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accounts, their neighbourhoods, the evidence of an edge, and search. Account ids may hold / + =: encode them. */
@RestController
@RequestMapping("/api")
class AccountController {

    private final AccountService accounts;
    private final SearchService search;
    private final EvidenceCards cards;

    AccountController(AccountService accounts, SearchService search, EvidenceCards cards) {
        this.accounts = accounts;
        this.search = search;
        this.cards = cards;
    }

    @GetMapping("/accounts/{id}")
    AccountService.AccountDetail account(
            @PathVariable String id,
            @RequestParam(required = false) String dataset,
            @RequestParam(required = false) String run,
            @RequestParam(defaultValue = "" + Activity.DEFAULT_BUCKETS) int buckets) {
        return accounts.detail(id, dataset, run, buckets);
    }

    @GetMapping("/accounts/{id}/neighbours")
    Page<AccountService.Neighbour> neighbours(
            @PathVariable String id,
            @RequestParam(required = false) String dataset,
            @RequestParam(required = false) String run,
            @RequestParam(required = false) String signal,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return accounts.neighbours(id, dataset, run, signal, Page.Request.of(page, size));
    }

    @GetMapping("/edges")
    AccountService.EdgeEvidence edge(
            @RequestParam(required = false) String run,
            @RequestParam String a,
            @RequestParam String b,
            @RequestParam(required = false) String dataset) {
        return accounts.edge(run, a, b, dataset);
    }

    /** The edge's shared objects with both accounts' posts on each, newest first. */
    @GetMapping("/edges/cards")
    Page<EvidenceCards.Card> edgeCards(
            @RequestParam(required = false) String run,
            @RequestParam String a,
            @RequestParam String b,
            @RequestParam(required = false) String dataset,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return cards.edge(run, a, b, dataset, Page.Request.of(page, size));
    }

    /** Every edge's cards of the account in a run, newest first. */
    @GetMapping("/accounts/{id}/cards")
    Page<EvidenceCards.Card> accountCards(
            @PathVariable String id,
            @RequestParam(required = false) String dataset,
            @RequestParam(required = false) String run,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return cards.account(id, dataset, run, Page.Request.of(page, size));
    }

    /** The account's posts, newest first. */
    @GetMapping("/accounts/{id}/posts")
    Page<EvidenceCards.Post> posts(
            @PathVariable String id,
            @RequestParam(required = false) String dataset,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return cards.posts(id, dataset, Page.Request.of(page, size));
    }

    @GetMapping("/search")
    Page<SearchService.Hit> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String dataset,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return search.search(q, dataset, Page.Request.of(page, size));
    }
}
