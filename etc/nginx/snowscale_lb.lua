-- snowscale_lb: the front's membership and latency samples, kept in nginx's shared memory.
--
-- snowscale-lb writes the backend set into the shared dict through the control socket
-- (POST /snowscale/peers) and into a file that init_by_lua reads when nginx starts or reloads,
-- so a restarted nginx holds the registered set before a worker accepts a connection. A change
-- of membership is one dict write: no reload, no new workers, no closed client connections.
--
-- Dict keys (lua_shared_dict snowscale):
--   set        "VERSION\nADDR\nADDR..."        the peers new requests may go to
--   inf:ADDR   requests in flight to ADDR      (+1 in the balancer, -1 in the log phase)
--   fail:ADDR  failures within fail_timeout    (passive ejection, like max_fails)
--   down:ADDR  present while ADDR is ejected   (expires after fail_timeout)
--   since:ADDR when ADDR joined the set        (slow start)
--   rr         round-robin cursor for ties
--   samples    list of "ss1|..." lines, one per request, drained by snowscale-lb
--   lost       samples that did not fit (counted, shown, shipped as "lost")
local balancer = require "ngx.balancer"

local M = {}
local dict = ngx.shared.snowscale

M.max_fails = 1         -- failures within fail_timeout that eject a peer
M.fail_timeout = 2      -- seconds
M.tries = 3             -- attempts per request (proxy_next_upstream_tries)
-- A peer that just joined takes at most 2 requests at once, a limit that grows to 32 over
-- slow_start seconds and then goes away. Why: least-in-flight would send a burst of new
-- connections to a peer with nothing in flight, and a QEMU user-net (slirp) hostfwd port
-- listens with a backlog of 1: SYNs beyond it are dropped and retransmitted only a second
-- later (the connect timeouts seen at load start). The cap keeps a new peer's new connections
-- few while it warms up; sequential traffic still reaches it at once.
M.slow_start = 2

-- Per-worker cache of the parsed set, refreshed when the dict's text changes.
local cached_text, cached = nil, { version = 0, peers = {} }

local function parse_set(text)
    local version, peers = nil, {}
    for line in string.gmatch(text, "[^\n]+") do
        if not version then
            version = tonumber(line)
            if not version then return nil, "first line must be the version" end
        else
            local host, port = string.match(line, "^(%d+%.%d+%.%d+%.%d+):(%d+)$")
            if not host then
                -- set_current_peer parses the host like a URL: IPv6 keeps its brackets
                host, port = string.match(line, "^(%[[%x:.]+%]):(%d+)$")
            end
            port = tonumber(port)
            if not host or not port or port < 1 or port > 65535 then
                return nil, "bad peer '" .. line .. "' (want IPv4:port or [IPv6]:port)"
            end
            peers[#peers + 1] = { addr = line, host = host, port = port }
        end
    end
    if not version then return nil, "empty set" end
    return { version = version, peers = peers }
end

-- Peers new to the set start their slow start now; ones already in it keep their time.
local function mark_joined(s)
    local now = ngx.now()
    for _, p in ipairs(s.peers) do
        dict:add("since:" .. p.addr, now)
    end
end

local function current()
    local text = dict:get("set")
    if text ~= cached_text then
        local s = text and parse_set(text)
        cached_text, cached = text, s or { version = 0, peers = {} }
    end
    return cached
end

-- The set as a file (written atomically by snowscale-lb): loaded in init_by_lua, i.e. by the
-- master before any worker exists (start and every reload).
function M.load_file(path)
    local f = io.open(path, "r")
    if not f then return end            -- no file yet: empty set, the agent pushes one
    local text = f:read("*a")
    f:close()
    local s, err = parse_set(text)
    if not s then
        ngx.log(ngx.ERR, "snowscale: ignoring ", path, ": ", err)
        return
    end
    mark_joined(s)
    dict:set("set", text)
end

function M.count()
    return #current().peers
end

local function ejected(addr)
    return dict:get("down:" .. addr) ~= nil
end

local function failed(addr)
    local n = dict:incr("fail:" .. addr, 1, 0, M.fail_timeout)
    if n and n >= M.max_fails then
        dict:set("down:" .. addr, true, M.fail_timeout)
        ngx.log(ngx.WARN, "snowscale: peer ", addr, " ejected for ", M.fail_timeout,
                " s after ", n, " failure(s)")
    end
end

local function over_cap(addr, n, now)
    local since = dict:get("since:" .. addr)
    if not since then return false end
    local w = (now - since) / M.slow_start
    return w < 1 and n >= 2 + 30 * w
end

-- Least in-flight requests among peers neither ejected, over their slow-start cap nor tried
-- by this request; ties go round robin. When every untried peer is ejected they are all
-- eligible again (as nginx does when all servers of an upstream are down). When this request
-- has tried every peer, a retry goes to one of them again: a connect that timed out because a
-- busy peer's accept queue was full (a slirp hostfwd port listens with a backlog of 1) often
-- succeeds at once on a new SYN, and with one peer there is nobody else to ask.
local function pick(set, tried)
    local best, best_n, ties = nil, nil, {}
    local now = ngx.now()
    for pass = 1, 3 do
        for _, p in ipairs(set.peers) do
            local n = dict:get("inf:" .. p.addr) or 0
            if (pass == 3 or not tried[p.addr]) and
               (pass >= 2 or not (ejected(p.addr) or over_cap(p.addr, n, now))) then
                if not best_n or n < best_n then
                    best_n, ties = n, { p }
                elseif n == best_n then
                    ties[#ties + 1] = p
                end
            end
        end
        if best_n then break end
    end
    if not best_n then return nil end
    if #ties == 1 then return ties[1] end
    local rr = dict:incr("rr", 1, 0) or 0
    return ties[rr % #ties + 1]
end

local function release(ctx)
    if ctx.cur then
        dict:incr("inf:" .. ctx.cur, -1, 0)
        ctx.cur = nil
    end
end

function M.balance()
    local ctx = ngx.ctx
    if ctx.tried then
        -- A retry: the previous attempt failed to connect or answered 502 (proxy_next_upstream).
        local prev = ctx.cur
        release(ctx)
        if prev then failed(prev) end
    else
        ctx.tried = {}
        balancer.set_more_tries(M.tries - 1)
        -- An arrival: counted before any peer is picked, so that requests waiting for a worker
        -- count as offered load (completions flatten when the workers saturate).
        ctx.arrived = true
        dict:incr("arrived", 1, 0)
        dict:incr("busy", 1, 0)
    end
    for _ = 1, 3 do
        local set = current()
        local p = pick(set, ctx.tried)
        if not p then
            return ngx.exit(502)
        end
        dict:incr("inf:" .. p.addr, 1, 0)
        -- The agent may have removed p between our read of the set and the increment; it
        -- counts a removed peer's requests only after its write, so re-check the set: either
        -- the agent sees our +1, or we see its new set.
        if dict:get("set") == cached_text then
            ctx.cur = p.addr
            ctx.tried[p.addr] = true
            local ok, err = balancer.set_current_peer(p.host, p.port)
            if not ok then
                release(ctx)
                ngx.log(ngx.ERR, "snowscale: set_current_peer ", p.addr, ": ", err)
                return ngx.exit(500)
            end
            return
        end
        dict:incr("inf:" .. p.addr, -1, 0)
    end
    return ngx.exit(502)
end

-- Log phase: the attempt in flight is over; a last attempt that failed counts against its
-- peer; the request's sample goes into the ring.
function M.log()
    local ctx = ngx.ctx
    local cur = ctx.cur
    release(ctx)
    if ctx.arrived then
        dict:incr("busy", -1, 0)
    end
    if cur then
        local st = ngx.var.upstream_status or ""
        local last = string.match(st, "(%S+)$")
        if last == "502" or last == "504" then failed(cur) end
    end
    local v = ngx.var
    local line = "ss1|" .. v.msec .. "|" .. v.request_time .. "|" .. v.status .. "|" ..
        (v.upstream_addr or "-") .. "|" .. (v.upstream_response_time or "-") .. "|" ..
        (v.upstream_status or "-")
    local len, err = dict:rpush("samples", line)
    if not len then
        dict:incr("lost", 1, 0)
        if err ~= "no memory" then
            ngx.log(ngx.ERR, "snowscale: sample not kept: ", err)
        end
    end
end

-- Control socket handlers (content_by_lua on the unix socket only snowscale-lb uses).
function M.ctl_set()
    ngx.req.read_body()
    local text = ngx.req.get_body_data()
    if not text then
        ngx.status = 400
        return ngx.say("body required (in memory)")
    end
    local s, err = parse_set(text)
    if not s then
        ngx.status = 400
        return ngx.say(err)
    end
    mark_joined(s)
    -- A peer that left forgets its start (if it comes back it ramps up again), and its
    -- in-flight counter once that is 0 (a drain still waiting keeps it).
    for _, k in ipairs(dict:get_keys(0)) do
        local kind, addr = string.match(k, "^(%a+):(.+)$")
        if (kind == "since" or kind == "inf") and
           not string.find("\n" .. text .. "\n", "\n" .. addr .. "\n", 1, true) and
           (kind == "since" or dict:get(k) == 0) then
            dict:delete(k)
        end
    end
    local ok, serr = dict:set("set", text)
    if not ok then
        ngx.status = 500
        return ngx.say("cannot store the set: ", serr)
    end
    ngx.say(s.version)
end

-- "version V" then one "peer ADDR INFLIGHT EJECTED(0|1)" line per member, then
-- "inflight ADDR N" for every address with requests in flight (members or not).
function M.ctl_get()
    local set = current()
    local out = { "version " .. set.version }
    for _, p in ipairs(set.peers) do
        out[#out + 1] = "peer " .. p.addr .. " " .. (dict:get("inf:" .. p.addr) or 0) .. " " ..
            (ejected(p.addr) and 1 or 0)
    end
    for _, k in ipairs(dict:get_keys(0)) do
        local addr = string.match(k, "^inf:(.+)$")
        if addr then
            out[#out + 1] = "inflight " .. addr .. " " .. (dict:get(k) or 0)
        end
    end
    out[#out + 1] = "samples " .. (dict:llen("samples") or 0)
    out[#out + 1] = "lost " .. (dict:get("lost") or 0)
    ngx.say(table.concat(out, "\n"))
end

-- Up to max samples, oldest first, one per line; the first line is "lost N" (the lost
-- counter, which only grows: the agent ships the difference), the second "front ARRIVED
-- BUSY MSEC": requests that reached the balancer since this nginx started, those of them not
-- finished yet, and when they were read.
function M.ctl_samples()
    local max = tonumber(ngx.var.arg_max) or 5000
    ngx.update_time()
    local out = { "lost " .. (dict:get("lost") or 0),
                  string.format("front %d %d %.3f", dict:get("arrived") or 0,
                                math.max(dict:get("busy") or 0, 0), ngx.now()) }
    for _ = 1, max do
        local line = dict:lpop("samples")
        if not line then break end
        out[#out + 1] = line
    end
    ngx.say(table.concat(out, "\n"))
end

return M
