package org.coordscope.generate;

/**
 * One planted coordinated group: who is in it, whom it amplifies, what it pushes, and how tightly in time
 * its members act. Fixed when the world is built; the planner turns it into waves of actions.
 */
final class GroupPlan {

    final int index;
    final String label;
    final int[] members;

    final GroupKind kind;
    /** Copy-paste groups: the lines they paste (empty for the other kinds). */
    final String[] lines;
    /** Fast groups act within the same or the adjacent minute; spread groups over {@link #windowMillis}. */
    final boolean fast;

    final int windowMillis;
    /** Delay between a target's post and the first reaction. */
    final long lagMinMillis;

    final long lagMaxMillis;
    /** Amplified accounts (author refs: {@code >= 0} in the world, {@code < 0} outside it). */
    final int[] targets;

    final String topic;
    final String place;
    final String slogan;
    final String[] hashtags;
    /** Canonical campaign URLs; each share adds its own tracking parameters. */
    final String[] linkUrls;

    final int[] templates;
    final int[] linkTemplates;
    final int[] replyTemplates;
    /** Index into {@link Lexicon#GROUP_TOOLS}: the client members with the shared-client trait use. */
    final int tool;
    /** Epoch days on which bursts of account creation start, and their widths in days. */
    final int[] burstDay;

    final int[] burstWidth;
    final String location;
    final String emoji;
    /** utm_campaign value of its links. */
    final String code;

    final double participation;

    GroupPlan(
            int index,
            String label,
            int[] members,
            GroupKind kind,
            String[] lines,
            int windowMillis,
            long lagMinMillis,
            long lagMaxMillis,
            int[] targets,
            String topic,
            String place,
            String slogan,
            String[] hashtags,
            String[] linkUrls,
            int[] templates,
            int[] linkTemplates,
            int[] replyTemplates,
            int tool,
            int[] burstDay,
            int[] burstWidth,
            String location,
            String emoji,
            String code,
            double participation) {
        this.index = index;
        this.label = label;
        this.members = members;
        this.kind = kind;
        this.lines = lines;
        this.fast = kind.fast();
        this.windowMillis = windowMillis;
        this.lagMinMillis = lagMinMillis;
        this.lagMaxMillis = lagMaxMillis;
        this.targets = targets;
        this.topic = topic;
        this.place = place;
        this.slogan = slogan;
        this.hashtags = hashtags;
        this.linkUrls = linkUrls;
        this.templates = templates;
        this.linkTemplates = linkTemplates;
        this.replyTemplates = replyTemplates;
        this.tool = tool;
        this.burstDay = burstDay;
        this.burstWidth = burstWidth;
        this.location = location;
        this.emoji = emoji;
        this.code = code;
        this.participation = participation;
    }
}
