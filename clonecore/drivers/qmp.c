/* drivers/qmp.c: a QMP client (one command at a time on a unix socket; events are read on the
 * way and the MIGRATION ones remembered), and migration of a VM's state to or from a file. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "qemu_int.h"

void qmp_close(struct qmp_conn *q)
{
        if (q->fd >= 0)
                close(q->fd);
        q->fd = -1;
        q->in.have = 0;
}

/* An event met while waiting for an answer: remember what a MIGRATION event said, and which
 * block job ended how (BLOCK_JOB_COMPLETED carries "error" when it failed). */
static void note_event(struct qmp_conn *q, json_object *msg)
{
        json_object *ev, *data, *st;

        if (!json_object_object_get_ex(msg, "event", &ev) || !json_object_object_get_ex(msg, "data", &data))
                return;
        if (!strcmp(json_object_get_string(ev), "MIGRATION") && json_object_object_get_ex(data, "status", &st))
                snprintf(q->mig_status, sizeof(q->mig_status), "%s", json_object_get_string(st));
        if (!strcmp(json_object_get_string(ev), "BLOCK_JOB_COMPLETED") &&
            json_object_object_get_ex(data, "device", &st)) {
                snprintf(q->job_done, sizeof(q->job_done), "%s", json_object_get_string(st));
                q->job_error[0] = 0;
                if (json_object_object_get_ex(data, "error", &st))
                        snprintf(q->job_error, sizeof(q->job_error), "%s", json_object_get_string(st));
        }
}

/* One message from QEMU within left_ms, noted (note_event). -ETIMEDOUT when none came (the caller
 * checks its own deadline); any other error is final and said in why as "waiting for WHAT: ...". */
static int qmp_next_event(struct qmp_conn *q, int64_t left_ms, const char *what, char *why, size_t why_len)
{
        char *line = NULL;
        json_object *msg;
        int rc = qemu_line_read(q->fd, q->watch_fd, &q->in, (int)left_ms, &line);

        if (rc == -ETIMEDOUT)
                return rc;
        if (rc)
                return cc_why(why, why_len, rc, "waiting for %s: %s", what,
                              rc == -EPIPE ? "QEMU closed the connection" : rc == -ESRCH ? "QEMU exited" : strerror(-rc));
        msg = json_tokener_parse(line);
        free(line);
        if (!msg)
                return cc_why(why, why_len, -EPROTO, "QMP: unparsable event");
        note_event(q, msg);
        json_object_put(msg);
        return 0;
}

int qmp_wait_job(struct qmp_conn *q, const char *job_id, unsigned timeout_ms, char *why, size_t why_len)
{
        uint64_t deadline = mono_ns() + (uint64_t)timeout_ms * 1000000ull;
        char what[96];

        snprintf(what, sizeof(what), "block job %s", job_id);
        while (strcmp(q->job_done, job_id)) {
                int64_t left = ((int64_t)deadline - (int64_t)mono_ns()) / 1000000;
                int rc;

                if (left <= 0)
                        return cc_why(why, why_len, -ETIMEDOUT, "%s did not finish within %u s",
                                      what, timeout_ms / 1000);
                rc = qmp_next_event(q, left, what, why, why_len);
                if (rc && rc != -ETIMEDOUT)
                        return rc;
        }
        if (q->job_error[0])
                return cc_why(why, why_len, -EIO, "block job %s failed: %s", job_id, q->job_error);
        return 0;
}

/* Send the first byte of s with fd attached (SCM_RIGHTS), as QMP's getfd expects. */
static int send_with_fd(int sock, const char *s, int fd)
{
        char cbuf[CMSG_SPACE(sizeof(int))];
        struct iovec iov = { .iov_base = (void *)s, .iov_len = 1 };
        struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
                             .msg_controllen = sizeof(cbuf) };
        struct cmsghdr *c;

        memset(cbuf, 0, sizeof(cbuf));
        c = CMSG_FIRSTHDR(&mh);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(c), &fd, sizeof(int));
        for (;;) {
                ssize_t n = sendmsg(sock, &mh, MSG_NOSIGNAL);
                if (n == 1)
                        return qemu_send_all(sock, s + 1);
                if (n < 0 && errno == EINTR)
                        continue;
                return n < 0 ? -errno : -EIO;
        }
}

/* Run one QMP command, passing fd along when fd >= 0; *ret (optional) gets the "return" value.
 * Events met on the way are noted (note_event), the greeting skipped. */
int qmp_cmd_fd(struct qmp_conn *q, const char *cmd, json_object *args, int fd, json_object **ret,
                      char *why, size_t why_len)
{
        json_object *req = json_object_new_object();
        const char *text;
        char *line = NULL;
        int rc;

        if (ret)
                *ret = NULL;
        if (q->fd < 0) {
                json_object_put(args);
                json_object_put(req);
                return cc_why(why, why_len, -ENOTCONN, "QMP is not connected");
        }
        json_object_object_add(req, "execute", json_object_new_string(cmd));
        if (args)
                json_object_object_add(req, "arguments", args);
        text = json_object_to_json_string_ext(req, JSON_C_TO_STRING_PLAIN);
        rc = fd >= 0 ? send_with_fd(q->fd, text, fd) : qemu_send_all(q->fd, text);
        if (rc == 0)
                rc = qemu_send_all(q->fd, "\n");
        json_object_put(req);
        if (rc)
                return cc_why(why, why_len, rc, "QMP %s: send: %s", cmd, strerror(-rc));
        for (;;) {
                json_object *msg, *v;
                rc = qemu_line_read(q->fd, q->watch_fd, &q->in, QMP_TIMEOUT_MS, &line);
                if (rc == -ETIMEDOUT)
                        return cc_why(why, why_len, rc, "QEMU did not answer QMP %s within %d s (hung?)",
                                       cmd, QMP_TIMEOUT_MS / 1000);
                if (rc)
                        return cc_why(why, why_len, rc, "QMP %s: %s", cmd,
                                       rc == -EPIPE ? "QEMU closed the connection" : rc == -ESRCH ? "QEMU exited" : strerror(-rc));
                msg = json_tokener_parse(line);
                free(line);
                line = NULL;
                if (!msg)
                        return cc_why(why, why_len, -EPROTO, "QMP %s: unparsable answer", cmd);
                if (json_object_object_get_ex(msg, "return", &v)) {
                        if (ret)
                                *ret = json_object_get(v);
                        json_object_put(msg);
                        return 0;
                }
                if (json_object_object_get_ex(msg, "error", &v)) {
                        json_object *d = NULL;
                        json_object_object_get_ex(v, "desc", &d);
                        rc = cc_why(why, why_len, -EIO, "QMP %s: %s", cmd,
                                     d ? json_object_get_string(d) : "error");
                        json_object_put(msg);
                        return rc;
                }
                note_event(q, msg);             /* an event or the greeting: not our answer */
                json_object_put(msg);
        }
}

int qmp_cmd(struct qmp_conn *q, const char *cmd, json_object *args, json_object **ret,
                   char *why, size_t why_len)
{
        return qmp_cmd_fd(q, cmd, args, -1, ret, why, why_len);
}

int qmp_connect(struct qmp_conn *q, const char *path, int watch_fd, char *why, size_t why_len)
{
        char *line = NULL;
        int rc;

        qmp_close(q);
        q->watch_fd = watch_fd;
        rc = qemu_unix_connect(path);
        if (rc < 0)
                return cc_why(why, why_len, rc, "connect %s: %s", path, strerror(-rc));
        q->fd = rc;
        rc = qemu_line_read(q->fd, q->watch_fd, &q->in, QMP_TIMEOUT_MS, &line);     /* greeting */
        free(line);
        if (rc) {
                qmp_close(q);
                if (rc == -ETIMEDOUT)
                        return cc_why(why, why_len, rc, "QEMU did not greet on QMP within %d s (hung?)",
                                       QMP_TIMEOUT_MS / 1000);
                return cc_why(why, why_len, rc, "no QMP greeting from QEMU: %s", strerror(-rc));
        }
        return qmp_cmd(q, "qmp_capabilities", NULL, NULL, why, why_len);
}

/* x-ignore-shared as asked; "events" always, so the migration's end arrives as a MIGRATION
 * event instead of being polled for. */
static int qmp_set_caps(struct qmp_conn *q, bool ignore_shared, char *why, size_t why_len)
{
        json_object *args = json_object_new_object(), *caps = json_object_new_array(), *c;

        c = json_object_new_object();
        json_object_object_add(c, "capability", json_object_new_string("x-ignore-shared"));
        json_object_object_add(c, "state", json_object_new_boolean(ignore_shared));
        json_object_array_add(caps, c);
        c = json_object_new_object();
        json_object_object_add(c, "capability", json_object_new_string("events"));
        json_object_object_add(c, "state", json_object_new_boolean(true));
        json_object_array_add(caps, c);
        json_object_object_add(args, "capabilities", caps);
        return qmp_cmd(q, "migrate-set-capabilities", args, NULL, why, why_len);
}

/* Wait for the MIGRATION event that ends the migration started after q->mig_status was reset
 * (the event may already have arrived while the command's answer was read). Incoming, the VM
 * must then have left "inmigrate" for a state it can be continued from. */
/* The outgoing side's MIGRATION event ("completed" or "failed") is sent by the migration thread
 * before it takes the big QEMU lock to move the run state on from finish-migrate (QEMU 7.2
 * migration_iteration_finish). A "cont" in between is refused ("Migration is not finalized yet"),
 * leaving the VM paused with its block nodes inactive, and a disk header written then (QMP
 * change-backing-file) aborts QEMU. No event marks that step, so ask until the state has moved
 * on; it is one lock hand-over away, so the pauses between questions are short. */
static int wait_past_finish_migrate(struct qmp_conn *q, unsigned timeout_ms, char *why, size_t why_len)
{
        uint64_t deadline = mono_ns() + (uint64_t)timeout_ms * 1000000ull;

        for (;;) {
                json_object *r = NULL, *s = NULL;
                bool finishing;
                int rc = qmp_cmd(q, "query-status", NULL, &r, why, why_len);

                if (rc)
                        return rc;
                finishing = json_object_object_get_ex(r, "status", &s) &&
                            !strcmp(json_object_get_string(s), "finish-migrate");
                json_object_put(r);
                if (!finishing)
                        return 0;
                if (mono_ns() >= deadline)
                        return cc_why(why, why_len, -ETIMEDOUT, "QEMU stayed in finish-migrate for %u s after the migration ended",
                                      timeout_ms / 1000);
                poll(NULL, 0, 1);
        }
}

static int qmp_wait_migration(struct qmp_conn *q, bool incoming, unsigned timeout_ms, char *why, size_t why_len)
{
        uint64_t deadline = mono_ns() + (uint64_t)timeout_ms * 1000000ull;
        json_object *r = NULL, *s = NULL;
        const char *st;
        int rc;

        while (strcmp(q->mig_status, "completed") && strcmp(q->mig_status, "failed") &&
               strcmp(q->mig_status, "cancelled")) {
                int64_t left = ((int64_t)deadline - (int64_t)mono_ns()) / 1000000;

                if (left <= 0)
                        return cc_why(why, why_len, -ETIMEDOUT, "migration did not finish within %u s",
                                      timeout_ms / 1000);
                rc = qmp_next_event(q, left, "the migration", why, why_len);
                if (rc && rc != -ETIMEDOUT)
                        return rc;
        }
        if (!incoming) {
                rc = wait_past_finish_migrate(q, QMP_TIMEOUT_MS, why, why_len);
                if (rc && !strcmp(q->mig_status, "completed"))
                        return rc;
        }
        if (strcmp(q->mig_status, "completed")) {
                json_object *e = NULL;
                /* the event carries no reason; query-migrate has it (outgoing side) */
                rc = qmp_cmd(q, "query-migrate", NULL, &r, NULL, 0);
                if (rc == 0)
                        json_object_object_get_ex(r, "error-desc", &e);
                rc = cc_why(why, why_len, -EIO, "migration %s: %s", q->mig_status,
                            e ? json_object_get_string(e) : "no detail");
                json_object_put(r);
                return rc;
        }
        if (!incoming)
                return 0;
        rc = qmp_cmd(q, "query-status", NULL, &r, why, why_len);
        if (rc)
                return rc;
        json_object_object_get_ex(r, "status", &s);
        st = s ? json_object_get_string(s) : "";
        if (strcmp(st, "paused") && strcmp(st, "prelaunch") && strcmp(st, "running") && strcmp(st, "postmigrate"))
                rc = cc_why(why, why_len, -EIO, "incoming migration ended in state '%s'", st);
        json_object_put(r);
        return rc;
}

/* Hand QEMU an open file as a named fd (QMP getfd) for a "fd:NAME" migration URI. Regular files
 * rather than "exec:cat" pipes: no shell and cat forked inside the parent's pause, and QEMU's
 * reads of a file never block, so an incoming migration is not paced by the main loop. */
static int qmp_give_fd(struct qmp_conn *q, int fd, const char *name, char *why, size_t why_len)
{
        json_object *args = json_object_new_object();

        json_object_object_add(args, "fdname", json_object_new_string(name));
        return qmp_cmd_fd(q, "getfd", args, fd, NULL, why, why_len);
}

/* Hands fd (closed here either way) to QEMU as "ccstate" and runs the outgoing or incoming
 * migration through it to its end. */
static int qmp_migrate_fd(struct qmp_conn *q, int fd, bool incoming, char *why, size_t why_len)
{
        json_object *args;
        int rc;

        rc = qmp_give_fd(q, fd, "ccstate", why, why_len);
        close(fd);                              /* QEMU holds its own copy now */
        if (rc)
                return rc;
        args = json_object_new_object();
        json_object_object_add(args, "uri", json_object_new_string("fd:ccstate"));
        q->mig_status[0] = 0;
        rc = qmp_cmd(q, incoming ? "migrate-incoming" : "migrate", args, NULL, why, why_len);
        if (rc == 0)
                rc = qmp_wait_migration(q, incoming, MIGRATE_TIMEOUT_MS, why, why_len);
        return rc;
}

int qmp_migrate_to(struct qmp_conn *q, const char *path, bool ignore_shared, char *why, size_t why_len)
{
        json_object *args;
        int rc, fd;

        rc = qmp_set_caps(q, ignore_shared, why, why_len);
        if (rc)
                return rc;
        /* QEMU throttles outgoing migration to 32 MiB/s by default (meant for live migration over
         * a shared link); ours goes to a local file with the VM stopped, so lift the limit. */
        args = json_object_new_object();
        json_object_object_add(args, "max-bandwidth", json_object_new_int64(INT64_C(1) << 40));
        rc = qmp_cmd(q, "migrate-set-parameters", args, NULL, why, why_len);
        if (rc)
                return rc;
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0)
                return cc_why(why, why_len, -errno, "%s: %s", path, strerror(errno));
        return qmp_migrate_fd(q, fd, false, why, why_len);
}

int qmp_migrate_from(struct qmp_conn *q, const char *path, bool ignore_shared, char *why, size_t why_len)
{
        int rc, fd;

        rc = qmp_set_caps(q, ignore_shared, why, why_len);
        if (rc)
                return rc;
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
                return cc_why(why, why_len, -errno, "%s: %s", path, strerror(errno));
        return qmp_migrate_fd(q, fd, true, why, why_len);
}
