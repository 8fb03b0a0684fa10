// The newskg graph page: draws the data block with vis-network, then stops the physics.
// Every string from the graph is set with textContent (never innerHTML), so article
// text stays text; links are only made for http(s) IRIs and same-site paths.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-graph-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("kg-network");
  var details = document.getElementById("kg-details");
  var showAll = document.getElementById("kg-show-all");
  var state = { stabilised: false, stabilisedAt: null, selected: null };
  window.kgGraph = state;

  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  window.network = network;

  function stabilised() {
    if (state.stabilised) { return; }
    network.setOptions({ physics: { enabled: false } });
    state.stabilised = true;
    state.stabilisedAt = performance.now();
    document.body.setAttribute("data-stabilised", "true");
  }
  network.once("stabilizationIterationsDone", stabilised);
  network.once("stabilized", stabilised);
  if (nodes.length === 0) { stabilised(); }

  function element(tag, text, className) {
    var el = document.createElement(tag);
    if (text !== undefined && text !== null) { el.textContent = String(text); }
    if (className) { el.className = className; }
    return el;
  }

  function safeHref(link) {
    if (typeof link !== "string") { return null; }
    return /^https?:\/\//i.test(link) || /^\/(?!\/)/.test(link) ? link : null;
  }

  function showDetails(id) {
    var node = nodes.get(id);
    if (!node) { return; }
    state.selected = id;
    details.replaceChildren();
    details.appendChild(element("h2", node.fullLabel || node.label));
    details.appendChild(element("p", node.kind + " · " + node.degree + " connections",
      "kg-kind"));
    var list = element("dl");
    Object.keys(node.details || {}).forEach(function (name) {
      if (name === "label") { return; }  // it is the heading
      list.appendChild(element("dt", name.replace(/_/g, " ")));
      (node.details[name] || []).forEach(function (value) {
        list.appendChild(element("dd", value));
      });
    });
    details.appendChild(list);
    var href = safeHref(node.link);
    if (href) {
      var link = element("a", "Open the entity page", "kg-entity-link");
      link.setAttribute("href", href);
      link.setAttribute("rel", "noopener noreferrer");
      details.appendChild(link);
    }
    details.appendChild(element("p", node.id, "kg-iri"));
  }

  function clearDetails() {
    state.selected = null;
    details.replaceChildren(element("p",
      "Click a node for its details; double-click to focus on it.", "kg-hint"));
  }

  // Served: ask the server for the neighbourhood. In a file: hide what is farther away.
  function refocus(id) {
    if (data.refocus) {
      var params = new URLSearchParams(data.refocus.params);
      params.set("focus", id);
      window.location.assign(data.refocus.url + "?" + params.toString());
      return;
    }
    var near = {}; near[id] = true;
    var frontier = [id];
    for (var step = 0; step < data.depth; step++) {
      var next = [];
      frontier.forEach(function (current) {
        network.getConnectedNodes(current).forEach(function (other) {
          if (!near[other]) { near[other] = true; next.push(other); }
        });
      });
      frontier = next;
    }
    nodes.update(nodes.getIds().map(function (nodeId) {
      return { id: nodeId, hidden: !near[nodeId] };
    }));
    showAll.hidden = false;
    network.fit({ nodes: Object.keys(near), animation: false });
  }

  showAll.addEventListener("click", function () {
    nodes.update(nodes.getIds().map(function (nodeId) { return { id: nodeId, hidden: false }; }));
    showAll.hidden = true;
    network.fit({ animation: false });
  });

  network.on("click", function (params) {
    if (params.nodes.length) { showDetails(params.nodes[0]); } else { clearDetails(); }
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) { refocus(params.nodes[0]); }
  });

  var legend = document.getElementById("kg-legend");
  data.legend.forEach(function (entry) {
    var item = element("li");
    var swatch = element("span", null, "kg-swatch kg-swatch-" + entry.shape);
    swatch.style.backgroundColor = entry.colour;
    item.appendChild(swatch);
    item.appendChild(element("span", entry.label));
    legend.appendChild(item);
  });
})();
