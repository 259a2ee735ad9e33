#!/usr/bin/env bash
# Refreshes the vendored GraphiQL assets from npm. Pin the versions here, run it, rebuild, run
# the browser test (tests/api/browser.rs), and commit the changed files together.
set -euo pipefail
GRAPHIQL=3.8.3
REACT=18.3.1
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack -q "graphiql@$GRAPHIQL" "react@$REACT" "react-dom@$REACT" >/dev/null)
for pkg in "graphiql-$GRAPHIQL" "react-$REACT" "react-dom-$REACT"; do
    mkdir -p "$work/$pkg" && tar xzf "$work/$pkg.tgz" -C "$work/$pkg"
done
cp "$work/graphiql-$GRAPHIQL/package/graphiql.min.js" "$work/graphiql-$GRAPHIQL/package/graphiql.min.css" .
cp "$work/react-$REACT/package/umd/react.production.min.js" .
cp "$work/react-dom-$REACT/package/umd/react-dom.production.min.js" .
cp "$work/graphiql-$GRAPHIQL/package/LICENSE" LICENSE.graphiql
cp "$work/react-$REACT/package/LICENSE" LICENSE.react
# The source maps are not shipped.
sed -i 's|//# sourceMappingURL=.*$||' graphiql.min.js
sed -i 's|/\*# sourceMappingURL=.*\*/||' graphiql.min.css
echo "GraphiQL $GRAPHIQL and React $REACT vendored"
