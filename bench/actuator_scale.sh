# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
## Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
!# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
## Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
B# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
E# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
C# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
H# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
:# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
`# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
P# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
O# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
S# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
T# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
{# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
:# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
8# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
}# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
`# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
8# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
g# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
g# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
x# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
## Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
w# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
8# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
g# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
w# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
8# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
,# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
## Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
w# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
+# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
Q# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
E# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
M# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
U# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
T# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
C# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
G# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
+# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
w# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
+# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
g# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
x# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
.# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
T# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
w# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
`# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
.# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
:# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
`# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
## Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
y# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
w# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
k# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
g# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
g# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
g# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
y# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
.# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
## Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
.# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
,# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
B# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
E# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
C# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
H# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
## Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
.# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
|# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
,# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
H# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
E# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
R# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
E# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
0# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
&# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
&# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
w# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
{# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
A# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
C# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
T# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
B# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
E# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
C# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
H# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
:# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
8# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
}# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
[# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
## Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
q# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
0# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
]# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
;# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
0# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
|# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
|# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
|# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
{# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
:# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
># Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
&# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
2# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
;# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
x# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
;# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
}# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
0# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
|# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
|# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
|# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
{# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
:# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
># Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
&# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
2# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
;# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
x# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
;# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
}# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
B# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
E# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
C# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
H# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
{# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
}# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
B# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
E# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
C# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
H# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
{# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
}# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
B# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
E# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
C# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
H# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
{# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
}# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
w# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
k# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
'# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
B# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
E# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
G# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
I# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
{# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
%# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
.# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
,# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
}# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
'# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
x# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
0# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
.# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
H# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
E# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
R# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
E# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
.# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
.# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
g# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
.# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
># Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
&# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
2# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
q# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
># Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
&# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
2# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
A# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
C# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
T# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
B# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
O# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
O# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
T# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
A# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
C# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
T# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
R# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
E# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
A# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
D# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
Y# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
T# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
I# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
M# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
E# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
O# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
U# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
T# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
6# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
0# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
0# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
g# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
># Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
&# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
2# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
x# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
:# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
8# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
x# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
:# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
># Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
8# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
?# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
:# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
8# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
A# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
C# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
T# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
C# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
F# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
G# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
># Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
&# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
2# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
># Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
&# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
2# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
w# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
g# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
3# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
0# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
0# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
|# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
|# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
{# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
## Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
:# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
g# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
># Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
&# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
2# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
;# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
x# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
;# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
}# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
g# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
{# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
[# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
|# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
j# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
q# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
'# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
.# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
'# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
]# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
&# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
&# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
[# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
|# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
g# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
x# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
]# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
}# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
0# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
+# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
%# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
.# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
%# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
5# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
X# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
P# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
O# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
S# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
T# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
H# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
A# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
z# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
:# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
B# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
A# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
C# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
T# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
T# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
O# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
K# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
E# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
H# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
'# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
C# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
T# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
y# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
:# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
j# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
'# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
\# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
{# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
\# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
\# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
:# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
}# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
A# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
C# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
T# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
A# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
P# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
I# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
># Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
|# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
|# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
{# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
## Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
P# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
O# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
S# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
T# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
/# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
># Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
&# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
2# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
;# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
x# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
;# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
}# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
w# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
!# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
g# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
;# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
0# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
.# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
0# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
5# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
+# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
%# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
{# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
0# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
%# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
.# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
*# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
}# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
># Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
9# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
0# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
0# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
;# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
## Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
:# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
># Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
&# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
2# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
;# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
x# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
;# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
+# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
%# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
.# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
%# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
## Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
:# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
y# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
w# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
y# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
.# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
_# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
w# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
k# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
(# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
*# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
2# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
|# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
g# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
x# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
)# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
## Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
m# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
:# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
c# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
l# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
s# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
w# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
e# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
d# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
o# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
u# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
g# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
h# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
g# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
x# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
># Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
&# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
2# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
w# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
k# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
0# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
v# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
=# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
$# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
1# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
'# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
B# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
E# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
G# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
I# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
N# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
{# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
p# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
r# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
i# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
t# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
%# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
.# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
2# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
f# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
\# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
n# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
"# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
,# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
 # Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
b# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
-# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
a# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
}# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
'# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2

# Not timed: the front really answers (cold workers all call themselves "parent": no identity).
ok=0
for _ in $(seq $((N * 4))); do curl -sf -m 3 -o /dev/null "$ACT_FRONT/whoami" && ok=$((ok + 1)); done
echo "# $mode: $ok of $((N * 4)) requests through nginx answered; clones seen: $(act_front_workers $((N * 8)) | grep -vcx parent)" >&2
