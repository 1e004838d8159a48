# Summarises `jfr print --stack-depth 64 --events jdk.ExecutionSample`: the top leaf frames, the
# first frame of our code (gx.enrollment) per sample, and the packages present in the samples.
function flush(   k) {
  if (!inside) return
  if (leaf != "") leafs[leaf]++
  if (ours != "") first_ours[ours]++; else first_ours["(no gx.enrollment frame)"]++
  for (k in pkgs) pkg_count[k]++
  delete pkgs; leaf = ""; ours = ""; inside = 0; total++
}
/jdk.ExecutionSample/ { flush(); next }
/stackTrace = \[/ { inside = 1; depth = 0; next }
inside && /^[ \t]+[A-Za-z_$][A-Za-z0-9_$.]*\.[A-Za-z_$<][^ ]*\(/ {
  f = $1; sub(/\(.*/, "", f)
  if (depth == 0) leaf = f
  if (ours == "" && f ~ /^gx\.enrollment\./) ours = f
  n = split(f, p, "."); key = p[1] "." p[2]; if (n > 4) key = key "." p[3]
  pkgs[key] = 1; depth++
}
END {
  flush()
  print "## top leaf frames (of " total " samples)"
  for (k in leafs) printf "%6d %s\n", leafs[k], k | "sort -rn | head -20"; close("sort -rn | head -20")
  print "## first gx.enrollment frame on the stack"
  for (k in first_ours) printf "%6d %s\n", first_ours[k], k | "sort -rn | head -15"; close("sort -rn | head -15")
  print "## samples containing a frame of package"
  for (k in pkg_count) printf "%6d %s\n", pkg_count[k], k | "sort -rn | head -20"; close("sort -rn | head -20")
}
