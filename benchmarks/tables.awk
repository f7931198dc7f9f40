# Renders benchmarks/run.sh's step logs as Markdown tables: medians of the rounds, ratios to the baseline of the
# same run. run.sh calls it; to print the last run's tables again:
#   awk -f benchmarks/tables.awk benchmarks/target/run/capacity.log benchmarks/target/run/saturation.log
# Input lines: "<group>-<variant> round=<n> fixed|step|capacity|saturation name=value ...".

function median(list,   n, v, i, j, t) {
    n = split(list, v, " ")
    if (n == 0) return ""
    for (i = 2; i <= n; i++) { # insertion sort, numerically: a handful of rounds
        t = v[i] + 0
        for (j = i - 1; j >= 1 && v[j] + 0 > t; j--) v[j + 1] = v[j]
        v[j + 1] = t
    }
    return n % 2 ? v[(n + 1) / 2] + 0 : (v[n / 2] + v[n / 2 + 1]) / 2
}
function thousands(x,   s, grouped) {
    s = sprintf("%.0f", x); grouped = ""
    while (length(s) > 3) { grouped = "," substr(s, length(s) - 2) grouped; s = substr(s, 1, length(s) - 3) }
    return s grouped
}
function millis(x) {
    if (x == "") return "–"
    return (x < 1 ? sprintf("%.2f", x) : x < 10 ? sprintf("%.1f", x) : thousands(x)) " ms"
}
function micros(x) {
    if (x == "") return "–"
    return x < 10 ? sprintf("%.1f", x) : thousands(x)
}
function label(name,   part) {
    split(name, part, "-")
    return part[1] ": " part[2] (part[2] == "floor" ? " (one Kafka ack, nothing else)" : "")
}
function ratio(name, values,   part, base) {
    split(name, part, "-")
    if (part[2] == "baseline") return "1"
    base = median(values[part[1] "-baseline"])
    if (base == "" || base == 0 || values[name] == "") return "–"
    return sprintf(part[2] == "real" ? "**%.2f**" : "%.2f", median(values[name]) / base)
}
function add(list, value) { return list == "" ? value : list " " value }
function union(list, reasons,   r, each) { # "a, b" and "b,c" -> "a, b, c"
    split(reasons, each, ",")
    for (r in each) if (index(", " list ",", ", " each[r] ",") == 0) list = list == "" ? each[r] : list ", " each[r]
    return list
}
function heading(title, columns,   n, c, i, dashes) {
    n = split(columns, c, "|")
    for (i = 1; i <= n; i++) dashes = dashes "---|"
    print "### " title; print ""; print "| " columns " |"; print "|" dashes
}
function cpu_row(name, offered, cpu) { # cpu[name, 1..4]: per process, cpu[name, 0]: service + store + broker
    printf "| %s | %s | %s | %s | %s | %s | %s |\n", label(name), offered, micros(median(cpu[name, 1])),
        micros(median(cpu[name, 2])), micros(median(cpu[name, 3])), micros(median(cpu[name, 0])),
        micros(median(cpu[name, 4]))
}

BEGIN {
    split("service store broker generator", proc, " ") # the processes whose CPU each step reports
    if (rate == "") rate = 2000 # run.sh's defaults, for printing a run's tables again
    if (drain_limit == "") drain_limit = 10
}

{
    name = $1; kind = $3
    split("", f)
    for (i = 2; i <= NF; i++) if ((eq = index($i, "=")) > 0) f[substr($i, 1, eq - 1)] = substr($i, eq + 1)
    if (!(name in seen)) { seen[name] = 1; order[++names] = name }
    if (kind == "fixed") {
        p50[name] = add(p50[name], f["p50_ms"]); p99[name] = add(p99[name], f["p99_ms"])
        for (p = 1; p <= 4; p++) fixed_cpu[name, p] = add(fixed_cpu[name, p], f[proc[p] "_us"])
        fixed_cpu[name, 0] = add(fixed_cpu[name, 0], f["service_us"] + f["store_us"] + f["broker_us"])
        fixed_rounds[name]++
        if (f["pass"] != "yes") {
            fixed_failed[name]++
            fixed_reasons[name] = union(fixed_reasons[name], substr(f["pass"], 4))
        }
    } else if (kind == "capacity") {
        capacity[name] = add(capacity[name], f["rate"])
        rounds[name] = (rounds[name] == "" ? "" : rounds[name] " / ") \
            (f["rate"] + 0 > 0 ? thousands(f["rate"]) : "< " thousands(f["failed"]))
        bound[name] = union(bound[name], f["bound"])
        if (f["rate"] + 0 > 0) caught_up[name] = add(caught_up[name], f["lag_drain_s"])
        if (f["bound"] == "ceiling") ceiling[name, f["rate"] + 0] = 1
        if (f["rate"] + 0 > 0) {
            for (p = 1; p <= 4; p++) capacity_cpu[name, p] = add(capacity_cpu[name, p], f[proc[p] "_us"])
            capacity_cpu[name, 0] = add(capacity_cpu[name, 0], f["service_us"] + f["store_us"] + f["broker_us"])
        }
    } else if (kind == "saturation") {
        saturation[name] = add(saturation[name], f["rate"])
    }
}

END {
    offered = thousands(rate) " req/s"
    heading("Capacity (open model: constant offered rate, latency from each request's due time)", "endpoint | "\
        "capacity req/s | ratio to baseline | each round | bound by | consumers caught up | p50 at " offered \
        " | p99 at " offered)
    for (n = 1; n <= names; n++) {
        name = order[n]
        if (capacity[name] == "") continue
        at_ceiling = ((name, median(capacity[name])) in ceiling) ? "≥ " : ""
        lag = median(caught_up[name])
        printf "| %s | %s%s | %s | %s | %s | %s | %s | %s%s |\n", label(name), at_ceiling,
            (median(capacity[name]) > 0 ? thousands(median(capacity[name])) : "none passed"),
            ratio(name, capacity), rounds[name], bound[name],
            (lag == "" ? "–" : lag + 0 >= drain_limit ? "> " drain_limit " s" : sprintf("%.1f s", lag)),
            millis(median(p50[name])), millis(median(p99[name])),
            (fixed_failed[name] ? " (" fixed_reasons[name] ": failed in " fixed_failed[name] " of " \
                fixed_rounds[name] " rounds)" : "")
    }
    print ""
    print "Capacity: the highest constant offered rate answered with no errors and p99 ≤ " p99_limit " ms, whose"
    print "outbox entries were all published within " backlog_limit " s of the last answer; a failing step counts once"
    print "it failed twice in a row. \"bound by\": what failed the lowest failing step (p99, errors, outbox), or"
    print "ceiling if the ladder's top passed. \"consumers caught up\": at capacity, how long after the last answer the"
    print "service's own consumers (the vote tallies, from feedback.votes) had handled every record: reported, not judged."
    print ""
    heading("CPU per accepted request, µs (median of the rounds)", "endpoint | offered | service JVM | store JVM | "\
        "broker JVM | service + store + broker | load generator")
    for (n = 1; n <= names; n++) {
        name = order[n]
        if (capacity[name] == "") continue
        cpu_row(name, offered, fixed_cpu)
        if (median(capacity[name]) > 0)
            cpu_row(name, "at capacity (" thousands(median(capacity[name])) " req/s)", capacity_cpu)
    }
    print ""
    heading("Saturation (closed loop, wrk; secondary)", "endpoint | saturation req/s | ratio to baseline")
    for (n = 1; n <= names; n++) {
        name = order[n]
        if (saturation[name] == "") continue
        printf "| %s | %s | %s |\n", label(name), thousands(median(saturation[name])), ratio(name, saturation)
    }
    print ""
    if (settings != "") print "Settings: " settings "."
    if (noise != "") print "Other processes used " noise " of the machine's CPU meanwhile (publish a run near 0%)."
}
