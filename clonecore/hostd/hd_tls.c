/* hd_tls: the cluster CA, this host's certificate and key (PEM files), and the check that the
 * client of a request holds a certificate the cluster CA signed. libmicrohttpd asks the client
 * for a certificate when given a trust list (MHD_OPTION_HTTPS_MEM_TRUST) but leaves judging it
 * to the application: GnuTLS verifies it here, on the connection's own session. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

#include "hd.h"
#include "ss_util.h"

static int read_pem(const char *path, char **ret, char *why, size_t why_len)
{
        char *buf = NULL;
        size_t len = 0;
        int r = ss_read_file(path, 1 << 20, &buf, &len);

        if (r < 0) {
                snprintf(why, why_len, "cannot read %s: %s", path, strerror(-r));
                return r;
        }
        if (!strstr(buf, "-----BEGIN ")) {
                snprintf(why, why_len, "%s is not a PEM file", path);
                free(buf);
                return -EINVAL;
        }
        *ret = buf;
        return 0;
}

int hd_tls_load(const char *ca, const char *cert, const char *key, struct hd_tls *ret, char *why,
                size_t why_len)
{
        struct hd_tls t = { 0 };
        int r;

        if ((r = read_pem(ca, &t.ca, why, why_len)) < 0 || (r = read_pem(cert, &t.cert, why, why_len)) < 0 ||
            (r = read_pem(key, &t.key, why, why_len)) < 0) {
                hd_tls_dispose(&t);
                return r;
        }
        *ret = t;
        return 0;
}

void hd_tls_dispose(struct hd_tls *t)
{
        if (!t)
                return;
        free(t->ca);
        free(t->cert);
        free(t->key);
        memset(t, 0, sizeof(*t));
}

int hd_tls_check_peer(struct MHD_Connection *conn, char *who, size_t who_len, char *why, size_t why_len)
{
        const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_GNUTLS_SESSION);
        gnutls_session_t s;
        const gnutls_datum_t *certs;
        unsigned int n = 0, status = 0;
        int r;

        snprintf(who, who_len, "(no certificate)");
        if (!ci || !ci->tls_session) {
                snprintf(why, why_len, "not a TLS connection");
                return -EACCES;
        }
        s = (gnutls_session_t)ci->tls_session;
        certs = gnutls_certificate_get_peers(s, &n);
        if (!certs || n == 0) {
                snprintf(why, why_len, "the client presented no certificate (a cluster certificate is required)");
                return -EACCES;
        }
        {
                gnutls_x509_crt_t crt;
                char dn[256];
                size_t dn_len = sizeof(dn);

                if (gnutls_x509_crt_init(&crt) == 0) {
                        if (gnutls_x509_crt_import(crt, &certs[0], GNUTLS_X509_FMT_DER) == 0 &&
                            gnutls_x509_crt_get_dn(crt, dn, &dn_len) == 0)
                                snprintf(who, who_len, "%s", dn);
                        gnutls_x509_crt_deinit(crt);
                }
        }
        r = gnutls_certificate_verify_peers2(s, &status);
        if (r < 0) {
                snprintf(why, why_len, "cannot verify the client certificate: %s", gnutls_strerror(r));
                return -EACCES;
        }
        if (status) {
                gnutls_datum_t out = { 0 };
                if (gnutls_certificate_verification_status_print(status, GNUTLS_CRT_X509, &out, 0) == 0) {
                        snprintf(why, why_len, "client certificate refused: %s", (const char *)out.data);
                        gnutls_free(out.data);
                } else {
                        snprintf(why, why_len, "client certificate refused (status 0x%x)", status);
                }
                return -EACCES;
        }
        return 0;
}
