/* argmap's map page: draws the map's JSON (the #argmap-data element) with Cytoscape.js,
   fills the side panel with the clicked node, and the board's columns. Every text is set
   with textContent, never read as markup. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var labels = {};
  data.labels.forEach(function (label) { labels[label.id] = label; });
  var nodesById = {};
  data.nodes.forEach(function (node) { nodesById[node.id] = node; });

  var KIND_NAMES = {
    issue: "Issue", position: "Position", claim: "Claim", statement: "Statement"
  };
  var RELATION_WORDS = {
    supports: ["supports", "supported by"],
    attacks: ["attacks", "attacked by"],
    rebuts: ["rebuts", "rebutted by"],
    restates: ["restates", "restated by"],
    quotes: ["made into the claim", "the words of"],
    parent: ["under", "holds"]
  };
  var EDGE_COLOURS = {
    supports: "#2e7d32", attacks: "#c62828", rebuts: "#c62828", restates: "#8a8f98",
    quotes: "#8a8f98", parent: "#aab3bf"
  };
  // node sizes (pixels) and the font of their labels, which the wrapping measures with
  var WIDTHS = { issue: 200, position: 220, claim: 220, statement: 250 };
  var FONT_SIZE = 12;
  var LINE_HEIGHT = 1.3;
  var PADDING = 10;
  var FONT_FAMILY = "Helvetica, Arial, sans-serif";

  function labelName(id) {
    if (!id) { return "no stance"; }
    return labels[id] ? labels[id].name : id;
  }
  function labelColour(id) {
    return id && labels[id] ? labels[id].colour : data.no_label_colour;
  }
  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) { made.className = className; }
    if (text !== undefined && text !== null) { made.textContent = text; }
    return made;
  }
  function oneLine(text) { return String(text).replace(/\s+/g, " ").trim(); }
  function shorten(text, limit) {
    text = oneLine(text);
    if (text.length <= limit) { return text; }
    var cut = text.slice(0, limit - 1);
    var space = cut.lastIndexOf(" ");
    if (space > limit / 2) { cut = cut.slice(0, space); }
    return cut.replace(/[ ,;:]+$/, "") + "…";
  }
  function quoted(text) {
    var opening = /^[“"‘«]/.test(text) ? "" : "“";
    var closing = /[”"’»]$/.test(text) ? "" : "”";
    return opening + text + closing;
  }

  // Lines of text no wider than `width` pixels in the labels' font (a long word is cut).
  var measure = document.createElement("canvas").getContext("2d");
  function wrap(text, width, bold) {
    measure.font = (bold ? "bold " : "") + FONT_SIZE + "px " + FONT_FAMILY;
    var lines = [];
    var line = "";
    oneLine(text).split(" ").forEach(function (word) {
      var candidate = line ? line + " " + word : word;
      if (measure.measureText(candidate).width <= width || !line) {
        line = candidate;
      } else {
        lines.push(line);
        line = word;
      }
      while (measure.measureText(line).width > width && line.length > 1) {
        var fits = line.length - 1;
        while (fits > 1 && measure.measureText(line.slice(0, fits)).width > width) { fits -= 1; }
        lines.push(line.slice(0, fits));
        line = line.slice(fits);
      }
    });
    if (line || !lines.length) { lines.push(line); }
    return lines;
  }

  function display(node) {
    var inner = WIDTHS[node.kind] - 2 * PADDING - 4;
    if (node.kind === "statement") {
      var who = (node.speaker || "(no speaker)") + ":";
      return wrap(who, inner, true).concat(wrap(quoted(shorten(node.text, 130)), inner));
    }
    return wrap(shorten(node.text, node.kind === "issue" ? 150 : 120), inner, node.kind !== "claim");
  }

  // The map as a tree read from left to right: the issue, the positions, the claims under
  // them, and each statement beside the claim it bears on (else the claim made of its words;
  // a restatement below the statement it restates); the other links are drawn across it.
  function treeParents() {
    var parent = {};
    var byKind = { parent: [], supports: [], attacks: [], quotes: [], restates: [] };
    data.edges.forEach(function (edge) {
      if (byKind[edge.kind]) { byKind[edge.kind].push(edge); }
    });
    byKind.parent.forEach(function (edge) { parent[edge.source] = edge.target; });
    function claim(id) { return nodesById[id] && nodesById[id].kind !== "statement"; }
    byKind.supports.concat(byKind.attacks).forEach(function (edge) {
      if (!parent[edge.source] && !claim(edge.source) && claim(edge.target)) {
        parent[edge.source] = edge.target;
      }
    });
    byKind.quotes.forEach(function (edge) {
      if (!parent[edge.source]) { parent[edge.source] = edge.target; }
    });
    // a restatement stands in the column of the statement it restates, just below it
    var follows = {};
    var changed = true;
    while (changed) {
      changed = false;
      byKind.restates.forEach(function (edge) {
        [[edge.source, edge.target], [edge.target, edge.source]].forEach(function (pair) {
          if (!parent[pair[0]] && parent[pair[1]]) {
            parent[pair[0]] = parent[pair[1]];
            follows[pair[0]] = pair[1];
            changed = true;
          }
        });
      });
    }
    return { parent: parent, follows: follows };
  }

  function layout(heights) {
    var tree = treeParents();
    var parent = tree.parent;
    var children = {};
    var roots = [];
    data.nodes.forEach(function (node) {
      var up = parent[node.id];
      if (up && nodesById[up]) {
        var siblings = children[up] = children[up] || [];
        var after = siblings.indexOf(tree.follows[node.id]);
        if (after >= 0) { siblings.splice(after + 1, 0, node.id); } else { siblings.push(node.id); }
      } else { roots.push(node.id); }
    });
    var depth = {};
    var columnWidth = [];
    function measureDepth(id, level) {
      depth[id] = level;
      columnWidth[level] = Math.max(columnWidth[level] || 0, WIDTHS[nodesById[id].kind]);
      (children[id] || []).forEach(function (child) { measureDepth(child, level + 1); });
    }
    roots.forEach(function (id) { measureDepth(id, 0); });
    var GAP_X = 56;
    var GAP_Y = 14;
    var left = [0];
    for (var level = 1; level < columnWidth.length; level += 1) {
      left[level] = left[level - 1] + columnWidth[level - 1] + GAP_X;
    }
    var positions = {};
    var next = 0;  // the top of the next leaf
    function place(id) {
      var kids = children[id] || [];
      var y;
      if (!kids.length) {
        y = next + heights[id] / 2;
        next += heights[id] + GAP_Y;
      } else {
        var start = next;
        kids.forEach(place);
        var first = positions[kids[0]].y;
        var last = positions[kids[kids.length - 1]].y;
        y = Math.max((first + last) / 2, start + heights[id] / 2);
        next = Math.max(next, y + heights[id] / 2 + GAP_Y);
      }
      positions[id] = { x: left[depth[id]] + WIDTHS[nodesById[id].kind] / 2, y: y };
    }
    roots.forEach(function (id, index) {
      if (index > 0) { next += 30; }  // a part of the map not linked to the issue
      place(id);
    });
    return positions;
  }

  var heights = {};
  var elements = [];
  data.nodes.forEach(function (node) {
    var lines = display(node);
    heights[node.id] = Math.ceil(lines.length * FONT_SIZE * LINE_HEIGHT + 2 * PADDING);
    elements.push({
      group: "nodes",
      data: {
        id: node.id,
        kind: node.kind,
        display: lines.join("\n"),
        colour: node.kind === "issue" ? "#243447" : labelColour(node.label),
        width: WIDTHS[node.kind],
        height: heights[node.id]
      },
      classes: node.kind + (node.label_source === "suggestion" ? " suggested" : "")
    });
  });
  data.edges.forEach(function (edge) {
    elements.push({
      group: "edges",
      data: { id: "edge:" + edge.id, source: edge.source, target: edge.target, kind: edge.kind },
      classes: edge.kind
    });
  });

  var positions = layout(heights);
  var cy = cytoscape({
    container: document.getElementById("graph"),
    elements: elements,
    layout: {
      name: "preset",
      positions: function (node) { return positions[node.id()]; },
      fit: true,
      padding: 24
    },
    minZoom: 0.1,
    maxZoom: 3,
    autoungrabify: false,
    boxSelectionEnabled: false,
    style: [
      {
        selector: "node",
        style: {
          shape: "round-rectangle",
          width: "data(width)",
          height: "data(height)",
          label: "data(display)",
          "text-wrap": "wrap",
          "text-max-width": "1000px",
          "text-valign": "center",
          "text-halign": "center",
          "text-justification": "left",
          "font-family": FONT_FAMILY,
          "font-size": FONT_SIZE,
          "line-height": LINE_HEIGHT,
          color: "#1f2933",
          "background-color": "#ffffff",
          "border-width": 2,
          "border-color": "data(colour)"
        }
      },
      {
        selector: "node.issue",
        style: {
          "background-color": "#243447", color: "#ffffff", "font-weight": "bold",
          "text-justification": "center"
        }
      },
      {
        selector: "node.position",
        style: { "background-color": "#eef2f7", "border-width": 3, "font-weight": "bold" }
      },
      { selector: "node.claim", style: { "background-color": "#f7f9fb" } },
      { selector: "node.statement", style: { "border-width": 2, "border-style": "solid" } },
      { selector: "node.suggested", style: { "border-style": "dashed" } },
      {
        selector: "node:selected",
        style: { "overlay-color": "#1d5fa8", "overlay-opacity": 0.12, "border-width": 4 }
      },
      {
        selector: "edge",
        style: {
          width: 2,
          "curve-style": "bezier",
          "line-color": "#aab3bf",
          "target-arrow-color": "#aab3bf",
          "target-arrow-shape": "triangle",
          "arrow-scale": 0.9
        }
      },
      {
        selector: "edge.parent",
        style: { "line-style": "dashed", "target-arrow-shape": "none", "curve-style": "taxi",
                 "taxi-direction": "horizontal" }
      },
      {
        selector: "edge.supports",
        style: { "line-color": EDGE_COLOURS.supports, "target-arrow-color": EDGE_COLOURS.supports }
      },
      {
        selector: "edge.attacks",
        style: { "line-color": EDGE_COLOURS.attacks, "target-arrow-color": EDGE_COLOURS.attacks }
      },
      {
        selector: "edge.rebuts",
        style: { "line-color": EDGE_COLOURS.rebuts, "target-arrow-color": EDGE_COLOURS.rebuts,
                 width: 3.5 }
      },
      {
        selector: "edge.restates",
        style: { "line-color": EDGE_COLOURS.restates, "line-style": "dotted",
                 "target-arrow-shape": "none" }
      },
      {
        selector: "edge.quotes",
        style: { "line-color": EDGE_COLOURS.quotes, "line-style": "dashed",
                 "target-arrow-color": EDGE_COLOURS.quotes }
      },
      { selector: ".faded", style: { opacity: 0.25 } }
    ]
  });

  if (cy.zoom() > 1.25) {  // a small map: not blown up to the frame
    cy.zoom(1.25);
    cy.center();
  }

  // --- the page around the graph -------------------------------------------------------

  document.getElementById("issue").textContent = data.issue;
  var counts = { position: 0, claim: 0, statement: 0 };
  data.nodes.forEach(function (node) { if (node.kind in counts) { counts[node.kind] += 1; } });
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  var meta = [plural(counts.position, "position"), plural(counts.claim, "claim"),
    plural(counts.statement, "linked statement")].join(", ");
  if (data.subset) { meta += " · part of the map: " + data.subset; }
  document.getElementById("meta").textContent = meta;
  document.getElementById("footer").textContent = "Exported by argmap " + data.argmap_version +
    " on " + data.exported_at.slice(0, 10) + ". Made with Cytoscape.js (MIT licence).";

  var legend = document.getElementById("legend");
  function legendItem(mark, text) {
    var item = element("span");
    item.appendChild(mark);
    item.appendChild(document.createTextNode(text));
    legend.appendChild(item);
  }
  data.labels.forEach(function (label) {
    var swatch = element("span", "swatch");
    swatch.style.borderColor = label.colour;
    legendItem(swatch, label.name);
  });
  [["supports", "", "supports"], ["attacks", "", "attacks"], ["restates", "dotted", "restates"]]
    .forEach(function (item) {
      var stroke = element("span", "stroke" + (item[1] ? " " + item[1] : ""));
      stroke.style.borderTopColor = EDGE_COLOURS[item[0]];
      legendItem(stroke, item[2]);
    });
  var suggestedMark = element("span", "swatch");
  suggestedMark.style.borderStyle = "dashed";
  suggestedMark.style.borderColor = "#8a8f98";
  legendItem(suggestedMark, "stance suggested by the model");

  // --- the side panel --------------------------------------------------------------------

  var panel = document.getElementById("panel");

  function chip(label, source) {
    var made = element("span", "chip", labelName(label) + (source === "suggestion" ? "?" : ""));
    made.style.backgroundColor = labelColour(label);
    return made;
  }
  function fact(list, term, value) {
    if (value === null || value === undefined || value === "") { return; }
    list.appendChild(element("dt", null, term));
    var holder = element("dd");
    if (value instanceof Node) { holder.appendChild(value); } else { holder.textContent = value; }
    list.appendChild(holder);
  }
  function safeLink(url) {
    if (!/^https?:\/\//i.test(url || "")) { return url || null; }
    var link = element("a", null, url);
    link.href = url;
    link.rel = "noopener noreferrer";
    link.target = "_blank";
    return link;
  }
  function nodeTitle(id) {
    var node = nodesById[id];
    if (!node) { return id; }
    if (node.kind === "statement") {
      return (node.speaker || "(no speaker)") + ": " + quoted(shorten(node.text, 90));
    }
    return shorten(node.text, 100);
  }
  function linkList(id) {
    var groups = {};
    var order = [];
    data.edges.forEach(function (edge) {
      var outgoing = edge.source === id;
      if (!outgoing && edge.target !== id) { return; }
      var words = RELATION_WORDS[edge.kind] || [edge.kind, edge.kind];
      var key = outgoing ? words[0] : words[1];
      if (!groups[key]) { groups[key] = { kind: edge.kind, ids: [] }; order.push(key); }
      groups[key].ids.push(outgoing ? edge.target : edge.source);
    });
    var holder = element("div", "links");
    order.forEach(function (key) {
      var heading = element("h3");
      heading.appendChild(element("span", "kind-" + groups[key].kind, key));
      holder.appendChild(heading);
      var list = element("ul");
      groups[key].ids.forEach(function (other) {
        var item = element("li");
        var button = element("button", "linkbutton", nodeTitle(other));
        button.type = "button";
        button.addEventListener("click", function () { select(other); });
        item.appendChild(button);
        list.appendChild(item);
      });
      holder.appendChild(list);
    });
    return holder;
  }

  function showNode(node) {
    panel.textContent = "";
    panel.appendChild(element("div", "badge", KIND_NAMES[node.kind] || node.kind));
    if (node.kind === "statement") {
      var quote = element("blockquote", "panel-text", node.text);
      quote.id = "panel-text";
      panel.appendChild(quote);
      var speaker = element("p", "speaker", node.speaker || "(no speaker)");
      if (node.role) { speaker.appendChild(element("span", "role", ", " + node.role)); }
      panel.appendChild(speaker);
    } else {
      var text = element("p", "panel-text", node.text);
      text.id = "panel-text";
      panel.appendChild(text);
    }
    var facts = element("dl", "facts");
    if (node.kind === "statement" || node.label) {
      var stance = element("span");
      stance.appendChild(chip(node.label, node.label_source));
      var how = { suggestion: " suggested by the model", human: " labelled by people",
        adjudicated: " adjudicated" }[node.label_source];
      if (how) { stance.appendChild(document.createTextNode(how)); }
      fact(facts, "stance", stance);
    }
    if (node.kind === "statement") {
      var document_ = data.documents[node.document] || {};
      fact(facts, "document", document_.title || document_.name);
      if (document_.title) { fact(facts, "file", document_.name); }
      fact(facts, "outlet", document_.outlet);
      fact(facts, "published", document_.published);
      fact(facts, "authors", (document_.authors || []).join(", "));
      fact(facts, "address", safeLink(document_.url));
      fact(facts, "review", node.review);
    }
    fact(facts, "id", node.id === "issue" ? null : node.id);
    panel.appendChild(facts);
    panel.appendChild(linkList(node.id));
  }

  // A board statement not drawn in the graph: what the board knows of it.
  function showQuote(quote, column, speaker) {
    panel.textContent = "";
    panel.appendChild(element("div", "badge", "Statement (not linked in the map)"));
    var text = element("blockquote", "panel-text", quote.text);
    text.id = "panel-text";
    panel.appendChild(text);
    panel.appendChild(element("p", "speaker", speaker.name));
    var facts = element("dl", "facts");
    fact(facts, "stance", chip(column.label || null));
    fact(facts, "id", quote.id);
    panel.appendChild(facts);
  }

  function focusOn(target) {
    cy.elements().removeClass("faded");
    var near = target.closedNeighborhood();
    cy.elements().not(near).addClass("faded");
  }

  function select(id) {
    var target = cy.getElementById(id);
    if (!target.nonempty()) { return false; }
    cy.elements().unselect();
    target.select();
    focusOn(target);
    showNode(nodesById[id]);
    var seen = cy.extent();
    var box = target.boundingBox();
    if (box.x1 < seen.x1 || box.x2 > seen.x2 || box.y1 < seen.y1 || box.y2 > seen.y2) {
      cy.animate({ center: { eles: target }, duration: 200 });  // out of sight: bring it in
    }
    return true;
  }

  cy.on("tap", "node", function (event) {
    var node = event.target;
    cy.elements().unselect();
    node.select();
    focusOn(node);
    showNode(nodesById[node.id()]);
  });
  cy.on("tap", function (event) {
    if (event.target === cy) { cy.elements().removeClass("faded"); }
  });
  document.getElementById("fit").addEventListener("click", function () {
    cy.elements().removeClass("faded");
    cy.fit(undefined, 24);
  });
  document.getElementById("print").addEventListener("click", function () { window.print(); });

  // --- the map as a list -----------------------------------------------------------------

  var MARKS = { supports: "+", attacks: "−", rebuts: "rebuts", restates: "restates",
    quotes: "its words" };
  var outline = document.getElementById("outline-list");
  var listed = {};
  function outlineItem(id, mark, kind, seen) {
    listed[id] = true;
    var item = element("li", "outline-" + nodesById[id].kind);
    if (mark) { item.appendChild(element("span", "mark kind-" + kind, mark)); }
    var button = element("button", "linkbutton", nodeTitle(id));
    button.type = "button";
    button.dataset.node = id;
    button.addEventListener("click", function () {
      select(id);
      document.getElementById("map").scrollIntoView({ behavior: "smooth" });
    });
    item.appendChild(button);
    // a claim linked to another is listed whole in its own place, here only named; and a cycle
    // of links is followed once
    var elsewhere = kind && nodesById[id].kind !== "statement";
    if (elsewhere || seen.indexOf(id) >= 0) { return item; }
    var inner = element("ul");
    var under = seen.concat([id]);
    data.edges.forEach(function (edge) {
      if (edge.target === id && edge.kind === "parent") {
        inner.appendChild(outlineItem(edge.source, null, null, under));
      }
    });
    var shown = {};  // a claim's statement that also supports it: once, as a supporter
    data.edges.filter(function (edge) { return edge.target === id && edge.kind !== "parent"; })
      .sort(function (a, b) { return (a.kind === "quotes") - (b.kind === "quotes"); })
      .forEach(function (edge) {
        if (shown[edge.source]) { return; }
        shown[edge.source] = true;
        inner.appendChild(outlineItem(edge.source, MARKS[edge.kind] || edge.kind, edge.kind, under));
      });
    if (inner.childNodes.length) { item.appendChild(inner); }
    return item;
  }
  outline.appendChild(outlineItem("issue", null, null, []));
  // what no link joins to the issue (statements that only restate each other): after it,
  // those that point at nothing first
  var pointing = {};
  data.edges.forEach(function (edge) { pointing[edge.source] = true; });
  [false, true].forEach(function (points) {
    data.nodes.forEach(function (node) {
      if (!listed[node.id] && !!pointing[node.id] === points) {
        outline.appendChild(outlineItem(node.id, null, null, []));
      }
    });
  });

  // --- the board -------------------------------------------------------------------------

  var boardHolder = document.getElementById("board-columns");
  if (!data.board) {
    boardHolder.appendChild(element("p", "empty",
      "The board is left out of an export of part of the map: it counts the whole workspace."));
  } else if (!data.board.length) {
    boardHolder.appendChild(element("p", "empty", "No statements yet."));
  } else {
    data.board.forEach(function (column) {
      var box = element("div", "column");
      box.style.borderTopColor = column.colour;
      box.appendChild(element("h3", null, column.name));
      box.appendChild(element("p", "counts",
        plural(column.statements, "statement") + ", " + plural(column.speakers, "speaker")));
      column.rows.forEach(function (speaker) {
        var who = element("p", "who", speaker.name + " ");
        who.appendChild(element("span", "count", String(speaker.count)));
        box.appendChild(who);
        speaker.quotes.forEach(function (quote) {
          var button = element("button", "quote", quoted(quote.text));
          button.type = "button";
          button.style.borderLeftColor = column.colour;
          button.dataset.statement = quote.id;
          button.addEventListener("click", function () {
            if (!select(quote.id)) { cy.elements().unselect(); showQuote(quote, column, speaker); }
            document.getElementById("map").scrollIntoView({ behavior: "smooth" });
          });
          box.appendChild(button);
        });
        if (speaker.count > speaker.quotes.length) {
          box.appendChild(element("p", "more", "… " + (speaker.count - speaker.quotes.length) +
            " more"));
        }
      });
      boardHolder.appendChild(box);
    });
  }

  // --- printing: the graph as a picture ---------------------------------------------------

  var printed = document.getElementById("graph-print");
  window.addEventListener("beforeprint", function () {
    document.getElementById("outline-details").open = true;
    cy.elements().removeClass("faded");
    printed.src = cy.png({ full: true, scale: 2, bg: "#ffffff" });
  });

  window.argmap = { cy: cy, data: data, select: select };
}());
