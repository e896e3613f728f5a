#!/bin/bash
# The control channel between snowscaled and snowscale-hostd is mutual TLS with certificates of
# the cluster CA, and nothing else: hostd refuses a client without a certificate, with one from
# another CA, and plain HTTP, each with a clear log line; snowscaled refuses a hostd whose
# certificate another CA signed (log line, the host never turns healthy, /api/v1/hosts says why)
# while the good host next to it is healthy. Real parts: network namespaces, openssl-made
# certificates, hostd, snowscaled, snowscale-lb + nginx, the parent VM (TCG).
. "$(dirname "$0")/multihost_appliance.sh"

mh_certs
mh_backbone
mh_host 1
mh_host 3
mh_hostd 1
mh_hostd 3 rogue3 8951
H1=https://$(mh_host_ip 1):8950

# --- hostd's side -----------------------------------------------------------------------------
C=$MH_CERTS
t_is "$(curl -s -m 5 --cacert "$C/cluster-ca.pem" --cert "$C/snowscaled.pem" --key "$C/snowscaled.key" \
        "$H1/v1/inventory" | jq -r .host)" h1 "a client with a cluster certificate reads the inventory"
out=$(curl -s -m 5 -w ' %{http_code}' --cacert "$C/cluster-ca.pem" "$H1/v1/inventory")
t_like "$out" 'presented no certificate.* 403$' "no client certificate: 403 with the reason"
out=$(curl -s -m 5 -w ' %{http_code}' --cacert "$C/cluster-ca.pem" --cert "$C/rogue-client.pem" \
      --key "$C/rogue-client.key" "$H1/v1/inventory")
t_like "$out" 'refused: .*issuer is unknown.* 403$' "a client certificate of another CA: 403 with the reason"
out=$(curl -s -m 5 -w ' %{http_code}' --cacert "$C/cluster-ca.pem" --cert "$C/rogue-client.pem" \
      --key "$C/rogue-client.key" -X POST -H 'Content-Type: application/json' \
      -d '{"id":"x1","generation":1,"memserver":"1.2.3.4:1","net":{}}' "$H1/v1/clones")
t_like "$out" ' 403$' "a refused client cannot start a clone either"
t_check "plain HTTP gets no answer" bash -c "! curl -sf -m 5 http://$(mh_host_ip 1):8950/v1/inventory"
t_wait_for 5 grep -q 'refused .*(subject (no certificate)): the client presented no certificate' "$T_DIR/hostd1.log"
t_like "$(grep 'refused' "$T_DIR/hostd1.log" | head -1)" 'hostd: refused 10\.[0-9.]+:[0-9]+ \(subject \(no certificate\)\)' \
  "hostd logs the refusal of a client without a certificate, with its address"
t_like "$(grep 'subject CN=rogue-client' "$T_DIR/hostd1.log" | head -1)" 'issuer is unknown' \
  "hostd logs the refusal of another CA's client certificate, with its subject"

# --- snowscaled's side: h1 good, h3x presents another CA's certificate ----------------------
ACT_READY_TIMEOUT=60s act_config
sed -i 's/min_clones: 1/min_clones: 0/' "$ACT_CFG"
mh_config 1 3x
act_start_lb
act_start_scaled
t_wait_for 20 grep -q "host h1: healthy" "$T_DIR/scaled.log"
t_like "$(grep 'host h1:' "$T_DIR/scaled.log" | head -1)" 'host h1: healthy \(hostd at 10\.[0-9.]+:8950' \
  "snowscaled reaches the good host over mutual TLS"
t_wait_for 20 grep -q "host h3x: TLS" "$T_DIR/scaled.log"
t_like "$(grep 'host h3x:' "$T_DIR/scaled.log" | head -1)" "host h3x: TLS: hostd's certificate is refused \(not signed by cluster.ca" \
  "snowscaled refuses the hostd whose certificate another CA signed, with a clear log line"
t_is "$(grep -c 'host h3x:' "$T_DIR/scaled.log")" 1 "said once, not every poll"
hosts_now() { hosts=$(curl -s -m 5 "$ACT_API/api/v1/hosts"); jq -e '.hosts[0].healthy and .hosts[1].error != null' <<<"$hosts" >/dev/null; }
t_wait_for 10 hosts_now
t_is "$(jq -r '[.hosts[] | "\(.name)=\(.healthy)"] | join(" ")' <<<"$hosts")" "h1=true h3x=false" \
  "/api/v1/hosts: h1 healthy, h3x not"
t_like "$(jq -r '.hosts[] | select(.name == "h3x") | .error' <<<"$hosts")" "certificate is refused" \
  "/api/v1/hosts says why h3x is not healthy"
t_is "$(grep -c 'refused' "$T_DIR/hostd3.log")" 0 "the rogue hostd never saw a request from snowscaled"
t_done
