#!/usr/bin/env bash
# Load test of `kb serve` (docs/benchmarks.md, "HTTP service").
#
# Runs wrk -t1 -c64 for DURATION seconds against a do-nothing cpp-httplib
# endpoint (tools/noop_server.cpp: the ceiling), GET /v1/search and
# POST /v1/chat (and, for reference, /v1/search on a second server started
# with --search-cache-mb 0), then a SOAK_SECONDS soak of /v1/chat sampling the server's
# VmRSS every 10 s. The server runs with --rate-limit 0 and its request log
# on (to a file). Checks: search >= 0.6x and chat >= 0.3x the noop req/s,
# p99 < 10 ms, zero errors, RSS flat (last sample within 10 % + 8 MB of the
# first after warm-up). Exits non-zero when a target is missed.
#
#   tools/load_test.sh                        # build/ (cmake default build dir)
#   BUILD_DIR=build-server DURATION=30 SOAK_SECONDS=300 THREADS=72 tools/load_test.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
[[ "$build" = /* ]] || build="$root/$build"
duration="${DURATION:-30}"
soak="${SOAK_SECONDS:-300}"
threads="${THREADS:-72}"
connections="${CONNECTIONS:-64}"

command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null; }
work="$(mktemp -d)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

kb="$build/src/app/kb"
[[ -x "$kb" ]] || cmake --build "$build" --target kb -j2
noop="$build/tools/noop_server"
if [[ ! -x "$noop" ]]; then
  # tools/ is only configured with KB_BUILD_BENCHMARKS=ON: compile it directly.
  noop="$work/noop_server"
  g++ -O2 -std=c++20 "$root/tools/noop_server.cpp" -o "$noop" \
      $(pkg-config --cflags --libs cpp-httplib) -pthread
fi

"$kb" index --quiet --kb "$work/kb.db" >/dev/null

start() {  # start NAME CMD... : runs CMD, waits for "listening on URL", sets $url and $pid
  local name="$1"; shift
  "$@" >"$work/$name.out" 2>"$work/$name.err" &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 100); do
    url="$(sed -n 's/^listening on \(http:[^ ]*\)$/\1/p' "$work/$name.out")"
    [[ -n "$url" ]] && return 0
    sleep 0.1
  done
  echo "load_test: $name did not start" >&2; cat "$work/$name.err" >&2; exit 1
}

start noop "$noop" --port 0 --threads "$threads"
noop_url="$url"
start kb "$kb" serve --port 0 --threads "$threads" --rate-limit 0 --kb "$work/kb.db" \
      --feedback-db "$work/feedback.db"
kb_url="$url"
kb_pid="$pid"
# The same server without its search cache: every search runs FTS5 (for
# reference; no target).
start kb_nocache "$kb" serve --port 0 --threads "$threads" --rate-limit 0 --kb "$work/kb.db" \
      --feedback-db "$work/feedback-nocache.db" --search-cache-mb 0
nocache_url="$url"

# Search: the agent queries of tests/data/agent_queries.tsv as the /agent
# console sends them while an agent types (debounced: a request every few
# characters, then the whole query), in turn: 45 queries, 259
# distinct requests.
{
  echo 'local full = {'
  grep -v '^#' "$root/tests/data/agent_queries.tsv" | cut -f2 |
    sed 's/\\/\\\\/g; s/"/\\"/g; s/.*/  "&",/'
  echo '}'
  cat <<'LUA'
-- Every 4th byte of each query that does not split a UTF-8 sequence, then the query.
local queries = {}
for _, q in ipairs(full) do
  for i = 4, #q - 1, 4 do
    local b = q:byte(i + 1)
    if b < 0x80 or b >= 0xC0 then table.insert(queries, q:sub(1, i)) end
  end
  table.insert(queries, q)
end
local n = 0
request = function()
  n = n + 1
  local q = queries[(n % #queries) + 1]:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end)
  return wrk.format("GET", "/v1/search?limit=10&q=" .. q)
end
LUA
} >"$work/search.lua"
cat >"$work/chat.lua" <<'LUA'
local questions = {"ho dimenticato la password", "I forgot my password",
                   "no me llega el código de verificación", "mon compte est suspendu",
                   "mein Konto ist gesperrt", "how do I turn on two-step verification",
                   "non riesco ad accedere", "hello"}
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"message":"%s","session_id":"load-%d"}',
                             questions[(n % #questions) + 1], n % 1000)
  return wrk.format("POST", "/v1/chat", {["Content-Type"] = "application/json"}, body)
end
LUA

# run NAME URL [SCRIPT]: wrk -t1 -cN -dDURATION, output kept in $work/NAME.wrk
run() {
  local name="$1" target="$2" script="${3:-}"
  local args=(-t1 -c"$connections" -d"${duration}s" --latency)
  [[ -n "$script" ]] && args+=(-s "$script")
  echo "\$ wrk ${args[*]} $target" | sed "s|$work/||" >"$work/$name.wrk"
  wrk "${args[@]}" "$target" >>"$work/$name.wrk"
  sleep 2
}
rps() { awk '/^Requests\/sec/ {print $2}' "$1"; }
p99() {  # in ms
  awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 }
                     else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 }
                     printf "%.2f", v }' "$1"
}
errors() {
  awk '/Non-2xx/ {e += $NF} /Socket errors/ { gsub(/,/, ""); e += $4 + $6 + $8 + $10 } END { print e + 0 }' "$1"
}

run noop "$noop_url/noop"
run search "$kb_url/v1/search?q=password" "$work/search.lua"
run chat "$kb_url/v1/chat" "$work/chat.lua"
run search_nocache "$nocache_url/v1/search?q=password" "$work/search.lua"

noop_rps=$(rps "$work/noop.wrk"); search_rps=$(rps "$work/search.wrk"); chat_rps=$(rps "$work/chat.wrk")
status=0
check() {  # check DESCRIPTION CONDITION(awk expression)
  if awk "BEGIN { exit !($2) }"; then echo "PASS  $1"; else echo "FAIL  $1"; status=1; fi
}

echo "== results (wrk -t1 -c$connections -d${duration}s, $threads server threads, $(nproc) cores)"
printf '| endpoint | req/s | ratio to noop | p99 (ms) | errors |\n|---|---|---|---|---|\n'
for name in noop search chat search_nocache; do
  r=$(rps "$work/$name.wrk")
  printf '| %s | %.0f | %.2f | %s | %s |\n' "$name" "$r" "$(awk "BEGIN{print $r/$noop_rps}")" \
         "$(p99 "$work/$name.wrk")" "$(errors "$work/$name.wrk")"
done
check "search >= 0.6x noop ($search_rps vs $noop_rps req/s)" "$search_rps >= 0.6 * $noop_rps"
check "chat >= 0.3x noop ($chat_rps vs $noop_rps req/s)" "$chat_rps >= 0.3 * $noop_rps"
for name in search chat; do
  check "$name p99 < 10 ms ($(p99 "$work/$name.wrk") ms)" "$(p99 "$work/$name.wrk") < 10"
  check "$name: zero errors ($(errors "$work/$name.wrk"))" "$(errors "$work/$name.wrk") == 0"
done

if [[ "$soak" -gt 0 ]]; then
  echo "== soak: /v1/chat for ${soak}s, VmRSS every 10 s"
  duration="$soak"
  run soak "$kb_url/v1/chat" "$work/chat.lua" &
  soak_pid=$!
  samples=()
  for ((t = 10; t <= soak; t += 10)); do
    sleep 10
    samples+=("$(awk '/^VmRSS/ {print $2}' "/proc/$kb_pid/status")")
  done
  wait "$soak_pid"
  echo "VmRSS kB: ${samples[*]}"
  # Warm-up: the session store and the reply cache fill in the first minute.
  first="${samples[5]:-${samples[0]}}"
  last="${samples[-1]}"
  check "RSS flat after warm-up (${first} kB at 60 s -> ${last} kB)" "$last <= $first * 1.10 + 8192"
  check "soak: zero errors ($(errors "$work/soak.wrk"))" "$(errors "$work/soak.wrk") == 0"
  printf 'soak: %.0f req/s, p99 %s ms\n' "$(rps "$work/soak.wrk")" "$(p99 "$work/soak.wrk")"
fi

echo "== raw wrk output"
for name in noop search chat search_nocache; do cat "$work/$name.wrk"; echo; done
exit $status
