// Starts GraphiQL against this server's own endpoints. Loaded as a file, not inline, so the
// page's Content-Security-Policy can forbid inline scripts.
(function () {
  var http = new URL("/graphql", window.location.href).href;
  var ws = new URL("/graphql/ws", window.location.href).href.replace(/^http/, "ws");
  var fetcher = GraphiQL.createFetcher({ url: http, subscriptionUrl: ws });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      defaultQuery: "# Sign in with the logIn mutation (the session cookie is set for you),\n# then try:\n{ me { name email role } }\n",
    })
  );
})();
