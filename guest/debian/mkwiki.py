#!/usr/bin/env python3
"""guest/debian/mkwiki.py: a deterministic DokuWiki of N pages for the worker image.

    mkwiki.py OUTDIR [PAGES]     (default 2100 pages)

Writes OUTDIR/pages/<namespace>/.../<page>.txt (DokuWiki syntax) and OUTDIR/manifest.tsv
(id, title, bytes, outgoing internal links; one page a line, sorted). Same arguments, same bytes:
a fixed seed, sorted output, no clock. Pages look like a team's technical wiki: namespaces and
sub-namespaces with start pages, headings at three levels, paragraphs with bold/italic/monospace,
internal links (with and without titles, to pages and sections), external links, nested lists,
tables, code blocks, quotes and footnotes, 1 to ~30 KiB each, so that rendering, the link checks
(which page exists) and DokuWiki's render cache all have real work.
"""
import os
import random
import sys

SEED = 20261206
TOPICS = ["infrastructure", "networking", "storage", "databases", "monitoring", "security",
          "deployment", "frontend", "backend", "billing", "search", "messaging", "analytics",
          "mobile", "support", "onboarding", "hardware", "compliance", "capacity", "incidents",
          "design", "testing", "releases", "research"]
SUBS = ["runbooks", "howto", "reference", "meetings"]
WORDS = """cache cluster node replica shard queue worker tenant latency throughput budget quota
request response header session token cookie certificate rotation upgrade rollback canary
deployment pipeline artifact registry mirror package kernel module driver firmware disk volume
snapshot overlay bridge tap address gateway route resolver zone record lease timeout retry
backoff circuit breaker limit burst window metric counter gauge histogram percentile alert pager
dashboard panel query index table column schema migration transaction lock deadlock vacuum
checkpoint journal segment compaction bloom filter partition rebalance leader follower election
heartbeat consensus quorum lag offset consumer producer topic stream batch job cron schedule
scaler policy target threshold cooldown warmup clone fork parent child memory page fault
prefetch descriptor image template host guest hypervisor console serial agent daemon service
unit socket port listener upstream backend frontend proxy balancer health probe readiness drain
release version branch review merge conflict test fixture mock benchmark regression profile
flame graph trace span sampler exporter collector storage bucket object lifecycle retention
archive restore backup encryption key secret vault policy role permission audit log rotation
invoice customer plan subscription usage meter rating discount refund ledger export report team
owner oncall handover escalation postmortem timeline impact mitigation followup action item
the a an of to in for on with by from at as is are was be this that which when after before
during while because so but and or not all each every some many few new old small large fast
slow safe stable default custom internal external primary secondary local remote shared private
""".split()
LANGS = ["bash", "yaml", "python", "c", "sql", "ini", "json", "nginx"]


def words(r, lo, hi):
    return " ".join(r.choice(WORDS) for _ in range(r.randint(lo, hi)))


def title(r):
    t = words(r, 2, 5)
    return t[0].upper() + t[1:]


def main():
    out = sys.argv[1]
    npages = int(sys.argv[2]) if len(sys.argv) > 2 else 2100
    r = random.Random(SEED)

    # Page ids first (links may point anywhere, including forward), then their text.
    namespaces = []
    for t in TOPICS:
        namespaces.append(t)
        for s in r.sample(SUBS, r.randint(1, 3)):
            namespaces.append(t + ":" + s)
    pages = []          # (id, title)
    used = set()
    per_ns = max(1, (npages - 1 - len(namespaces)) // len(namespaces))
    for ns in namespaces:
        pages.append((ns + ":start", ns.split(":")[-1].capitalize() + " overview"))
    while len(pages) < npages - 1:
        ns = namespaces[(len(pages) // per_ns) % len(namespaces)]
        ttl = title(r)
        pid = ns + ":" + "_".join(ttl.lower().split()[:4])
        if pid in used:
            pid += "_%d" % len(pages)
        used.add(pid)
        pages.append((pid, ttl))
    pages.append(("start", "Welcome to the snowscale wiki"))
    ids = [p[0] for p in pages]
    titles = dict(pages)

    def link(rr):
        target = rr.choice(ids)
        k = rr.random()
        if k < 0.45:
            return "[[%s|%s]]" % (target, titles[target].lower())
        if k < 0.8:
            return "[[%s]]" % target
        if k < 0.9:
            return "[[%s#%s|%s]]" % (target, "_".join(rr.choice(WORDS) for _ in range(2)), words(rr, 1, 3))
        return "[[nonexistent:%s]]" % "_".join(rr.choice(WORDS) for _ in range(2))

    def sentence(rr, links):
        parts = []
        for _ in range(rr.randint(6, 16)):
            k = rr.random()
            if k < 0.06:
                parts.append("**%s**" % words(rr, 1, 3))
            elif k < 0.1:
                parts.append("//%s//" % words(rr, 1, 3))
            elif k < 0.14:
                parts.append("''%s''" % rr.choice(WORDS))
            elif k < 0.14 + 0.06 * links:
                parts.append(link(rr))
            elif k < 0.2 + 0.06 * links:
                parts.append("[[https://example.org/%s|%s]]" % (rr.choice(WORDS), rr.choice(WORDS)))
            else:
                parts.append(words(rr, 1, 4))
        s = " ".join(parts)
        if rr.random() < 0.05:
            s += "((%s))" % words(rr, 4, 10)
        return s[0].upper() + s[1:] + "."

    def paragraph(rr, links=1.0):
        return " ".join(sentence(rr, links) for _ in range(rr.randint(2, 7)))

    def table(rr):
        cols = rr.randint(3, 6)
        rows = ["^ " + " ^ ".join(title(rr) for _ in range(cols)) + " ^"]
        for _ in range(rr.randint(3, 14)):
            cells = []
            for _ in range(cols):
                k = rr.random()
                cells.append(str(rr.randint(1, 99999)) if k < 0.3 else link(rr) if k < 0.4 else words(rr, 1, 4))
            rows.append("| " + " | ".join(cells) + " |")
        return "\n".join(rows)

    def listing(rr):
        lines = []
        mark = rr.choice(["*", "-"])
        for _ in range(rr.randint(3, 9)):
            lines.append("  %s %s" % (mark, sentence(rr, 1.5)[:-1]))
            if rr.random() < 0.3:
                for _ in range(rr.randint(1, 3)):
                    lines.append("    %s %s" % (mark, words(rr, 2, 8)))
        return "\n".join(lines)

    def code(rr):
        lang = rr.choice(LANGS)
        body = "\n".join("%s %s = %d" % (rr.choice(WORDS), rr.choice(WORDS), rr.randint(0, 9999))
                         for _ in range(rr.randint(3, 20)))
        return "<code %s>\n%s\n</code>" % (lang, body)

    manifest = []
    for pid, ttl in pages:
        rr = random.Random("%d:%s" % (SEED, pid))
        blocks = ["====== %s ======" % ttl, paragraph(rr)]
        ns = pid.rsplit(":", 1)[0] if ":" in pid else ""
        if pid == "start" or pid.endswith(":start"):
            # a start page lists its namespace (or all namespaces) as a table and a list
            members = [p for p in ids if p != pid and ((pid == "start" and p.endswith(":start"))
                       or (pid != "start" and p.rsplit(":", 1)[0] == ns))]
            blocks.append("===== Pages =====")
            blocks.append("^ Page ^ Summary ^\n" + "\n".join(
                "| [[%s]] | %s |" % (m, words(rr, 3, 8)) for m in members))
        size_goal = int(min(30000, rr.lognormvariate(8.4, 0.7)))
        size = sum(len(b) for b in blocks)
        level = 5
        while size < size_goal:
            level = rr.choice([5, 5, 4]) if level == 5 else rr.choice([5, 4, 3])
            eq = "=" * level
            blk = ["%s %s %s" % (eq, title(rr), eq), paragraph(rr)]
            k = rr.random()
            if k < 0.3:
                blk.append(listing(rr))
            elif k < 0.5:
                blk.append(table(rr))
            elif k < 0.62:
                blk.append(code(rr))
            elif k < 0.7:
                blk.append("> " + sentence(rr, 0) + "\n>> " + sentence(rr, 0))
            blk.append(paragraph(rr))
            blocks += blk
            size += sum(len(b) for b in blk)
        text = "\n\n".join(blocks) + "\n"
        path = os.path.join(out, "pages", *pid.split(":")) + ".txt"
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
        manifest.append("%s\t%s\t%d\t%d" % (pid, ttl, len(text), text.count("[[") - text.count("[[http")))
    with open(os.path.join(out, "manifest.tsv"), "w") as f:
        f.write("\n".join(sorted(manifest)) + "\n")


if __name__ == "__main__":
    main()
